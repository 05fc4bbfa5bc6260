package io.enori.mcp.core.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.api.spi.CheckExecutor;
import io.enori.mcp.api.spi.PageRequest;
import io.enori.mcp.api.spi.Storage;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.monitors.CheckRecorder;
import io.enori.mcp.core.store.JdbiStorage;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.Ids;
import io.enori.mcp.core.tool.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A core over a fresh in-memory H2 database, a clock the test moves, a local HTTP site, and a scheduler over the
 * same storage. Monitors are created through {@code create_monitor}, as a client would.
 */
final class SchedulerHarness implements AutoCloseable {
    static final Instant START = Instant.parse("2025-11-10T12:00:00Z");
    /** Fast ticks and rescans so tests wait milliseconds, not seconds, for the loop to notice the clock. */
    static final Scheduler.Options FAST = new Scheduler.Options(Duration.ofMillis(10), Duration.ofMillis(50), 64,
            Duration.ofMillis(300), Duration.ofSeconds(2));
    static final DefaultCheckExecutor CHECKS = DefaultCheckExecutor.create();

    final MutableClock clock = new MutableClock(START);
    final Storage storage;
    final EnoriMcp enori;
    final Caller writer;
    final CoreContext context;
    final Site site = new Site();
    final Scheduler scheduler;
    private final String jdbcUrl;

    SchedulerHarness() {
        this(CHECKS, 4, FAST);
    }

    SchedulerHarness(CheckExecutor checks, int workers, Scheduler.Options options) {
        this(checks, workers, options, Plan.DEFAULT);
    }

    SchedulerHarness(CheckExecutor checks, int workers, Scheduler.Options options, Plan plan) {
        jdbcUrl = "jdbc:h2:mem:s" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        storage = JdbiStorage.create(jdbcUrl);
        enori = EnoriMcp.builder().storage(storage).clock(clock).checkExecutor(CHECKS).rateLimits(100_000, 100_000)
                .defaultPlan(plan).build();
        writer = enori.apiKeys().authenticate(enori.apiKeys()
                .create("acme", EnumSet.of(Scope.MONITORS_READ, Scope.MONITORS_WRITE), "writer").plaintext());
        context = new CoreContext(storage, clock, new Ids(clock), checks, plan, "http://x");
        scheduler = Scheduler.create(context, new CheckRecorder(context), workers, options);
    }

    /** A website monitor checking {@code /<name>} on the local site; returns its id. */
    String website(String name, int intervalSeconds) {
        return website(name, intervalSeconds, 5_000);
    }

    String website(String name, int intervalSeconds, int timeoutMs) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("type", "website");
        args.put("name", name);
        args.put("url", site.url(name));
        args.put("intervalSeconds", intervalSeconds);
        args.put("timeoutMs", timeoutMs);
        return (String) ((Map<?, ?>) ok("create_monitor", args).get("monitor")).get("id");
    }

    Map<String, Object> ok(String tool, Map<String, Object> args) {
        ToolOutcome outcome = enori.call(tool, writer, args);
        if (outcome instanceof ToolOutcome.Failed failed) {
            fail("%s %s failed: %s", tool, args, failed.error().toBody());
        }
        return Json.toMap(((ToolOutcome.Ok) outcome).content());
    }

    List<CheckResult> stored(String monitorId) {
        return storage.checkResults().list(writer.accountId(), monitorId, null, null, new PageRequest(200, null))
                .items();
    }

    Instant nextDue(String monitorId) {
        await("monitor " + monitorId + " is scheduled", () -> scheduler.nextDue(monitorId).isPresent());
        return scheduler.nextDue(monitorId).orElseThrow();
    }

    /** Polls until the condition holds; fails after 5 s. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            pause(Duration.ofMillis(5));
        }
    }

    /** Lets the loop tick many times; used before asserting that something did not happen. */
    static void settle() {
        pause(Duration.ofMillis(200));
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        scheduler.stop();
        site.close();
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // Already closed.
        }
    }

    /** A loopback site: {@code /<name>} answers 200, after {@link #delay} if set, and counts hits per path. */
    static final class Site implements AutoCloseable {
        final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
        private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> maxRunning = new ConcurrentHashMap<>();
        private final HttpServer server;
        private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "scheduler-test-site");
            thread.setDaemon(true);
            return thread;
        });

        Site() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                int now = running.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                maxRunning.computeIfAbsent(path, p -> new AtomicInteger()).accumulateAndGet(now, Math::max);
                try {
                    pause(delay.get());
                    byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } finally {
                    running.get(path).decrementAndGet();
                    exchange.close();
                }
            });
            server.setExecutor(handlers);
            server.start();
        }

        String url(String name) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
        }

        int hits(String name) {
            AtomicInteger count = hits.get("/" + name);
            return count == null ? 0 : count.get();
        }

        int maxConcurrent(String name) {
            AtomicInteger max = maxRunning.get("/" + name);
            return max == null ? 0 : max.get();
        }

        @Override
        public void close() {
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    /** A UTC clock that stands still until the test moves it. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        Instant advance(Duration by) {
            return now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static void assertNoOverlap(Site site, String name) {
        assertThat(site.maxConcurrent(name)).as("concurrent checks of " + name).isLessThanOrEqualTo(1);
    }
}
