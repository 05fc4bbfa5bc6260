package io.enori.mcp.core.oauth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2WithHmacSHA256 from the JDK, per-user random salt, stored as
 * {@code pbkdf2_sha256$ITERATIONS$SALT$HASH} (base64), so the cost can be raised later without breaking old hashes.
 */
final class PasswordHasher {
    static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final String PREFIX = "pbkdf2_sha256";

    private final SecureRandom random = new SecureRandom();
    private final int iterations;
    /**
     * A hash of nothing in particular, verified against when a user does not exist, so both take as long. Made on
     * first need, so building a core costs no PBKDF2 run.
     */
    private volatile String decoy;

    PasswordHasher(int iterations) {
        this.iterations = iterations;
    }

    private String decoy() {
        String d = decoy;
        if (d == null) {
            d = hash("decoy password that matches nothing".toCharArray());
            decoy = d;
        }
        return d;
    }

    String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] derived = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derived);
    }

    boolean verify(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            verify(password, decoy());
            return false;
        }
        int storedIterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(derive(password, salt, storedIterations), expected);
    }

    /** Burns the same time as a real verification, for a user that does not exist. */
    void verifyDecoy(char[] password) {
        verify(password, decoy());
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required by every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
