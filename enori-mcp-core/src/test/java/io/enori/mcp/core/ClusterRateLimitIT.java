package io.enori.mcp.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.core.ratelimit.RateLimits;
import io.enori.mcp.core.store.TestStorage;
import io.enori.mcp.core.testing.MutableClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cluster mode's shared rate limit: two nodes (two cores) on one PostgreSQL schema count one principal's calls
 * together, exactly. Runs only when {@value #URL_VARIABLE} names a database; skipped otherwise.
 */
class ClusterRateLimitIT {
    static final String URL_VARIABLE = "ENORI_TEST_POSTGRES_URL";
    private static final Caller KEY = Caller.apiKey("acc_1", "key_1", Set.of(Scope.MONITORS_READ));

    private final List<String> schemas = new ArrayList<>();
    private final List<EnoriMcp> nodes = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00.400Z"));

    @AfterEach
    void dropSchemas() throws SQLException {
        nodes.forEach(EnoriMcp::close);
        for (String schema : schemas) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void eightCallersOnTwoNodesAreAdmittedExactlySixtyPerMinute() throws Exception {
        List<EnoriMcp> nodes = twoNodes();

        assertThat(race(nodes, KEY, 200)).isEqualTo(60);
        RateLimits.Decision rejected = nodes.get(0).admit(KEY);
        assertThat(rejected).isEqualTo(new RateLimits.Decision.Rejected(60, 60));

        clock.advance(Duration.ofSeconds(59));
        assertThat(nodes.get(1).admit(KEY)).isInstanceOf(RateLimits.Decision.Rejected.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(race(nodes, KEY, 200)).isEqualTo(60);
    }

    @Test
    void oauthCallersGetOneHundred() throws Exception {
        List<EnoriMcp> nodes = twoNodes();
        Caller grant = Caller.oauth("acc_1", "grant_1");

        assertThat(race(nodes, grant, 300)).isEqualTo(100);
        assertThat(nodes.get(1).admit(KEY)).isEqualTo(new RateLimits.Decision.Admitted(60, 59));
    }

    @Test
    void retryAfterCountsFromTheOldestBucketAndTheWindowSlides() {
        List<EnoriMcp> nodes = twoNodes();
        for (int i = 0; i < 30; i++) {
            assertThat(nodes.get(i % 2).admit(KEY)).isInstanceOf(RateLimits.Decision.Admitted.class);
        }
        clock.advance(Duration.ofSeconds(20));
        for (int i = 0; i < 30; i++) {
            assertThat(nodes.get(i % 2).admit(KEY)).isInstanceOf(RateLimits.Decision.Admitted.class);
        }
        clock.advance(Duration.ofSeconds(10));
        assertThat(nodes.get(0).admit(KEY)).isEqualTo(new RateLimits.Decision.Rejected(60, 30));
        clock.advance(Duration.ofSeconds(30));
        // The first 30 left the window; the second 30 remain.
        assertThat(nodes.get(1).admit(KEY)).isEqualTo(new RateLimits.Decision.Admitted(60, 29));
        assertThat(nodes.get(0).isCluster()).isTrue();
    }

    @Test
    void clusterModeFailsFastWithoutPostgres() {
        assertThatThrownBy(() -> EnoriMcp.builder().jdbcUrl(TestStorage.freshH2Url()).cluster(true).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cluster mode needs PostgreSQL");
        assertThat(EnoriMcp.builder().jdbcUrl(TestStorage.freshH2Url()).build().isCluster()).isFalse();
    }

    /** 8 callers, alternating between the nodes, make {@code attempts} calls in all; returns how many were admitted. */
    private static int race(List<EnoriMcp> nodes, Caller caller, int attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            AtomicInteger admitted = new AtomicInteger();
            AtomicInteger remaining = new AtomicInteger(attempts);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                EnoriMcp node = nodes.get(t % nodes.size());
                futures.add(pool.submit(() -> {
                    start.await();
                    while (remaining.getAndDecrement() > 0) {
                        if (node.admit(caller) instanceof RateLimits.Decision.Admitted) {
                            admitted.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            return admitted.get();
        } finally {
            pool.shutdownNow();
        }
    }

    private List<EnoriMcp> twoNodes() {
        assumeTrue(configuredUrl() != null, URL_VARIABLE + " is not set; cluster rate limit skipped");
        String url = newSchemaUrl();
        return List.of(node(url), node(url));
    }

    private EnoriMcp node(String url) {
        EnoriMcp node = EnoriMcp.builder().jdbcUrl(url).clock(clock).cluster(true).dbPool(4, Duration.ofSeconds(10))
                .build();
        nodes.add(node);
        return node;
    }

    private String newSchemaUrl() {
        String schema = "enori_c_" + UUID.randomUUID().toString().replace("-", "");
        try {
            execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(URL_VARIABLE + " is set but PostgreSQL is unreachable: " + e.getMessage(),
                    e);
        }
        schemas.add(schema);
        String url = configuredUrl();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(configuredUrl());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String configuredUrl() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? null : url.trim();
    }
}
