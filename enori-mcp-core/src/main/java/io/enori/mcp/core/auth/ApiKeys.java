package io.enori.mcp.core.auth;

import io.enori.mcp.api.Account;
import io.enori.mcp.api.ApiKey;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.spi.Storage;
import io.enori.mcp.core.tool.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Issues, lists, revokes and verifies API keys. A key is {@code enr_} plus 40 random base62 characters (about
 * 238 bits), so a plain SHA-256 is a sound stored form: there is nothing to brute-force. Only the hash and a
 * short display prefix are stored.
 */
public final class ApiKeys {
    public static final String KEY_PREFIX = "enr_";
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int SECRET_LENGTH = 40;
    private static final int DISPLAY_PREFIX_LENGTH = KEY_PREFIX.length() + 6;

    /** A newly created key; {@code plaintext} exists only here and is never stored. */
    public record IssuedKey(ApiKey key, Account account, String plaintext) {
    }

    private final Storage storage;
    private final Clock clock;
    private final Ids ids;
    private final Plan defaultPlan;
    private final SecureRandom random = new SecureRandom();

    public ApiKeys(Storage storage, Clock clock, Ids ids, Plan defaultPlan) {
        this.storage = Objects.requireNonNull(storage);
        this.clock = Objects.requireNonNull(clock);
        this.ids = Objects.requireNonNull(ids);
        this.defaultPlan = Objects.requireNonNull(defaultPlan);
    }

    /** Creates a key for the named account, creating the account (on the default plan) if it does not exist. */
    public synchronized IssuedKey create(String accountName, Set<Scope> scopes, String label) {
        if (accountName == null || accountName.isBlank() || accountName.length() > 100) {
            throw new IllegalArgumentException("account name must be 1-100 characters");
        }
        if (label != null && label.length() > 200) {
            throw new IllegalArgumentException("key name must be at most 200 characters");
        }
        Account account = storage.accounts().findByName(accountName.strip()).orElseGet(() -> {
            Account created = new Account(ids.next("acc_"), accountName.strip(), defaultPlan, clock.instant());
            storage.accounts().insert(created);
            return created;
        });
        String plaintext = KEY_PREFIX + randomSecret();
        ApiKey key = new ApiKey(ids.next("key_"), account.id(), label == null ? "" : label,
                plaintext.substring(0, DISPLAY_PREFIX_LENGTH), hash(plaintext), scopes, clock.instant(), null);
        storage.apiKeys().insert(key);
        return new IssuedKey(key, account, plaintext);
    }

    public List<ApiKey> list() {
        return storage.apiKeys().list(null);
    }

    public boolean revoke(String keyId) {
        return storage.apiKeys().revoke(keyId, clock.instant());
    }

    /**
     * Turns a presented key into a caller; a missing, unknown or revoked key yields an unauthenticated caller
     * that says which.
     */
    public Caller authenticate(String presented) {
        if (presented == null || presented.isBlank()) {
            return Caller.unauthenticated("no API key was given (set ENORI_API_KEY or send X-Api-Key)");
        }
        String candidateHash = hash(presented.strip());
        return storage.apiKeys().findBySecretHash(candidateHash)
                // The lookup is by hash; comparing again in constant time keeps a timing side channel shut
                // even if a store's index lookup were not exact-match.
                .filter(key -> MessageDigest.isEqual(key.secretHash().getBytes(StandardCharsets.US_ASCII),
                        candidateHash.getBytes(StandardCharsets.US_ASCII)))
                .map(key -> key.isRevoked()
                        ? Caller.unauthenticated("the API key " + key.prefix() + "… was revoked")
                        : Caller.apiKey(key.accountId(), key.id(), key.scopes()))
                .orElseGet(() -> Caller.unauthenticated("the API key is not valid"));
    }

    /** SHA-256 of the key, hex-encoded. */
    public static String hash(String plaintext) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plaintext.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    private String randomSecret() {
        StringBuilder secret = new StringBuilder(SECRET_LENGTH);
        for (int i = 0; i < SECRET_LENGTH; i++) {
            secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }
}
