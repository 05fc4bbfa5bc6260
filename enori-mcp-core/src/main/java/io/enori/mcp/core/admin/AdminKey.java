package io.enori.mcp.core.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The admin key: only its SHA-256 (hex) is stored, in {@code admin_settings} or the host's configuration, and a
 * presented key is compared with it in constant time.
 */
public final class AdminKey {
    static final String SETTING = "admin_key_sha256";

    private AdminKey() {
    }

    public static String hash(String plaintext) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code presented} is non-blank and hashes to {@code configuredHash} (compared in constant time). */
    public static boolean matches(String presented, String configuredHash) {
        if (presented == null || presented.isBlank() || configuredHash == null || configuredHash.isBlank()) {
            return false;
        }
        byte[] a = hash(presented).getBytes(StandardCharsets.US_ASCII);
        byte[] b = configuredHash.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(a, b);
    }

    /** The hash stored by {@link #store}, if any. */
    public static Optional<String> stored(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT setting_value FROM admin_settings WHERE setting_name = :n")
                .bind("n", SETTING).mapTo(String.class).findOne());
    }

    /** Stores the hash of {@code plaintext}, replacing an earlier one. */
    public static void store(Jdbi jdbi, String plaintext) {
        if (plaintext == null || plaintext.length() < 16) {
            throw new IllegalArgumentException("the admin key must be at least 16 characters");
        }
        String hash = hash(plaintext);
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM admin_settings WHERE setting_name = :n").bind("n", SETTING).execute();
            h.createUpdate("INSERT INTO admin_settings (setting_name, setting_value) VALUES (:n, :v)").bind("n", SETTING)
                    .bind("v", hash).execute();
        });
    }
}
