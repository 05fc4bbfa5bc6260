package io.enori.mcp.core.store;

import java.util.UUID;

/**
 * Storage for tests: each call yields a fresh in-memory H2 database, migrated exactly as in production.
 * The databases live until the test JVM exits ({@code DB_CLOSE_DELAY=-1}); each is small.
 */
public final class TestStorage {

    private TestStorage() {
    }

    /** A migrated, empty storage of its own. */
    public static JdbiStorage freshH2() {
        return JdbiStorage.create(freshH2Url());
    }

    /** The URL of a new, uniquely named in-memory H2 database, for tests that hand a URL to a builder. */
    public static String freshH2Url() {
        return "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    }
}
