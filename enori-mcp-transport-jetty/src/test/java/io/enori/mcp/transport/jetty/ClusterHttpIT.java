package io.enori.mcp.transport.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.JobPing;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.api.spi.PageRequest;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.auth.ApiKeys;
import io.enori.mcp.core.e2e.ClientScenarioContract;
import io.enori.mcp.core.e2e.NodeRun;
import io.enori.mcp.core.testing.PostgresSchemas;
import io.enori.mcp.core.tool.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cluster mode over HTTP: several nodes (each its own core and Jetty, as separate processes would have) on one
 * PostgreSQL schema behind no load balancer but a client that picks the node itself. The TypeScript MCP client
 * ({@code enori-mcp-core/src/test/node/cluster.mjs}) alternates nodes and sees one state and one rate limit; and
 * a job's heartbeats spread over two nodes meet one per-token limit. Runs only when
 * {@value PostgresSchemas#URL_VARIABLE} names a database; skipped otherwise.
 */
class ClusterHttpIT {
    /** Tool calls per key and minute on every node; cluster.mjs's shared-state part makes fewer with its key. */
    private static final int RATE_LIMIT = 40;
    /** Every check cluster.mjs makes (3 nodes): fewer means part of the scenario did not run. */
    private static final int CHECKS = 27;
    private static final Duration TIMEOUT = Duration.ofSeconds(150);
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, 0 failed");

    private final PostgresSchemas schemas = new PostgresSchemas();
    private final List<EnoriMcp> cores = new ArrayList<>();
    private final List<EnoriHttpServer> servers = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopNodes() throws Exception {
        try {
            for (EnoriHttpServer server : servers) {
                server.stop();
            }
        } finally {
            cores.forEach(EnoriMcp::close);
            schemas.close();
        }
    }

    @Test
    void typescriptClientAlternatingThreeNodesSeesOneStateAndOneRateLimit() throws Exception {
        String db = schemas.freshUrl();
        Path nodeDir = ClientScenarioContract.nodeProject();
        ClientScenarioContract.ensureNodeModules(nodeDir);
        List<EnoriHttpServer> nodes = startNodes(db, 3);
        EnoriMcp first = cores.get(0);
        String key = first.apiKeys().create("cluster", EnumSet.allOf(Scope.class), "cluster e2e").plaintext();
        String limitKey = first.apiKeys().create("cluster-limit", EnumSet.of(Scope.MONITORS_READ), "limit")
                .plaintext();

        ProcessBuilder node = new ProcessBuilder(System.getenv().getOrDefault("ENORI_E2E_NODE", "node"),
                "cluster.mjs").directory(nodeDir.toFile()).redirectErrorStream(true);
        Map<String, String> env = node.environment();
        env.put("ENORI_CLUSTER_URLS", nodes.stream().map(s -> s.mcpUrl().toString()).collect(Collectors.joining(",")));
        env.put("ENORI_CLUSTER_KEY", key);
        env.put("ENORI_CLUSTER_KEY_LIMIT", limitKey);
        env.put("ENORI_CLUSTER_RATE_LIMIT", Integer.toString(RATE_LIMIT));
        env.put("ENORI_E2E_TIMEOUT_MS", Long.toString(TIMEOUT.minusSeconds(15).toMillis()));

        NodeRun run = NodeRun.of(node, TIMEOUT, "[cluster] ");
        List<String> lines = run.lines();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        List<String> failures = lines.stream().filter(line -> line.startsWith("FAIL ")).toList();
        assertThat(run.exitCode()).as("cluster.mjs exit code; last line: %s; failed:%n%s", last,
                String.join("\n", failures)).isZero();
        Matcher summary = SUMMARY.matcher(last);
        assertThat(summary.matches()).as("last line of cluster.mjs is 'N passed, 0 failed' but was: %s", last)
                .isTrue();
        assertThat(Integer.parseInt(summary.group(1))).as("checks passed by cluster.mjs").isGreaterThanOrEqualTo(CHECKS);
    }

    @Test
    void pingsOfOneTokenSpreadOverTwoNodesAreAdmittedExactlyTheLimitInTotal() throws Exception {
        String db = schemas.freshUrl();
        List<EnoriHttpServer> nodes = startNodes(db, 2);
        EnoriMcp first = cores.get(0);
        ApiKeys.IssuedKey key = first.apiKeys().create("pings", EnumSet.allOf(Scope.class), "test");
        Caller caller = first.apiKeys().authenticate(key.plaintext());
        ToolOutcome created = first.call("create_monitor", caller, Map.of("type", "job", "name", "Nightly export"));
        @SuppressWarnings("unchecked")
        Map<String, Object> monitor = (Map<String, Object>) Json.toMap(((ToolOutcome.Ok) created).content())
                .get("monitor");
        String token = ((String) monitor.get("heartbeatUrl")).replaceAll(".*/ping/", "");
        int limit = PingServlet.PINGS_PER_MINUTE;
        int attempts = limit + limit / 2;

        // Eight senders, each bound to one node, race through the attempts: the load balancer's worst case.
        AtomicInteger remaining = new AtomicInteger(attempts);
        List<AtomicInteger> admitted = List.of(new AtomicInteger(), new AtomicInteger());
        List<AtomicInteger> refused = List.of(new AtomicInteger(), new AtomicInteger());
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int n = t % nodes.size();
                URI ping = URI.create("http://127.0.0.1:" + nodes.get(n).port() + "/ping/" + token);
                futures.add(senders.submit(() -> {
                    while (remaining.getAndDecrement() > 0) {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(ping)
                                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            admitted.get(n).incrementAndGet();
                        } else if (response.statusCode() == 429 && response.body().contains("Rate limit exceeded")) {
                            refused.get(n).incrementAndGet();
                        } else {
                            unexpected.add(response.statusCode() + " " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(90, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }

        System.out.printf("ClusterHttpIT pings: node 1 %d admitted %d refused, node 2 %d admitted %d refused%n",
                admitted.get(0).get(), refused.get(0).get(), admitted.get(1).get(), refused.get(1).get());
        assertThat(unexpected).as("answers other than 200 or 429").isEmpty();
        assertThat(admitted.get(0).get() + admitted.get(1).get()).as("pings admitted over both nodes").isEqualTo(limit);
        assertThat(refused.get(0).get() + refused.get(1).get()).as("pings refused over both nodes")
                .isEqualTo(attempts - limit);
        assertThat(admitted).as("both nodes admitted some: the count is shared, not one node's")
                .allSatisfy(n -> assertThat(n.get()).isPositive());
        List<JobPing> stored = cores.get(1).storage().jobPings()
                .list(key.account().id(), (String) monitor.get("id"), PageRequest.first(500)).items();
        assertThat(stored).as("heartbeats stored").hasSize(limit);
        // The shared count is listed by admin_rate_limits: it must not show the token, a credential.
        List<String> principals = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(db); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DISTINCT principal FROM rate_limit_buckets")) {
            while (rows.next()) {
                principals.add(rows.getString(1));
            }
        }
        assertThat(principals).as("rate-limit principals").contains(PingServlet.principal(token))
                .noneMatch(p -> p.contains(token));
    }

    /** Cores built one after another (the first migrates the schema), each served on its own port. */
    private List<EnoriHttpServer> startNodes(String db, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            EnoriMcp core = EnoriMcp.builder().jdbcUrl(db).cluster(true).rateLimits(RATE_LIMIT, 100)
                    .dbPool(8, Duration.ofSeconds(10)).build();
            cores.add(core);
            servers.add(EnoriHttpServer.start(core, HttpSettings.defaults().withPort(0).withStateless(true)));
        }
        return List.copyOf(servers);
    }
}
