package io.enori.mcp.transport.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.testing.PostgresSchemas;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduler node killed with {@code kill -9}: three standalone server jars with {@code --cluster} on one
 * PostgreSQL schema check 20 website monitors (the shortest interval the product allows, 30 s) on a loopback site
 * that records which monitor each request is for. Node A runs alone first, so it provably checks every monitor;
 * B and C join, A is killed (SIGKILL via {@link Process#destroyForcibly()}), and every monitor is checked again
 * within one interval of the kill, by the survivors; no monitor is ever checked twice for one grid point. Runs
 * only when {@value PostgresSchemas#URL_VARIABLE} names a database; skipped otherwise.
 */
class ClusterFailoverIT {
    private static final Path JAR = Path.of("target", "enori-mcp-server.jar");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final int MONITORS = 20;
    private static final int INTERVAL_SECONDS = Monitor.MIN_INTERVAL_SECONDS;
    private static final long INTERVAL_MILLIS = INTERVAL_SECONDS * 1000L;
    /**
     * How late after its grid point a survivor's check may reach the site: the 200 ms tick, the claim's round trip
     * and the request, on a machine busy with three JVMs. Far below half an interval, so a late check is never
     * mistaken for the next grid point's.
     */
    private static final long LATENESS_MILLIS = 10_000;

    @TempDir
    Path dir;

    private final PostgresSchemas schemas = new PostgresSchemas();
    private final List<Process> nodes = new ArrayList<>();
    private final Map<Integer, List<Long>> checks = new ConcurrentHashMap<>();
    private HttpServer site;
    private ExecutorService siteThreads;

    @AfterEach
    void stopEverything() throws Exception {
        for (Process node : nodes) {
            node.destroyForcibly();
            node.waitFor(30, TimeUnit.SECONDS);
        }
        if (site != null) {
            site.stop(0);
            siteThreads.shutdownNow();
        }
        schemas.close();
    }

    @Test
    void killingASchedulerNodeMovesEveryMonitorWithinOneIntervalAndNoGridPointRunsTwice() throws Exception {
        String db = schemas.freshUrl();
        assertThat(JAR).as("run mvn package first").exists();
        startSite();
        createMonitors(db);

        Process a = startNode("a", db);
        awaitSchedulerStarted("a", a);
        awaitTrue(Duration.ofSeconds(INTERVAL_SECONDS + 30), () -> checks.size() == MONITORS);
        assertThat(checks).as("monitors node A checked while it ran alone").hasSize(MONITORS);
        Process b = startNode("b", db);
        Process c = startNode("c", db);
        awaitSchedulerStarted("b", b);
        awaitSchedulerStarted("c", c);
        Thread.sleep(3_000); // the three race for a few grid points

        long killedAt = System.currentTimeMillis();
        a.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no graceful stop
        assertThat(a.waitFor(30, TimeUnit.SECONDS)).as("node A died").isTrue();
        long until = killedAt + INTERVAL_MILLIS + LATENESS_MILLIS;
        awaitTrue(Duration.ofMillis(until - System.currentTimeMillis()), () -> firstAfter(killedAt).size() == MONITORS);
        Thread.sleep(Math.max(0, until - System.currentTimeMillis()));
        assertThat(b.isAlive() && c.isAlive()).as("nodes B and C still run; stderr:%n%s%n%s", read("err-b.txt"),
                read("err-c.txt")).isTrue();

        Map<Integer, Long> delays = firstAfter(killedAt);
        System.out.printf("ClusterFailoverIT: %d checks of %d monitors; first check after the kill came %d-%d ms "
                        + "after it%n", checks.values().stream().mapToInt(List::size).sum(), MONITORS,
                delays.values().stream().mapToLong(Long::longValue).min().orElse(-1),
                delays.values().stream().mapToLong(Long::longValue).max().orElse(-1));
        assertThat(delays).as("monitors checked within one interval (+%d ms lateness) after the kill",
                LATENESS_MILLIS).hasSize(MONITORS);
        for (Map.Entry<Integer, List<Long>> monitor : new TreeMap<>(checks).entrySet()) {
            List<Long> times = new ArrayList<>(monitor.getValue());
            Collections.sort(times);
            for (int i = 1; i < times.size(); i++) {
                // Grid points are a whole interval apart; two checks closer than half of one share a grid point.
                assertThat(times.get(i) - times.get(i - 1))
                        .as("monitor %d: checks %d and %d (ms since the kill: %s)", monitor.getKey(), i - 1, i,
                                times.stream().map(t -> t - killedAt).toList())
                        .isGreaterThan(INTERVAL_MILLIS / 2);
            }
        }
    }

    /** Per monitor, how long after {@code since} its first check came, if within an interval plus lateness. */
    private Map<Integer, Long> firstAfter(long since) {
        Map<Integer, Long> first = new TreeMap<>();
        checks.forEach((monitor, times) -> times.stream().filter(t -> t > since).mapToLong(t -> t - since).min()
                .ifPresent(delay -> {
                    if (delay <= INTERVAL_MILLIS + LATENESS_MILLIS) {
                        first.put(monitor, delay);
                    }
                }));
        return first;
    }

    /** Migrates the schema and creates the monitors before any node starts, so no node prints a first-start key. */
    private void createMonitors(String db) {
        try (EnoriMcp core = EnoriMcp.builder().jdbcUrl(db).cluster(true).dbPool(2, Duration.ofSeconds(10)).build()) {
            Caller caller = core.apiKeys().authenticate(
                    core.apiKeys().create("failover", EnumSet.allOf(Scope.class), "test").plaintext());
            for (int i = 0; i < MONITORS; i++) {
                ToolOutcome created = core.call("create_monitor", caller, Map.of("type", "website", "name", "m" + i,
                        "url", "http://127.0.0.1:" + site.getAddress().getPort() + "/m/" + i,
                        "intervalSeconds", INTERVAL_SECONDS));
                assertThat(created).as("create_monitor m%d", i).isInstanceOf(ToolOutcome.Ok.class);
            }
        }
    }

    private void startSite() throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        siteThreads = Executors.newFixedThreadPool(8);
        site.setExecutor(siteThreads);
        site.createContext("/m/", this::record);
        site.start();
    }

    private void record(HttpExchange exchange) throws IOException {
        long now = System.currentTimeMillis();
        String path = exchange.getRequestURI().getPath();
        checks.computeIfAbsent(Integer.parseInt(path.substring("/m/".length())), k -> new CopyOnWriteArrayList<>())
                .add(now);
        byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Process startNode(String name, String db) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = List.of(JAVA.toString(), "-Xmx192m", "-jar", JAR.toString(), "--cluster",
                "--db", db, "--db-pool-size", "4", "--port", Integer.toString(port));
        Process process = new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectOutput(dir.resolve("out-" + name + ".txt").toFile())
                .redirectError(dir.resolve("err-" + name + ".txt").toFile())
                .start();
        nodes.add(process);
        return process;
    }

    /** The node logs this once it serves and its scheduler has read the monitors. */
    private void awaitSchedulerStarted(String name, Process node) throws Exception {
        String log = "err-" + name + ".txt";
        String started = "scheduler started: " + MONITORS + " monitors";
        awaitTrue(Duration.ofSeconds(90), () -> !node.isAlive() || read(log).contains(started));
        assertThat(read(log)).as("node %s is alive and logged '%s'", name, started).contains(started);
        assertThat(node.isAlive()).as("node %s is alive; stderr:%n%s", name, read(log)).isTrue();
    }

    /** Waits until the condition holds or the time is up; the assertion after it says what was missing. */
    private static void awaitTrue(Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, within.toNanos());
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private String read(String name) {
        try {
            Path file = dir.resolve(name);
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
