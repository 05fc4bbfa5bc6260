package io.enori.mcp.benchmarks;

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
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.auth.ApiKeys;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Load harness for cluster mode (issue 9): tool calls per second and latency for 1, 2 and 3 nodes on one PostgreSQL
 * database, with {@link LoadGenerator}'s load (the same as {@link HttpLoadHarness}), and in the same run two
 * baselines: one node on the same database without cluster mode (in-memory limiter), and the SDK's bare stateless
 * echo server.
 *
 * <p>Every server is a {@link ClusterNode} in a JVM of its own (its own heap, GC and JIT, as in a deployment; the
 * machine's cores are shared either way). The run creates a schema of its own in the given database (as the
 * project's PostgreSQL tests do), seeds one account with API keys and monitors there, and drops the schema at the
 * end. Cluster nodes are stateless; the load spreads each client's calls round-robin over the nodes, as a load
 * balancer would. Calls are {@code get_monitor} over the seeded monitors plus a share of {@code update_monitor}.
 * Alongside throughput and latency it records where CPU went (this JVM, the node JVMs, the nodes' PostgreSQL
 * backends, all of PostgreSQL, the whole machine) and what PostgreSQL was waiting for ({@link PgObserver}).
 *
 * <pre>
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" io.enori.mcp.benchmarks.ClusterLoadHarness \
 *     --db 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres' [--nodes 1,2,3] [--baselines local,bare] ...
 * </pre>
 * Exit status 0 when no call failed, 1 otherwise.
 */
public final class ClusterLoadHarness {
    private static final String HELP = String.join("\n",
            "options:",
            "  --db JDBC_URL          PostgreSQL database (required; a schema of the run's own is created and dropped)",
            "  --nodes 1,2,3          cluster sizes to measure",
            "  --baselines local,bare baselines in the same run ('none' for none)",
            "  --clients 8            closed-loop clients",
            "  --keys 1               API keys (rate-limit principals) the clients share, client i uses key i mod keys",
            "  --write-share 0.1      share of calls that are update_monitor (the rest get_monitor)",
            "  --jit-calls 10000      unrecorded calls per node before round 1 (JIT warm-up) ...",
            "  --jit-cap 45           ... but at most this many seconds per warmed target",
            "  --warmup 3 --measure 12 --rounds 3   seconds per round, rounds",
            "  --monitors 50          seeded monitors",
            "  --pool 10              PostgreSQL connections per node (the server's default)",
            "  --node-jvm -Xmx1g      JVM options of each node process (space-separated)",
            "  --max-calls 2000000    cap per client per phase",
            "  --limiter-commit sync  'async': experiment, not the product: the run's copy of enori_rate_acquire",
            "                         commits without waiting for the WAL flush (synchronous_commit off in its",
            "                         transaction); shows what the flush under the limiter's lock costs");

    private ClusterLoadHarness() {
    }

    record Settings(String db, List<Integer> nodes, boolean localBaseline, boolean bareBaseline, int clients, int keys,
                    double writeShare, long jitCalls, Duration jitCap, Duration warmup, Duration measure, int rounds, int monitors,
                    int pool, List<String> nodeJvm, long maxCallsPerClient, boolean asyncLimiterCommit) {
        Settings {
            if (db == null || !db.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("--db must be a jdbc:postgresql: URL");
            }
            if (nodes.isEmpty() || nodes.stream().anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("--nodes must list sizes >= 1");
            }
            if (keys < 1 || rounds < 1 || monitors < 1 || pool < 1 || writeShare < 0 || writeShare > 1) {
                throw new IllegalArgumentException("keys, rounds, monitors, pool >= 1; write-share in [0, 1]");
            }
        }

        static Settings parse(String[] args) {
            Map<String, String> v = Flags.parse(args, HELP);
            Flags.rejectUnknown(v, List.of("db", "nodes", "baselines", "clients", "keys", "write-share", "jit-calls", "jit-cap",
                    "warmup", "measure", "rounds", "monitors", "pool", "node-jvm", "max-calls",
                    "limiter-commit"));
            String limiterCommit = v.getOrDefault("limiter-commit", "sync");
            if (!limiterCommit.equals("sync") && !limiterCommit.equals("async")) {
                throw new IllegalArgumentException("--limiter-commit must be sync or async");
            }
            String baselines = v.getOrDefault("baselines", "local,bare");
            return new Settings(v.get("db"),
                    Arrays.stream(v.getOrDefault("nodes", "1,2,3").split(",")).map(String::strip)
                            .map(Integer::parseInt).toList(),
                    baselines.contains("local"), baselines.contains("bare"),
                    Integer.parseInt(v.getOrDefault("clients", "8")),
                    Integer.parseInt(v.getOrDefault("keys", "1")),
                    Double.parseDouble(v.getOrDefault("write-share", "0.1")),
                    Long.parseLong(v.getOrDefault("jit-calls", "10000")),
                    Flags.seconds(v.getOrDefault("jit-cap", "45")),
                    Flags.seconds(v.getOrDefault("warmup", "3")),
                    Flags.seconds(v.getOrDefault("measure", "12")),
                    Integer.parseInt(v.getOrDefault("rounds", "3")),
                    Integer.parseInt(v.getOrDefault("monitors", "50")),
                    Integer.parseInt(v.getOrDefault("pool", "10")),
                    Arrays.stream(v.getOrDefault("node-jvm", "-Xmx1g").split("\\s+")).filter(s -> !s.isBlank()).toList(),
                    Long.parseLong(v.getOrDefault("max-calls", "2000000")), limiterCommit.equals("async"));
        }

        Load load() {
            return new Load(clients, warmup, measure, maxCallsPerClient);
        }

        /** One slice of the JIT warm-up: short, so that the call count is checked often. */
        Load jitSlice() {
            return new Load(clients, Duration.ofSeconds(4), Duration.ofSeconds(1), maxCallsPerClient);
        }
    }

    /** One target measured once, with where the CPU went. */
    record Round(RoundResult load, PgObserver.Stats pg, Map<String, Double> cpuSecondsByNode,
                 double machineBusySeconds, double machineStealSeconds) {
        double nodeCpuSeconds() {
            return cpuSecondsByNode.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("jdk.httpclient.keepalive.timeout", "10"); // see HttpLoadHarness.main
        Settings settings = Settings.parse(args);
        String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String schema = "enori_bench_" + runId;
        String schemaUrl = settings.db() + (settings.db().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        String appPrefix = "enori-bench-" + runId + "-";
        ClusterReport.printEnvironment(settings, schemaUrl);

        List<NodeProcess> processes = new ArrayList<>();
        Thread cleanup = new Thread(() -> stopAndDrop(processes, settings.db(), schema), "cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        execute(settings.db(), "CREATE SCHEMA " + schema);
        Map<String, List<Round>> results = new LinkedHashMap<>();
        Map<String, Map<String, Long>> jitErrors = new LinkedHashMap<>();
        try {
            // At least one key per client: the JIT warm-up uses them all (see below).
            Seed seed = Seed.create(schemaUrl, "bench-cluster-" + runId, Math.max(settings.keys(), settings.clients()),
                    settings.monitors());
            List<String> keys = seed.keys().subList(0, settings.keys());
            if (settings.asyncLimiterCommit()) {
                asyncLimiterCommit(schemaUrl);
            }
            System.out.printf(Locale.ROOT, "schema %s: account %s, %d key(s) (the rounds use %d), %d monitors%n", schema,
                    seed.accountId(), seed.keys().size(), keys.size(), seed.monitorIds().size());
            List<Target> targets = new ArrayList<>();
            int maxNodes = settings.nodes().stream().mapToInt(Integer::intValue).max().orElse(1);
            List<URI> clusterUrls = new ArrayList<>();
            for (int i = 1; i <= maxNodes; i++) {
                NodeProcess node = startNode(settings, "cluster-node" + i, "cluster", schemaUrl, appPrefix);
                processes.add(node);
                clusterUrls.add(node.url());
            }
            for (int n : settings.nodes()) {
                targets.add(new NodesTarget("cluster-" + n, clusterUrls.subList(0, n), keys, seed.monitorIds(),
                        settings.writeShare()));
            }
            if (settings.localBaseline()) {
                NodeProcess local = startNode(settings, "local-node", "local", schemaUrl, appPrefix);
                processes.add(local);
                targets.add(new NodesTarget("local-1", List.of(local.url()), keys, seed.monitorIds(),
                        settings.writeShare()));
            }
            if (settings.bareBaseline()) {
                NodeProcess bare = startNode(settings, "bare-node", "bare", schemaUrl, appPrefix);
                processes.add(bare);
                targets.add(BareEcho.target("bare", bare.url(), false, () -> { }));
            }
            processes.forEach(p -> System.out.printf(Locale.ROOT, "%s: pid %d, %s%n", p.name(), p.pid(), p.url()));
            System.out.println();
            try (PgObserver pg = new PgObserver(schemaUrl, appPrefix, "bench-probe-" + runId)) {
                long[][] idle = pg.idleProbe(200);
                System.out.printf(Locale.ROOT, "idle round trips (200 each, no load): SELECT 1 p50 %.2f ms p99 %.2f ms; "
                                + "limiter call p50 %.2f ms p99 %.2f ms%n%n",
                        LoadGenerator.percentileMillis(idle[0], 0.5), LoadGenerator.percentileMillis(idle[0], 0.99),
                        LoadGenerator.percentileMillis(idle[1], 0.5), LoadGenerator.percentileMillis(idle[1], 0.99));
                targets.forEach(t -> results.put(t.name(), new ArrayList<>()));
                // Each node JVM compiles its own code: without this the first rounds measure the JIT. The largest
                // cluster target reaches every cluster node, so the smaller ones need no warm-up of their own.
                // One key per client here, so that a single key's limiter lock does not hold the warm-up to a few
                // hundred calls a second.
                for (Target target : targets) {
                    if (target instanceof NodesTarget nodes && nodes.name().startsWith("cluster-")
                            && nodes.nodeCount() < maxNodes) {
                        continue;
                    }
                    Target warmTarget = target instanceof NodesTarget nodes ? nodes.withKeys(seed.keys()) : target;
                    int nodeCount = target instanceof NodesTarget nodes ? nodes.nodeCount() : 1;
                    long calls = 0;
                    long deadline = System.nanoTime() + settings.jitCap().toNanos();
                    while (calls < settings.jitCalls() * nodeCount && System.nanoTime() < deadline) {
                        RoundResult warm = runRound(warmTarget, settings.jitSlice(), 0, LoadGenerator.Window.NONE);
                        calls += warm.warmupCalls() + warm.okCalls();
                        warm.errors().forEach((kind, count) -> jitErrors.computeIfAbsent(target.name(),
                                k -> new TreeMap<>()).merge(kind, count, Long::sum));
                    }
                    System.out.printf(Locale.ROOT, "jit warm-up %-9s %d calls (%d per node), errors %s%n",
                            target.name(), calls, calls / nodeCount, jitErrors.getOrDefault(target.name(), Map.of()));
                }
                System.out.println();
                for (int round = 1; round <= settings.rounds(); round++) {
                    for (Target target : targets) {
                        Round r = measure(target, settings, round, pg, processes);
                        results.get(target.name()).add(r);
                        System.out.println(ClusterReport.line(r));
                    }
                }
            }
        } finally {
            stopAndDrop(processes, settings.db(), schema);
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        boolean clean = ClusterReport.printSummary(settings, results, jitErrors);
        System.exit(clean ? 0 : 1);
    }

    private static NodeProcess startNode(Settings settings, String name, String mode, String schemaUrl,
                                         String appPrefix) throws Exception {
        return NodeProcess.start(name, settings.nodeJvm(), List.of("--mode", mode,
                "--db", schemaUrl + "&ApplicationName=" + appPrefix + name,
                "--pool", Integer.toString(settings.pool()), "--rate-limit", "1000000"));
    }

    private static Round measure(Target target, Settings settings, int round, PgObserver pg,
                                 List<NodeProcess> processes) throws Exception {
        PgObserver.Observation observation = pg.observe();
        long[] nodeCpu = new long[processes.size()];
        long[][] machine = new long[2][];
        LoadGenerator.Window window = new LoadGenerator.Window() {
            @Override
            public void begin() {
                machine[0] = ProcCpu.machineNanos();
                for (int i = 0; i < nodeCpu.length; i++) {
                    nodeCpu[i] = -ProcCpu.processNanos(processes.get(i).pid(), false);
                }
                observation.begin();
            }

            @Override
            public void end() {
                observation.end();
                for (int i = 0; i < nodeCpu.length; i++) {
                    nodeCpu[i] += ProcCpu.processNanos(processes.get(i).pid(), false);
                }
                machine[1] = ProcCpu.machineNanos();
            }
        };
        RoundResult result = runRound(target, settings.load(), round, window);
        // Every node JVM counts, idle ones too: they cost little, and counting them all hides no work.
        Map<String, Double> byNode = new LinkedHashMap<>();
        for (int i = 0; i < nodeCpu.length; i++) {
            byNode.put(processes.get(i).name(), nodeCpu[i] / 1e9);
        }
        return new Round(result, observation.stats(), byNode, (machine[1][0] - machine[0][0]) / 1e9,
                (machine[1][1] - machine[0][1]) / 1e9);
    }

    private static void stopAndDrop(List<NodeProcess> processes, String db, String schema) {
        synchronized (processes) {
            for (NodeProcess p : processes) {
                try {
                    p.close();
                } catch (Exception e) {
                    System.err.println("stopping " + p.name() + ": " + e);
                }
            }
            processes.clear();
            try {
                execute(db, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("could not drop schema " + schema + ": " + e.getMessage());
            }
        }
    }

    /**
     * The experiment behind {@code --limiter-commit async}, in the run's own schema only: the limiter function sets
     * {@code synchronous_commit} off for its transaction, so the commit no longer waits for the WAL flush while the
     * principal's advisory lock is held. Counting stays exact (the lock is still held until commit); a database
     * crash could forget the last fraction of a second of counts.
     */
    private static void asyncLimiterCommit(String schemaUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(schemaUrl); Statement s = c.createStatement()) {
            String definition;
            try (var rs = s.executeQuery("SELECT pg_get_functiondef('enori_rate_acquire'::regproc)")) {
                rs.next();
                definition = rs.getString(1);
            }
            int begin = definition.indexOf("\nBEGIN\n");
            if (begin < 0) {
                throw new IllegalStateException("unexpected enori_rate_acquire definition:\n" + definition);
            }
            s.execute(definition.substring(0, begin) + "\nBEGIN\n    PERFORM set_config('synchronous_commit', 'off', true);\n"
                    + definition.substring(begin + "\nBEGIN\n".length()));
        }
        System.out.println("EXPERIMENT: this run's enori_rate_acquire commits with synchronous_commit off");
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The seeded account: its keys (plaintext) and monitor ids. */
    record Seed(String accountId, List<String> keys, List<String> monitorIds) {
        static Seed create(String schemaUrl, String accountName, int keys, int monitors) {
            try (EnoriMcp core = EnoriMcp.builder().jdbcUrl(schemaUrl).rateLimits(1_000_000, 1_000_000)
                    .defaultPlan(new Plan("bench", Math.max(monitors, 50), 5, 20, 1)).build()) {
                List<String> plaintexts = new ArrayList<>();
                ApiKeys.IssuedKey first = null;
                for (int i = 0; i < keys; i++) {
                    ApiKeys.IssuedKey key = core.apiKeys().create(accountName, EnumSet.allOf(Scope.class),
                            "cluster load harness " + i);
                    first = first == null ? key : first;
                    plaintexts.add(key.plaintext());
                }
                Caller caller = core.apiKeys().authenticate(first.plaintext());
                for (int i = 0; i < monitors; i++) {
                    ToolOutcome outcome = core.call("create_monitor", caller, Map.of("type", "website",
                            "name", "bench " + i, "url", "https://bench-" + i + ".example.com/health"));
                    if (!(outcome instanceof ToolOutcome.Ok)) {
                        throw new IllegalStateException("seeding monitor " + i + " failed: " + outcome);
                    }
                }
                List<String> ids = core.storage().monitors().listAll(first.account().id()).stream().map(Monitor::id)
                        .toList();
                return new Seed(first.account().id(), List.copyOf(plaintexts), ids);
            }
        }
    }

    /**
     * N stateless nodes behind a round-robin "load balancer": each client's n-th call goes to node (client + n) mod N.
     * Client i sends key i mod keys.
     */
    static final class NodesTarget implements Target {
        private final String name;
        private final List<URI> urls;
        private final List<String> keys;
        private final List<String> monitorIds;
        private final double writeShare;

        NodesTarget(String name, List<URI> urls, List<String> keys, List<String> monitorIds, double writeShare) {
            this.name = name;
            this.urls = List.copyOf(urls);
            this.keys = List.copyOf(keys);
            this.monitorIds = List.copyOf(monitorIds);
            this.writeShare = writeShare;
        }

        int nodeCount() {
            return urls.size();
        }

        NodesTarget withKeys(List<String> otherKeys) {
            return new NodesTarget(name, urls, otherKeys, monitorIds, writeShare);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public URI mcpUrl(int client) {
            return urls.get(client % urls.size());
        }

        @Override
        public URI callUrl(int client, long n) {
            return urls.get((int) ((client + n) % urls.size()));
        }

        @Override
        public boolean sessions() {
            return false;
        }

        @Override
        public Map<String, String> headers(int client) {
            return Map.of("X-Api-Key", keys.get(client % keys.size()));
        }

        /** Whether call n is a write: evenly spread, writeShare of all calls. */
        private boolean isWrite(long n) {
            return Math.floor(n * writeShare) != Math.floor((n - 1) * writeShare);
        }

        @Override
        public ObjectNode callParams(int client, long n) {
            String monitorId = monitorIds.get((int) ((client * 7L + n) % monitorIds.size()));
            ObjectNode params = LoadGenerator.JSON.createObjectNode();
            ObjectNode arguments = params.put("name", isWrite(n) ? "update_monitor" : "get_monitor")
                    .putObject("arguments").put("monitorId", monitorId);
            if (isWrite(n)) {
                arguments.put("name", "bench c" + client + " n" + n);
            }
            return params;
        }

        @Override
        public String checkResult(JsonNode result, ObjectNode params) {
            JsonNode arguments = params.path("arguments");
            JsonNode monitor = result.path("structuredContent").path("monitor");
            if (!arguments.path("monitorId").asText().equals(monitor.path("id").asText(null))) {
                return "wrong monitor in result";
            }
            if (arguments.has("name") && !arguments.path("name").asText().equals(monitor.path("name").asText(null))) {
                return "update not in result";
            }
            return null;
        }

        @Override
        public void close() {
        }
    }
}
