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

    /**
     * Whether {@code presented} (a launcher's {@code ENORI_ADMIN_KEY}) matches the configured admin key: the hash a
     * host passes ({@code ENORI_ADMIN_KEY_HASH}) or the one {@code admin-key set} stored in the database at
     * {@code dbUrl}. The database is opened (and migrated) only for this read and released afterwards.
     */
    public static boolean matchesConfigured(String presented, String hashFromEnvironment, String dbUrl) {
        if (presented == null || presented.isBlank()) {
            return false;
        }
        if (matches(presented, hashFromEnvironment)) {
            return true;
        }
        return withJdbi(dbUrl, jdbi -> stored(jdbi).map(h -> matches(presented, h)).orElse(false));
    }

    /** Opens the database (migrated) for one short job and releases its pool afterwards. */
    public static <T> T withJdbi(String dbUrl, java.util.function.Function<Jdbi, T> job) {
        javax.sql.DataSource dataSource = io.enori.mcp.core.store.Databases.dataSource(dbUrl);
        try {
            return job.apply(io.enori.mcp.core.store.JdbiStorage.create(dataSource).jdbi());
        } finally {
            if (dataSource instanceof org.h2.jdbcx.JdbcConnectionPool pool) {
                pool.dispose();
            }
            io.enori.mcp.core.store.Databases.close(dataSource);
        }
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
