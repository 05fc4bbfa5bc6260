package io.enori.mcp.benchmarks;

import static io.enori.mcp.benchmarks.LoadGenerator.median;
import static io.enori.mcp.benchmarks.LoadGenerator.medianOf;
import static io.enori.mcp.benchmarks.LoadGenerator.runRound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.benchmarks.LoadGenerator.Load;
import io.enori.mcp.benchmarks.LoadGenerator.RoundResult;
import io.enori.mcp.benchmarks.LoadGenerator.Window;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.auth.ApiKeys;
import io.enori.mcp.transport.jetty.EnoriHttpServer;
import io.enori.mcp.transport.jetty.HttpSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

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
 * tests never assert on time. The load itself is {@link LoadGenerator}'s, shared with {@link ClusterLoadHarness}.
 */
public final class HttpLoadHarness {
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
            Map<String, String> values = Flags.parse(args, "options: --clients N (8) "
                    + "--jit-warmup SECONDS per server before round 1, not recorded (30) "
                    + "--warmup SECONDS per round (5) --measure SECONDS (20) --rounds N (5) --monitors N (50, plan cap) --max-calls N per client per phase (2000000)");
            Flags.rejectUnknown(values, List.of("clients", "jit-warmup", "warmup", "measure", "rounds", "monitors",
                    "max-calls"));
            return new Settings(
                    Integer.parseInt(values.getOrDefault("clients", "8")),
                    Flags.seconds(values.getOrDefault("jit-warmup", "30")),
                    Flags.seconds(values.getOrDefault("warmup", "5")),
                    Flags.seconds(values.getOrDefault("measure", "20")),
                    Integer.parseInt(values.getOrDefault("rounds", "5")),
                    Integer.parseInt(values.getOrDefault("monitors", "50")),
                    Long.parseLong(values.getOrDefault("max-calls", "2000000")));
        }

        Load load() {
            return new Load(clients, warmup, measure, maxCallsPerClient);
        }

        /** One of two JIT warm-up passes: half the JIT warm-up of unrecorded calls, then a token measured second. */
        Load jitRun() {
            return new Load(clients, jitWarmup.dividedBy(2), Duration.ofSeconds(1), maxCallsPerClient);
        }
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
        BareEcho echo = BareEcho.start(false);
        try (OursTarget ours = OursTarget.start(settings.monitors());
             Target bare = BareEcho.target("bare", echo.url(), true, echo)) {
            System.out.printf(Locale.ROOT, "ours: %s (%d monitors seeded)%nbare: %s%n%n", ours.mcpUrl(0),
                    settings.monitors(), bare.mcpUrl(0));
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
                        RoundResult warm = runRound(target, settings.jitRun(), 0, Window.NONE);
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
                    RoundResult result = runRound(target, settings.load(), round, Window.NONE);
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
        public URI mcpUrl(int client) {
            return server.mcpUrl();
        }

        @Override
        public Map<String, String> headers(int client) {
            return Map.of("X-Api-Key", apiKey);
        }

        @Override
        public ObjectNode callParams(int client, long n) {
            ObjectNode params = LoadGenerator.JSON.createObjectNode().put("name", "get_monitor");
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

}
