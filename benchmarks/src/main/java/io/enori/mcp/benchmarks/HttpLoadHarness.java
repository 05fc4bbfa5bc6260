package io.enori.mcp.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.auth.ApiKeys;
import io.enori.mcp.transport.jetty.EnoriHttpServer;
import io.enori.mcp.transport.jetty.HttpSettings;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Load harness for the HTTP transport (issue 3, "Benchmark"). In one JVM and one run it starts
 * <ol>
 *   <li><b>ours</b>: {@link EnoriHttpServer} over a seeded in-memory H2 database, called with an all-scopes API key
 *       whose rate limit is far above what the run can reach, and</li>
 *   <li><b>bare</b>: the MCP SDK's {@code HttpServletStreamableServerTransportProvider} on the same Jetty 12 ee10
 *       setup (a {@code ServletContextHandler} at {@code /}, async servlet at {@code /mcp}) with one {@code echo}
 *       tool: no gateway, no auth, no storage,</li>
 * </ol>
 * both on {@code 127.0.0.1:0}. It then drives each with N concurrent Streamable HTTP clients
 * ({@link HttpClient}, HTTP/1.1, one session per client per round) calling {@code tools/call} in a closed loop:
 * a warm-up period, then a measured period, alternating the servers in rounds (ours, bare, ours, bare, ...) so
 * that machine noise hits both. Every loop is bounded by a deadline and a call cap; the run ends by itself.
 *
 * <p>Prints per round and overall: calls/s, p50, p99, error counts by kind, and the throughput ratio ours/bare.
 * Exit status 0 when no call failed, 1 otherwise.
 *
 * <pre>
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" io.enori.mcp.benchmarks.HttpLoadHarness \
 *     [--clients 8] [--jit-warmup 30] [--warmup 5] [--measure 20] [--rounds 5] [--monitors 50] [--max-calls 2000000]
 * </pre>
 *
 * Timing numbers come only from this harness, compared against the bare server measured in the same run; unit
 * tests never assert on time.
 */
public final class HttpLoadHarness {
    private static final String ACCEPT = "application/json, text/event-stream";
    private static final String PROTOCOL_VERSION = "2025-06-18";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpLoadHarness() {
    }

    /** What a run does; every field has a default and a flag. */
    record Settings(int clients, Duration jitWarmup, Duration warmup, Duration measure, int rounds, int monitors,
                    long maxCallsPerClient) {
        Settings {
            if (clients < 1 || rounds < 1 || monitors < 1 || maxCallsPerClient < 1) {
                throw new IllegalArgumentException("clients, rounds, monitors and max-calls must be >= 1");
            }
            if (jitWarmup.isNegative() || warmup.isNegative() || measure.isZero() || measure.isNegative()) {
                throw new IllegalArgumentException("jit-warmup and warmup must be >= 0 s, measure > 0 s");
            }
        }

        static Settings parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    System.out.println("options: --clients N (8) "
                            + "--jit-warmup SECONDS per server before round 1, not recorded (30) "
                            + "--warmup SECONDS per round (5) --measure SECONDS (20) --rounds N (5) --monitors N (50, plan cap) --max-calls N per client per phase (2000000)");
                    System.exit(0);
                }
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument: " + arg);
                }
                String name = arg.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("missing value for --" + name);
                }
                values.put(name, value);
            }
            Settings settings = new Settings(
                    Integer.parseInt(values.getOrDefault("clients", "8")),
                    seconds(values.getOrDefault("jit-warmup", "30")),
                    seconds(values.getOrDefault("warmup", "5")),
                    seconds(values.getOrDefault("measure", "20")),
                    Integer.parseInt(values.getOrDefault("rounds", "5")),
                    Integer.parseInt(values.getOrDefault("monitors", "50")),
                    Long.parseLong(values.getOrDefault("max-calls", "2000000")));
            values.keySet().removeAll(List.of("clients", "jit-warmup", "warmup", "measure", "rounds", "monitors", "max-calls"));
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("unknown options: " + values.keySet());
            }
            return settings;
        }

        private static Duration seconds(String value) {
            return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        }

        /** One of two JIT warm-up passes: half the JIT warm-up of unrecorded calls, then a token measured second. */
        Settings jitRun() {
            return new Settings(clients, Duration.ZERO, jitWarmup.dividedBy(2), Duration.ofSeconds(1), 1, monitors,
                    maxCallsPerClient);
        }
    }

    /** A server under load: where it is, what to send, and how to check an answer. */
    interface Target extends AutoCloseable {
        String name();

        URI mcpUrl();

        /** Extra headers on every request (ours: the API key). */
        Map<String, String> headers();

        /** The {@code params} of the n-th {@code tools/call} of one client. */
        ObjectNode callParams(int client, long n);

        /** Null when the tool result is the expected one, else why not. */
        String checkResult(JsonNode result, ObjectNode params);
    }

    public static void main(String[] args) throws Exception {
        // Before anything touches SLF4J: Jetty and the SDK at INFO would print one line per session.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // The JDK client keeps idle connections 1200 s by default, Jetty closes them after 30 s; a POST sent on a
        // connection Jetty is closing fails with an IOException that is the harness's fault, not the server's.
        // Before the first HttpClient: the pool reads this once.
        System.setProperty("jdk.httpclient.keepalive.timeout", "10");
        Settings settings = Settings.parse(args);
        printEnvironment(settings);

        Map<String, List<RoundResult>> results = new LinkedHashMap<>();
        Map<String, Map<String, Long>> jitErrors = new LinkedHashMap<>();
        try (OursTarget ours = OursTarget.start(settings.monitors());
             BareTarget bare = BareTarget.start()) {
            System.out.printf(Locale.ROOT, "ours: %s (%d monitors seeded)%nbare: %s%n%n", ours.mcpUrl(),
                    settings.monitors(), bare.mcpUrl());
            for (Target target : List.of(ours, bare)) {
                results.put(target.name(), new ArrayList<>());
            }
            if (!settings.jitWarmup().isZero()) {
                // Round 0: lets the JIT compile both servers' (and the client's) paths before anything is recorded;
                // without it the first rounds measure the compiler. Two alternating passes, because the servers
                // share Jetty and SDK code whose compiled form changes when the other server's traffic arrives.
                // Its errors still count.
                for (int pass = 1; pass <= 2; pass++) {
                    for (Target target : List.of(ours, bare)) {
                        RoundResult warm = runRound(target, settings.jitRun(), 0);
                        System.out.printf(Locale.ROOT, "jit warm-up %d/2 %-4s %d calls, errors %d %s%n", pass,
                                target.name(), warm.warmupCalls() + warm.okCalls(), warm.errorTotal(), warm.errors());
                        warm.errors().forEach((kind, count) -> jitErrors.computeIfAbsent(target.name(),
                                k -> new TreeMap<>()).merge(kind, count, Long::sum));
                    }
                }
                System.out.println();
            }
            for (int round = 1; round <= settings.rounds(); round++) {
                for (Target target : List.of(ours, bare)) {
                    RoundResult result = runRound(target, settings, round);
                    results.get(target.name()).add(result);
                    System.out.println(result.line());
                }
            }
        }
        boolean clean = printSummary(settings, results, jitErrors);
        System.exit(clean ? 0 : 1);
    }

    // ------------------------------------------------------------------------------------------------ servers

    /** Our server: gateway (auth, Origin, size, rate limit) + every tool over H2. */
    static final class OursTarget implements Target {
        private final EnoriHttpServer server;
        private final String apiKey;
        private final List<String> monitorIds;

        private OursTarget(EnoriHttpServer server, String apiKey, List<String> monitorIds) {
            this.server = server;
            this.apiKey = apiKey;
            this.monitorIds = monitorIds;
        }

        static OursTarget start(int monitors) throws Exception {
            EnoriMcp core = EnoriMcp.builder()
                    .jdbcUrl("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                    .rateLimits(1_000_000, 1_000_000)
                    .defaultPlan(new Plan("bench", Math.max(monitors, 50), 5, 20, 1))
                    .build();
            ApiKeys.IssuedKey key = core.apiKeys().create("bench", EnumSet.allOf(Scope.class), "load harness");
            Caller caller = core.apiKeys().authenticate(key.plaintext());
            for (int i = 0; i < monitors; i++) {
                ToolOutcome outcome = core.call("create_monitor", caller, Map.of("type", "website",
                        "name", "bench " + i, "url", "https://bench-" + i + ".example.com/health"));
                if (!(outcome instanceof ToolOutcome.Ok)) {
                    throw new IllegalStateException("seeding monitor " + i + " failed: " + outcome);
                }
            }
            List<String> ids = core.storage().monitors().listAll(key.account().id()).stream().map(Monitor::id).toList();
            if (ids.size() != monitors) {
                throw new IllegalStateException("seeded " + ids.size() + " monitors, wanted " + monitors);
            }
            EnoriHttpServer server = EnoriHttpServer.start(core, HttpSettings.defaults().withPort(0));
            return new OursTarget(server, key.plaintext(), ids);
        }

        @Override
        public String name() {
            return "ours";
        }

        @Override
        public URI mcpUrl() {
            return server.mcpUrl();
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("X-Api-Key", apiKey);
        }

        @Override
        public ObjectNode callParams(int client, long n) {
            ObjectNode params = JSON.createObjectNode().put("name", "get_monitor");
            params.putObject("arguments").put("monitorId", monitorIds.get((int) ((client * 7L + n) % monitorIds.size())));
            return params;
        }

        @Override
        public String checkResult(JsonNode result, ObjectNode params) {
            String wanted = params.path("arguments").path("monitorId").asText();
            String got = result.path("structuredContent").path("monitor").path("id").asText(null);
            return wanted.equals(got) ? null : "wrong monitor in result";
        }

        @Override
        public void close() throws Exception {
            server.stop();
        }
    }

    /** The baseline: the SDK's Streamable HTTP provider on the same Jetty setup, one echo tool, nothing else. */
    static final class BareTarget implements Target {
        private final Server jetty;
        private final McpSyncServer mcp;
        private final URI url;

        private BareTarget(Server jetty, McpSyncServer mcp, URI url) {
            this.jetty = jetty;
            this.mcp = mcp;
            this.url = url;
        }

        static BareTarget start() throws Exception {
            McpJsonMapper mapper = McpJsonDefaults.getMapper();
            HttpServletStreamableServerTransportProvider provider = HttpServletStreamableServerTransportProvider.builder()
                    .jsonMapper(mapper)
                    .mcpEndpoint("/mcp")
                    .build();
            McpSchema.Tool echo = McpSchema.Tool.builder("echo", mapper,
                            "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},\"required\":[\"text\"]}")
                    .description("Returns its argument.")
                    .build();
            McpSyncServer mcp = McpServer.sync(provider)
                    .serverInfo("bare-echo", "1")
                    .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                    .tools(new McpServerFeatures.SyncToolSpecification(echo, (exchange, request) -> {
                        String text = String.valueOf(request.arguments().get("text"));
                        return McpSchema.CallToolResult.builder()
                                .addTextContent(text)
                                .structuredContent(Map.of("text", text))
                                .isError(false)
                                .build();
                    }))
                    .build();

            // The same Jetty setup as EnoriHttpServer: a 200-thread pool, one connector, a context at "/".
            QueuedThreadPool threads = new QueuedThreadPool(200);
            threads.setName("bare-http");
            Server jetty = new Server(threads);
            ServerConnector connector = new ServerConnector(jetty);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            jetty.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler("/");
            ServletHolder holder = new ServletHolder(provider);
            holder.setAsyncSupported(true);
            context.addServlet(holder, "/mcp");
            jetty.setHandler(context);
            jetty.start();
            URI url = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/mcp");
            return new BareTarget(jetty, mcp, url);
        }

        @Override
        public String name() {
            return "bare";
        }

        @Override
        public URI mcpUrl() {
            return url;
        }

        @Override
        public Map<String, String> headers() {
            return Map.of();
        }

        @Override
        public ObjectNode callParams(int client, long n) {
            ObjectNode params = JSON.createObjectNode().put("name", "echo");
            params.putObject("arguments").put("text", "hello " + client + "/" + n);
            return params;
        }

        @Override
        public String checkResult(JsonNode result, ObjectNode params) {
            String wanted = params.path("arguments").path("text").asText();
            String got = result.path("structuredContent").path("text").asText(null);
            return wanted.equals(got) ? null : "wrong echo in result";
        }

        @Override
        public void close() throws Exception {
            mcp.closeGracefully();
            jetty.stop();
        }
    }

    // ------------------------------------------------------------------------------------------------ load

    /** Error counts by kind, shared by a round's clients. */
    static final class Errors {
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

        void add(String kind) {
            counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        long total() {
            return counts.values().stream().mapToLong(LongAdder::sum).sum();
        }

        Map<String, Long> snapshot() {
            Map<String, Long> copy = new TreeMap<>();
            counts.forEach((k, v) -> copy.put(k, v.sum()));
            return copy;
        }
    }

    /** A growable array of latencies in nanoseconds; one per client, so no locking. */
    static final class Latencies {
        private long[] values = new long[1 << 14];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = nanos;
        }

        static long[] merged(List<Latencies> parts) {
            long[] all = new long[parts.stream().mapToInt(p -> p.size).sum()];
            int at = 0;
            for (Latencies part : parts) {
                System.arraycopy(part.values, 0, all, at, part.size);
                at += part.size;
            }
            Arrays.sort(all);
            return all;
        }
    }

    /** One server measured once. */
    record RoundResult(String server, int round, long okCalls, double seconds, long[] sortedNanos, long warmupCalls,
                       Map<String, Long> errors, long cpuNanos, double loadAverage) {
        /** Process CPU (client + server) per successful measured call, in microseconds. */
        double cpuMicrosPerCall() {
            return okCalls == 0 ? Double.NaN : cpuNanos / 1e3 / okCalls;
        }

        double callsPerSecond() {
            return okCalls / seconds;
        }

        double p50Millis() {
            return percentileMillis(sortedNanos, 0.50);
        }

        double p99Millis() {
            return percentileMillis(sortedNanos, 0.99);
        }

        long errorTotal() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        String line() {
            return String.format(Locale.ROOT,
                    "round %d %-4s  %8.1f calls/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  cpu %5.0f us/call  "
                            + "(%d calls in %.2f s, %d warm-up calls, 1-min load avg %.1f incl. this run)  errors %d %s",
                    round, server, callsPerSecond(), p50Millis(), p99Millis(),
                    sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6,
                    cpuMicrosPerCall(), okCalls, seconds, warmupCalls, loadAverage, errorTotal(),
                    errors.isEmpty() ? "" : errors);
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    static double percentileMillis(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** What one client did in one round. */
    private static final class ClientRun {
        final Latencies latencies = new Latencies();
        long measuredOk;
        long warmupOk;
        long lastFinishNanos;
    }

    private static RoundResult runRound(Target target, Settings settings, int round) throws Exception {
        // A fresh client (and connection pool) per round: a pooled connection left idle while the other server
        // was measured may meet Jetty's 30 s idle timeout, and that race would show up as a bogus IOException.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Errors errors = new Errors();
        int n = settings.clients();
        // Every client opens its session first; the clock starts when the last one is ready (the barrier action
        // sets the phases, and the barrier publishes them to the clients).
        long[] phase = new long[2]; // [measureStart, measureEnd] in System.nanoTime()
        CyclicBarrier ready = new CyclicBarrier(n + 1, () -> {
            phase[0] = System.nanoTime() + settings.warmup().toNanos();
            phase[1] = phase[0] + settings.measure().toNanos();
        });
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, target.name() + "-client");
            t.setDaemon(true);
            return t;
        });
        List<Future<ClientRun>> futures = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            int client = c;
            futures.add(pool.submit(() -> runClient(http, target, settings, client, errors, ready, phase)));
        }
        ready.await(60, TimeUnit.SECONDS);
        long measureStart = phase[0];
        // CPU time of the whole process (clients and server) over the measured window: less sensitive than
        // throughput to other tenants of a shared machine.
        long sleepNanos = measureStart - System.nanoTime();
        if (sleepNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(sleepNanos);
        }
        long cpuAtStart = processCpuNanos();
        List<ClientRun> runs = new ArrayList<>();
        long deadline = System.nanoTime() + settings.warmup().toNanos() + settings.measure().toNanos()
                + TimeUnit.SECONDS.toNanos(60);
        for (Future<ClientRun> future : futures) {
            long left = Math.max(1, deadline - System.nanoTime());
            try {
                runs.add(future.get(left, TimeUnit.NANOSECONDS));
            } catch (java.util.concurrent.TimeoutException e) {
                errors.add("client did not finish in time");
                future.cancel(true);
            } catch (java.util.concurrent.ExecutionException e) {
                errors.add("client failed: " + e.getCause().getClass().getSimpleName());
            }
        }
        long cpuNanos = processCpuNanos() - cpuAtStart;
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        pool.shutdownNow();
        long ok = runs.stream().mapToLong(r -> r.measuredOk).sum();
        long warm = runs.stream().mapToLong(r -> r.warmupOk).sum();
        long end = runs.stream().mapToLong(r -> r.lastFinishNanos).max().orElse(measureStart + 1);
        double seconds = Math.max(end - measureStart, 1) / 1e9;
        long[] sorted = Latencies.merged(runs.stream().map(r -> r.latencies).toList());
        return new RoundResult(target.name(), round, ok, seconds, sorted, warm, errors.snapshot(), cpuNanos, load);
    }

    private static ClientRun runClient(HttpClient http, Target target, Settings settings, int client, Errors errors,
                                       CyclicBarrier ready, long[] phase) throws Exception {
        ClientRun run = new ClientRun();
        Session session = null;
        try {
            session = Session.open(http, target, client, errors);
        } finally {
            ready.await(60, TimeUnit.SECONDS);
        }
        if (session == null) {
            return run;
        }
        long measureStart = phase[0];
        long measureEnd = phase[1];
        long id = 1;
        try {
            // Warm-up: same calls, not recorded.
            for (long i = 0; i < settings.maxCallsPerClient() && System.nanoTime() < measureStart; i++) {
                if (session.call(target, client, id++, errors)) {
                    run.warmupOk++;
                }
            }
            // Measured: a call counts when it started inside the window; the window ends with the last such call.
            for (long i = 0; i < settings.maxCallsPerClient(); i++) {
                long start = System.nanoTime();
                if (start >= measureEnd) {
                    break;
                }
                boolean ok = session.call(target, client, id++, errors);
                long finish = System.nanoTime();
                if (ok) {
                    run.measuredOk++;
                    run.latencies.add(finish - start);
                }
                run.lastFinishNanos = finish;
            }
        } finally {
            session.close(errors);
        }
        return run;
    }

    /** One Streamable HTTP session: initialize, initialized, tools/call..., DELETE. */
    static final class Session {
        private final HttpClient http;
        private final Target target;
        private final String sessionId;
        private final String protocolVersion;

        private Session(HttpClient http, Target target, String sessionId, String protocolVersion) {
            this.http = http;
            this.target = target;
            this.sessionId = sessionId;
            this.protocolVersion = protocolVersion;
        }

        static Session open(HttpClient http, Target target, int client, Errors errors) {
            try {
                ObjectNode init = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 0).put("method", "initialize");
                ObjectNode params = init.putObject("params").put("protocolVersion", PROTOCOL_VERSION);
                params.putObject("capabilities");
                params.putObject("clientInfo").put("name", "enori-load-harness").put("version", "1");
                HttpResponse<String> response = http.send(post(target, null, null, init), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    errors.add("initialize: HTTP " + response.statusCode());
                    return null;
                }
                String sessionId = response.headers().firstValue("Mcp-Session-Id").orElse(null);
                JsonNode answer = parseAnswer(response.body());
                if (sessionId == null || answer == null || !answer.has("result")) {
                    errors.add("initialize: no session or result");
                    return null;
                }
                String version = answer.path("result").path("protocolVersion").asText(PROTOCOL_VERSION);
                ObjectNode initialized = JSON.createObjectNode().put("jsonrpc", "2.0")
                        .put("method", "notifications/initialized");
                HttpResponse<String> ack = http.send(post(target, sessionId, version, initialized),
                        HttpResponse.BodyHandlers.ofString());
                if (ack.statusCode() != 202) {
                    errors.add("notifications/initialized: HTTP " + ack.statusCode());
                    return null;
                }
                return new Session(http, target, sessionId, version);
            } catch (IOException e) {
                errors.add("initialize: " + describe(e));
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        /** One tools/call; true when it succeeded with the expected result, else the failure is counted. */
        boolean call(Target target, int client, long id, Errors errors) throws InterruptedException {
            ObjectNode params = target.callParams(client, id);
            ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", "tools/call");
            request.set("params", params);
            HttpResponse<String> response;
            try {
                response = http.send(post(target, sessionId, protocolVersion, request), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                errors.add(describe(e));
                return false;
            }
            if (response.statusCode() != 200) {
                errors.add("HTTP " + response.statusCode());
                return false;
            }
            JsonNode answer = parseAnswer(response.body());
            if (answer == null) {
                errors.add("unparseable answer");
                return false;
            }
            if (answer.has("error")) {
                errors.add("JSON-RPC error " + answer.path("error").path("code").asInt());
                return false;
            }
            if (answer.path("id").asLong(-1) != id) {
                errors.add("answer to another id");
                return false;
            }
            JsonNode result = answer.path("result");
            if (result.path("isError").asBoolean(false)) {
                errors.add("isError result");
                return false;
            }
            String problem = target.checkResult(result, params);
            if (problem != null) {
                errors.add(problem);
                return false;
            }
            return true;
        }

        void close(Errors errors) {
            HttpRequest.Builder delete = HttpRequest.newBuilder(target.mcpUrl()).timeout(REQUEST_TIMEOUT).DELETE()
                    .header("Mcp-Session-Id", sessionId).header("MCP-Protocol-Version", protocolVersion);
            target.headers().forEach(delete::header);
            try {
                int status = http.send(delete.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200 && status != 204) {
                    errors.add("DELETE: HTTP " + status);
                }
            } catch (IOException e) {
                errors.add("DELETE: " + describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** An exception as an error kind: class and a short message. */
    static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ");
        return "exception: " + e.getClass().getSimpleName()
                + (message.length() > 80 ? message.substring(0, 80) + "..." : message);
    }

    private static HttpRequest post(Target target, String sessionId, String protocolVersion, JsonNode body)
            throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target.mcpUrl())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (sessionId != null) {
            builder.header("Mcp-Session-Id", sessionId);
        }
        if (protocolVersion != null) {
            builder.header("MCP-Protocol-Version", protocolVersion);
        }
        target.headers().forEach(builder::header);
        return builder.build();
    }

    /**
     * The JSON-RPC message in an answer: SSE-framed ({@code data:} lines of the first event; multi-line data is
     * joined with newlines) or a plain JSON body. Null when neither parses.
     */
    static JsonNode parseAnswer(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String trimmed = body.stripLeading();
        try {
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                return JSON.readTree(trimmed);
            }
            StringBuilder data = new StringBuilder();
            for (String line : body.split("\r\n|\r|\n", -1)) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        break; // end of the first event that carried data
                    }
                    continue;
                }
                if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    String value = line.substring(5);
                    data.append(value.startsWith(" ") ? value.substring(1) : value);
                }
            }
            return data.length() == 0 ? null : JSON.readTree(data.toString());
        } catch (IOException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------------ report

    private static void printEnvironment(Settings settings) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "?";
        }
        System.out.printf(Locale.ROOT, "HTTP load harness, %s on %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                host);
        System.out.printf(Locale.ROOT, "machine: %d CPUs, %s %s %s; JVM %s (%s %s), max heap %d MiB, GC %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                Runtime.getRuntime().maxMemory() >> 20, gcNames());
        System.out.printf(Locale.ROOT, "settings: %d clients per server, JIT warm-up %.1f s per server before "
                        + "round 1, then per round warm-up %.1f s, measured %.1f s, %d rounds (ours, bare alternating), cap %d calls per client per phase; HTTP/1.1 on loopback, "
                        + "client and servers in one JVM%n",
                settings.clients(), settings.jitWarmup().toMillis() / 1000.0, settings.warmup().toMillis() / 1000.0,
                settings.measure().toMillis() / 1000.0, settings.rounds(), settings.maxCallsPerClient());
    }

    private static String gcNames() {
        List<String> names = new ArrayList<>();
        for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(bean.getName());
        }
        return String.join(", ", names);
    }

    private static boolean printSummary(Settings settings, Map<String, List<RoundResult>> results,
                                        Map<String, Map<String, Long>> jitErrors) {
        List<RoundResult> ours = results.get("ours");
        List<RoundResult> bare = results.get("bare");
        System.out.println();
        System.out.println("| server | round | calls/s | p50 ms | p99 ms | CPU µs/call | calls | errors | load avg |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (List<RoundResult> rounds : List.of(ours, bare)) {
            for (RoundResult r : rounds) {
                System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.2f | %.2f | %.0f | %d | %d | %.1f |%n", r.server(),
                        r.round(), r.callsPerSecond(), r.p50Millis(), r.p99Millis(), r.cpuMicrosPerCall(), r.okCalls(),
                        r.errorTotal(), r.loadAverage());
            }
            System.out.printf(Locale.ROOT, "| %s | **median** | **%.1f** | **%.2f** | **%.2f** | **%.0f** | | | |%n",
                    rounds.get(0).server(), median(rounds, RoundResult::callsPerSecond),
                    median(rounds, RoundResult::p50Millis), median(rounds, RoundResult::p99Millis),
                    median(rounds, RoundResult::cpuMicrosPerCall));
        }
        System.out.println();
        List<Double> pairRatios = new ArrayList<>();
        for (int i = 0; i < Math.min(ours.size(), bare.size()); i++) {
            pairRatios.add(ours.get(i).callsPerSecond() / bare.get(i).callsPerSecond());
        }
        double ratioOfMedians = median(ours, RoundResult::callsPerSecond) / median(bare, RoundResult::callsPerSecond);
        double medianOfPairs = medianOf(pairRatios);
        System.out.printf(Locale.ROOT, "throughput ours/bare per round: %s%n", pairRatios.stream()
                .map(r -> String.format(Locale.ROOT, "%.3f", r)).toList());
        System.out.printf(Locale.ROOT, "throughput ours/bare, median of per-round ratios: %.3f (bare is %.2fx ours)%n",
                medianOfPairs, 1 / medianOfPairs);
        System.out.printf(Locale.ROOT, "throughput ours/bare, ratio of medians: %.3f%n", ratioOfMedians);
        double cpuRatio = median(ours, RoundResult::cpuMicrosPerCall) / median(bare, RoundResult::cpuMicrosPerCall);
        System.out.printf(Locale.ROOT, "process CPU per call ours/bare, ratio of medians: %.2f%n", cpuRatio);
        System.out.printf(Locale.ROOT, "target (issue 3): ours >= 0.5 x bare -> %s%n",
                medianOfPairs >= 0.5 ? "MET" : "MISSED");
        long errorTotal = 0;
        for (List<RoundResult> rounds : List.of(ours, bare)) {
            Map<String, Long> byKind = new TreeMap<>(jitErrors.getOrDefault(rounds.get(0).server(), Map.of()));
            for (RoundResult r : rounds) {
                r.errors().forEach((k, v) -> byKind.merge(k, v, Long::sum));
            }
            long total = byKind.values().stream().mapToLong(Long::longValue).sum();
            errorTotal += total;
            System.out.printf(Locale.ROOT, "errors %s (all rounds and warm-ups): %d %s%n",
                    rounds.get(0).server(), total, byKind.isEmpty() ? "" : byKind);
        }
        return errorTotal == 0;
    }

    private static double median(List<RoundResult> rounds, java.util.function.ToDoubleFunction<RoundResult> f) {
        return medianOf(rounds.stream().map(r -> f.applyAsDouble(r)).toList());
    }

    private static double medianOf(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
