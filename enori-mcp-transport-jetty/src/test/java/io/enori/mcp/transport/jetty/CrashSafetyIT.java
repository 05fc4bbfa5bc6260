package io.enori.mcp.transport.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.enori.mcp.transport.jetty.McpHttp.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the standalone jar: a loop of writes is cut by {@code kill -9} (SIGKILL via
 * {@link Process#destroyForcibly()}), the server restarts on the same database, and every write that was
 * acknowledged is still there: create_monitor and update_monitor calls answered with success, job heartbeats
 * ({@code POST /ping/{token}}) answered 200, and OTLP batches ({@code POST /v1/traces}) answered 200. Several
 * cycles, on an H2 file and (when {@code ENORI_TEST_POSTGRES_URL} is set) on a fresh PostgreSQL schema.
 */
class CrashSafetyIT {
    private static final Path JAR = Path.of("target", "enori-mcp-server.jar");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final int CYCLES = 4;
    /** Monitors created before the loop switches to renames (the starter plan allows 50, with 4 made below). */
    private static final int POOL = 40;
    /** Job monitors whose heartbeat URLs take the pings: each token has its own per-minute limit. */
    private static final int JOBS = 3;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private int run;

    @Test
    void acknowledgedWritesSurviveKillMinus9OnAnH2File() throws Exception {
        // The URL a person would pass: no WRITE_DELAY or other durability settings of their own.
        crashLoop("jdbc:h2:file:" + dir.resolve("enori"));
    }

    @Test
    void acknowledgedWritesSurviveKillMinus9OnPostgres() throws Exception {
        String base = System.getenv("ENORI_TEST_POSTGRES_URL");
        assumeTrue(base != null, "ENORI_TEST_POSTGRES_URL is not set; PostgreSQL crash test skipped");
        String schema = "enori_crash_" + UUID.randomUUID().toString().replace("-", "");
        execute(base, "CREATE SCHEMA " + schema);
        try {
            crashLoop(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        } finally {
            execute(base, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void crashLoop(String db) throws Exception {
        assertThat(JAR).as("run mvn package first").exists();
        long seed = System.nanoTime();
        System.out.println("CrashSafetyIT seed " + seed + " db " + db.replaceAll("password=[^&;]*", "password=***"));
        Random random = new Random(seed);
        // monitor id -> sequence number of the last acknowledged name written to it (create or rename)
        Map<String, Long> acknowledged = new HashMap<>();
        // job monitor id -> runIds of its acknowledged pings; trace ids of acknowledged OTLP batches
        Map<String, Set<String>> pings = new LinkedHashMap<>();
        Set<String> traces = new HashSet<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        String traceMonitor = null;
        List<String> pool = new ArrayList<>();
        long sequence = 0;
        String key = null;
        int attempted = 0;
        int creates = 0;
        int updates = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            int port = freePort();
            Process server = start(port, db);
            try {
                URI mcp = awaitServing(port, server);
                if (key == null) {
                    Matcher found = Pattern.compile("enr_[0-9A-Za-z]{40}").matcher(read("out" + run + ".txt"));
                    assertThat(found.find()).as("first start prints a key").isTrue();
                    key = found.group();
                }
                McpHttp client = McpHttp.to(mcp, key);
                if (traceMonitor == null) {
                    // Made before the first kill is armed, so they exist in every cycle.
                    for (int j = 0; j < JOBS; j++) {
                        JsonNode job = client.callTool("create_monitor", Map.of("type", "job", "name", "job " + j))
                                .structured().path("monitor");
                        tokens.put(job.path("id").asText(), job.path("heartbeatUrl").asText().replaceAll(".*/ping/", ""));
                        pings.put(job.path("id").asText(), new HashSet<>());
                    }
                    traceMonitor = client.callTool("create_monitor", Map.of("type", "website", "name", "traced",
                            "url", "http://127.0.0.1:9/")).structured().path("monitor").path("id").asText();
                }
                // Everything acknowledged before this start is still there.
                String when = "cycle " + cycle + " (seed " + seed + ")";
                assertSurvived(names(client), acknowledged, when);
                assertPingsSurvived(client, pings, when);
                assertTracesSurvived(client, traceMonitor, traces, when);
                List<String> jobs = List.copyOf(tokens.keySet());

                // The kill is armed after a random number of writes (the same work on a slow or a busy machine)
                // and lands a random few milliseconds later, in the middle of whatever write is under way.
                int armAfter = 40 + random.nextInt(40);
                long killDelayMillis = random.nextInt(60);
                Thread killer = new Thread(() -> {
                    try {
                        Thread.sleep(killDelayMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                    server.destroyForcibly(); // SIGKILL on Linux
                });
                for (int written = 0; server.isAlive(); written++) {
                    if (written == armAfter) {
                        killer.start();
                    }
                    long seq = ++sequence;
                    String name = "m-" + seq;
                    boolean create = acknowledged.size() < POOL;
                    String target = create ? null : pool.get(random.nextInt(pool.size()));
                    // Half tool writes (the pool fills first, then renames), a quarter pings, a quarter OTLP.
                    int kind = Math.max(0, random.nextInt(4) - 1);
                    attempted++;
                    Reply reply;
                    try {
                        if (kind == 1) {
                            String job = jobs.get(random.nextInt(jobs.size()));
                            int status = post(URI.create("http://127.0.0.1:" + port + "/ping/" + tokens.get(job)),
                                    null, "{\"runId\":\"r-" + seq + "\"}");
                            if (status == 200) {
                                pings.get(job).add("r-" + seq);
                            } else if (status != 429 && server.isAlive()) {
                                throw new AssertionError("a heartbeat failed while the server was alive: " + status);
                            }
                            continue;
                        }
                        if (kind == 2) {
                            String traceId = String.format("%032x", seq);
                            int status = post(URI.create("http://127.0.0.1:" + port + "/v1/traces"), key,
                                    otlp(traceMonitor, traceId));
                            if (status == 200) {
                                traces.add(traceId);
                            } else if (server.isAlive()) {
                                throw new AssertionError("an OTLP batch failed while the server was alive: " + status);
                            }
                            continue;
                        }
                        reply = create
                                ? client.callTool("create_monitor",
                                        Map.of("type", "website", "name", name, "url", "http://127.0.0.1:9/"))
                                : client.callTool("update_monitor", Map.of("monitorId", target, "name", name));
                    } catch (UncheckedIOException | IOException killed) {
                        if (!server.isAlive()) {
                            break;
                        }
                        continue;
                    }
                    if (reply.status() == 200 && !reply.message().has("error")
                            && !reply.result().path("isError").asBoolean(false)) {
                        String id = reply.structured().path("monitor").path("id").asText();
                        if (create) {
                            pool.add(id);
                            creates++;
                        } else {
                            updates++;
                        }
                        acknowledged.put(id, seq);
                    } else if (server.isAlive()) {
                        throw new AssertionError("a write failed while the server was alive: " + reply);
                    }
                }
                assertThat(killer.getState() != Thread.State.NEW)
                        .as("the server died only after the kill was armed; stderr: %s", read("err" + run + ".txt"))
                        .isTrue();
                killer.join();
                assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                server.destroyForcibly();
            }
        }
        // One last start: the final cycle's acknowledged writes survived too.
        int port = freePort();
        Process server = start(port, db);
        try {
            McpHttp client = McpHttp.to(awaitServing(port, server), key);
            Map<String, String> names = names(client);
            int pinged = pings.values().stream().mapToInt(Set::size).sum();
            System.out.println("CrashSafetyIT: " + CYCLES + " kill -9 cycles, " + attempted + " writes sent, "
                    + creates + " creates and " + updates + " renames acknowledged, " + names.size()
                    + " monitors stored; " + pinged + " heartbeats and " + traces.size() + " OTLP batches acknowledged");
            assertThat(updates).as("renames were acknowledged").isGreaterThan(CYCLES * 5);
            assertThat(pinged).as("heartbeats were acknowledged").isGreaterThan(CYCLES * 5);
            assertThat(traces).as("OTLP batches were acknowledged").hasSizeGreaterThan(CYCLES * 5);
            String when = "after the last cycle (seed " + seed + ")";
            assertSurvived(names, acknowledged, when);
            assertPingsSurvived(client, pings, when);
            assertTracesSurvived(client, traceMonitor, traces, when);
        } finally {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Each acknowledged monitor exists, and its name is the last acknowledged one or a later one (a write sent
     * just before the kill may or may not have landed; names only ever grow).
     */
    private static void assertSurvived(Map<String, String> stored, Map<String, Long> acknowledged, String when) {
        acknowledged.forEach((id, seq) -> {
            assertThat(stored).as("%s: acknowledged monitor %s exists", when, id).containsKey(id);
            long storedSeq = Long.parseLong(stored.get(id).substring(2));
            assertThat(storedSeq).as("%s: %s has its last acknowledged name m-%d or later", when, id, seq)
                    .isGreaterThanOrEqualTo(seq);
        });
    }

    /** Every acknowledged heartbeat is stored: its runId is among its job monitor's pings. */
    private static void assertPingsSurvived(McpHttp client, Map<String, Set<String>> acknowledged, String when) {
        acknowledged.forEach((job, runIds) -> {
            Set<String> stored = new HashSet<>(pages(client, "get_monitor_pings", job, "pings", "runId"));
            assertThat(stored).as("%s: acknowledged heartbeats of %s", when, job).containsAll(runIds);
        });
    }

    /** Every acknowledged OTLP batch is stored: its trace is among the monitor's traces. */
    private static void assertTracesSurvived(McpHttp client, String monitorId, Set<String> acknowledged, String when) {
        Set<String> stored = new HashSet<>(pages(client, "get_monitor_traces", monitorId, "traces", "traceId"));
        assertThat(stored).as("%s: acknowledged OTLP batches", when).containsAll(acknowledged);
    }

    /** One field of every row of a paged per-monitor tool (default range: the last 24 h). */
    private static List<String> pages(McpHttp client, String tool, String monitorId, String rows, String field) {
        List<String> values = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> args = new HashMap<>();
            args.put("monitorId", monitorId);
            args.put("limit", 200);
            if (cursor != null) {
                args.put("cursor", cursor);
            }
            JsonNode page = client.callTool(tool, args).structured();
            page.path(rows).forEach(row -> values.add(row.path(field).asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return values;
    }

    /** POSTs a JSON body (with the API key, if any) and returns the status; IOException when the server is gone. */
    private static int post(URI uri, String apiKey, String json) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** One OTLP/HTTP JSON batch: one span of its own trace, started now, naming the monitor. */
    private static String otlp(String monitorId, String traceId) {
        long startNanos = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
        return "{\"resourceSpans\":[{\"resource\":{\"attributes\":["
                + "{\"key\":\"service.name\",\"value\":{\"stringValue\":\"crash\"}},"
                + "{\"key\":\"enori.monitor.id\",\"value\":{\"stringValue\":\"" + monitorId + "\"}}]},"
                + "\"scopeSpans\":[{\"scope\":{\"name\":\"t\"},\"spans\":[{\"traceId\":\"" + traceId + "\","
                + "\"spanId\":\"" + traceId.substring(16) + "\",\"name\":\"batch\",\"kind\":2,"
                + "\"startTimeUnixNano\":\"" + startNanos + "\",\"endTimeUnixNano\":\"" + (startNanos + 1_000_000)
                + "\"}]}]}]}";
    }

    /** Every monitor of the key's account (id -> name), paging through list_monitors. */
    private static Map<String, String> names(McpHttp client) {
        Map<String, String> names = new HashMap<>();
        String cursor = null;
        do {
            Map<String, Object> args = new HashMap<>();
            args.put("limit", 100);
            if (cursor != null) {
                args.put("cursor", cursor);
            }
            Reply reply = client.callTool("list_monitors", args);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            JsonNode page = reply.structured();
            page.path("monitors").forEach(m -> names.put(m.path("id").asText(), m.path("name").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return names;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process start(int port, String db) throws IOException {
        run++;
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString(), "--port",
                Integer.toString(port), "--db", db, "--stateless", "--rate-limit", "1000000"));
        return new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectOutput(dir.resolve("out" + run + ".txt").toFile())
                .redirectError(dir.resolve("err" + run + ".txt").toFile())
                .start();
    }

    private String read(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private URI awaitServing(int port, Process server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI mcp = URI.create("http://127.0.0.1:" + port + "/mcp");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && server.isAlive()) {
            try {
                http.send(HttpRequest.newBuilder(mcp).POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                return mcp;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("server did not start; stderr: " + read("err" + run + ".txt"));
    }
}
