package io.enori.mcp.transport.jetty;

import static io.enori.mcp.core.testing.HostileInputs.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.testing.HostileInputs;
import io.enori.mcp.transport.jetty.McpHttp.Reply;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input at scale: over 10 000 malformed or hostile messages (invalid JSON, wrong JSON-RPC shapes, deep nesting,
 * huge strings, unicode edge cases, SQL metacharacters, wrong argument types, another account's ids; drawn by
 * {@link HostileInputs}) against the Streamable HTTP endpoint; the stdio jar gets its share in StdioFuzzIT. No 5xx, no stack
 * trace, exception class name or SQL error in any answer, never the other account's data, and a valid call still
 * works afterwards. The seed is printed; set {@code -Dfuzz.seed=N} to replay a run.
 */
class FuzzIT {
    private static final int HTTP_INPUTS = 10_000;
    /** Tools that reach out (network checks, sampling); fuzzing them would test the network, not the server. */
    private static final List<String> SKIPPED_TOOLS = List.of("check_now", "generate_browser_steps");

    private EnoriMcp core;
    private EnoriHttpServer server;
    private String keyA;
    private String keyB;
    private String secretName;
    private List<String> otherIds;
    private long seed;
    private final Map<String, AtomicInteger> kinds = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        core = EnoriMcp.builder().jdbcUrl(HttpTestSupport.freshH2Url()).rateLimits(10_000_000, 10_000_000).build();
        keyA = HttpTestSupport.allScopesKey(core, "acme");
        keyB = HttpTestSupport.allScopesKey(core, "other");
        server = EnoriHttpServer.start(core, HttpSettings.defaults().withPort(0).withStateless(true));
        secretName = "SECRETB" + Long.toHexString(new Random().nextLong());
        McpHttp other = McpHttp.to(server.mcpUrl(), keyB);
        otherIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Reply created = other.callTool("create_monitor",
                    Map.of("type", "website", "name", secretName + i, "url", "http://127.0.0.1:9/" + secretName));
            otherIds.add(created.structured().path("monitor").path("id").asText());
        }
        Reply slo = other.callTool("create_slo", Map.of("monitorId", otherIds.get(0), "name", secretName + "slo",
                "target", 99.9));
        if (slo.status() == 200 && !slo.result().path("isError").asBoolean(false)) {
            slo.structured().findValuesAsText("id").forEach(otherIds::add);
        }
        seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("FuzzIT seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void tenThousandHostileInputsOverHttpLeaveNoTraceAndNoCrossAccountData() throws Exception {
        McpHttp client = McpHttp.to(server.mcpUrl(), keyA);
        List<JsonNode> tools = new ArrayList<>();
        client.request("tools/list", Map.of()).result().path("tools").forEach(tools::add);
        tools.removeIf(t -> SKIPPED_TOOLS.contains(t.path("name").asText()));
        assertThat(tools).hasSizeGreaterThan(30);
        HostileInputs inputs = new HostileInputs(tools, otherIds);

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < HTTP_INPUTS; i++) {
            long inputSeed = seed + i;
            pool.submit(() -> {
                try {
                    httpInput(client, inputs, new Random(inputSeed), inputSeed);
                } catch (Throwable t) {
                    problems.add("seed " + inputSeed + ": " + t);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        long httpMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        System.out.println("FuzzIT: HTTP problems " + problems.size() + ": " + problems.stream()
                .map(p -> p.replaceAll("seed \\d+", "").replaceAll(" for .*", "").replaceAll("\\('[^']*'\\)", ""))
                .map(p -> p.length() > 300 ? p.substring(0, 300) : p).distinct().limit(15).toList());
        System.out.println("FuzzIT: " + HTTP_INPUTS + " HTTP inputs in " + httpMillis + " ms; by kind "
                + new TreeMap<>(kinds));
        assertThat(problems).as("problems (seed %d)", seed).isEmpty();

        // Still serving, and each account sees only its own monitors.
        Reply mine = McpHttp.to(server.mcpUrl(), keyA).onNewConnections().listMonitors();
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).doesNotContain(secretName);
        Reply theirs = McpHttp.to(server.mcpUrl(), keyB).onNewConnections().listMonitors();
        assertThat(theirs.structured().path("monitors").toString()).contains(secretName + "0", secretName + "1");
    }

    private void count(String kind) {
        kinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    /** One hostile HTTP input of a kind chosen by the seed; checks the answer. */
    private void httpInput(McpHttp client, HostileInputs inputs, Random random, long inputSeed) throws Exception {
        int pick = random.nextInt(100);
        String kind;
        byte[] body;
        if (pick < 8) {
            kind = "invalid-json";
            body = inputs.invalidJson(random);
        } else if (pick < 18) {
            kind = "wrong-jsonrpc-shape";
            body = utf8(inputs.wrongShape(random));
        } else if (pick < 19) {
            kind = "deep-nesting";
            body = utf8(inputs.deepNesting(random));
        } else if (pick < 20 && random.nextInt(4) == 0) {
            kind = "huge-string";
            int size = random.nextBoolean() ? 900_000 : 1_200_000 + random.nextInt(1_000_000);
            body = utf8(inputs.hugeString(random, size));
        } else {
            kind = "tool-arguments";
            body = utf8(inputs.toolCall(random));
        }
        count(kind);
        Reply reply;
        try {
            reply = client.send(client.post().POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        } catch (java.io.UncheckedIOException closed) {
            if (body.length > HttpSettings.DEFAULT_MAX_REQUEST_BYTES) {
                count("over-cap-connection-closed"); // 413 with Connection: close while the client still sends
                return;
            }
            throw closed;
        }
        check("http " + kind + " seed " + inputSeed, reply.status(), reply.body(), body);
    }

    private void check(String what, int status, String answer, byte[] sent) {
        if (status >= 500) {
            problems.add(what + ": HTTP " + status + " " + clip(answer) + " for " + clip(new String(sent,
                    StandardCharsets.UTF_8)));
        }
        if (HostileInputs.LEAK.matcher(answer).find()) {
            problems.add(what + ": leaks internals: " + clip(answer) + " for " + clip(new String(sent,
                    StandardCharsets.UTF_8)));
        }
        if (answer.contains(secretName)) {
            problems.add(what + ": another account's data: " + clip(answer));
        }
    }

    private static String clip(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…(" + text.length() + " chars)" : text;
    }

}
