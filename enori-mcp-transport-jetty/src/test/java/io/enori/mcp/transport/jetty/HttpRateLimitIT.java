package io.enori.mcp.transport.jetty;

import static io.enori.mcp.transport.jetty.HttpTestSupport.assertNoLeaks;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.transport.jetty.HttpTestSupport.ManualClock;
import io.enori.mcp.transport.jetty.HttpTestSupport.SseStream;
import io.enori.mcp.transport.jetty.McpHttp.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rate limits through HTTP: exact admission under concurrency, 429 with the right Retry-After, per key, and only
 * for tools/call. The clock is moved by hand, so the window never rolls during a test. Each behaviour runs on
 * every HTTP lane: Streamable HTTP with sessions, stateless, and the legacy SSE message endpoint.
 */
class HttpRateLimitIT {
    private static final int LIMIT = 60;
    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 20;
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    /** How a client reaches the tools over HTTP. */
    enum Lane {
        STREAMABLE, STATELESS, LEGACY_SSE
    }

    /** One client session on a lane. */
    private interface Session {
        /** A tools/call of list_monitors: 200/202 when admitted, 429 when limited. */
        Reply call();

        /** The answers of the admitted calls, in order (legacy SSE answers on its stream). */
        List<JsonNode> answers(List<Reply> admitted) throws Exception;
    }

    private final ManualClock clock = new ManualClock();
    private final List<McpHttp> clients = new ArrayList<>();
    private final List<SseStream> streams = new ArrayList<>();
    private EnoriMcp core;
    private EnoriHttpServer server;
    private String key;
    private Lane lane;

    private void start(Lane onLane) throws Exception {
        this.lane = onLane;
        core = EnoriMcp.builder().jdbcUrl(HttpTestSupport.freshH2Url()).clock(clock).rateLimits(LIMIT, 100).build();
        key = HttpTestSupport.allScopesKey(core, "acme");
        server = EnoriHttpServer.start(core, HttpSettings.defaults().withPort(0).withStateless(onLane == Lane.STATELESS));
    }

    @AfterEach
    void stop() throws Exception {
        streams.forEach(SseStream::close);
        try {
            for (McpHttp client : clients) {
                assertNoLeaks(client.bodies());
            }
        } finally {
            if (server != null) {
                server.stop();
            }
        }
    }

    private McpHttp streamableClient(String apiKey) {
        McpHttp client = McpHttp.to(server.mcpUrl(), apiKey).onNewConnections();
        if (lane != Lane.STATELESS) {
            assertThat(client.initialize().status()).isEqualTo(200);
        }
        clients.add(client);
        return client;
    }

    private Session session(String apiKey) throws Exception {
        if (lane != Lane.LEGACY_SSE) {
            McpHttp client = streamableClient(apiKey);
            return new Session() {
                @Override
                public Reply call() {
                    return client.listMonitors();
                }

                @Override
                public List<JsonNode> answers(List<Reply> admitted) {
                    return admitted.stream().map(Reply::message).toList();
                }
            };
        }
        SseStream stream = SseStream.open(server.sseUrl(), apiKey, null, PROMPTLY);
        streams.add(stream);
        URI messageUrl = server.sseUrl().resolve(stream.next("endpoint", PROMPTLY).data());
        McpHttp client = McpHttp.to(messageUrl, apiKey).onNewConnections();
        clients.add(client);
        client.post(McpHttp.message("initialize", Map.of("protocolVersion", "2024-11-05", "capabilities", Map.of(),
                "clientInfo", Map.of("name", "rate", "version", "1")), 0));
        assertThat(stream.next("message", PROMPTLY).data()).contains("\"id\":0");
        client.notification("notifications/initialized");
        return new Session() {
            private int id = 1;

            @Override
            public Reply call() {
                return client.post(McpHttp.message("tools/call", Map.of("name", "list_monitors", "arguments", Map.of()),
                        id++));
            }

            @Override
            public List<JsonNode> answers(List<Reply> admitted) throws Exception {
                List<JsonNode> answers = new ArrayList<>();
                for (int i = 0; i < admitted.size(); i++) {
                    answers.add(McpHttp.JSON.readTree(stream.next("message", PROMPTLY).data()));
                }
                return answers;
            }
        };
    }

    private static boolean admitted(Reply reply) {
        return reply.status() == 200 || reply.status() == 202;
    }

    private static void assertRateLimited(Reply reply, int retryAfterSeconds) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(429);
        assertThat(reply.header("Retry-After")).contains(Integer.toString(retryAfterSeconds));
        assertThat(reply.header("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = reply.json();
        assertThat(body.path("error").asText()).isEqualTo("Rate limit exceeded");
        assertThat(body.path("retryAfterSeconds").isIntegralNumber()).isTrue();
        assertThat(body.path("retryAfterSeconds").asInt()).isEqualTo(retryAfterSeconds);
        assertThat(body.path("limit").asInt()).isEqualTo(LIMIT);
        assertThat(body.path("remaining").isIntegralNumber()).isTrue();
        assertThat(body.path("remaining").asInt()).isZero();
    }

    /** Calls until the first 429 (at most LIMIT + 5 calls); returns how many were admitted before it. */
    private static int exhaust(Session session) {
        for (int i = 0; i < LIMIT + 5; i++) {
            Reply reply = session.call();
            if (!admitted(reply)) {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(429);
                return i;
            }
        }
        return LIMIT + 5;
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    void eightConcurrentCallersOnOneKeyGetExactlyTheLimit(Lane onLane) throws Exception {
        start(onLane);
        List<Session> sessions = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            sessions.add(session(key));
        }
        List<ConcurrentLinkedQueue<Reply>> replies = new ArrayList<>();
        CyclicBarrier go = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Session session : sessions) {
                ConcurrentLinkedQueue<Reply> mine = new ConcurrentLinkedQueue<>();
                replies.add(mine);
                done.add(pool.submit(() -> {
                    go.await(10, TimeUnit.SECONDS);
                    for (int i = 0; i < CALLS_PER_THREAD; i++) {
                        mine.add(session.call());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Reply> all = replies.stream().flatMap(ConcurrentLinkedQueue::stream).toList();
        assertThat(all).hasSize(THREADS * CALLS_PER_THREAD);
        assertThat(all.stream().filter(HttpRateLimitIT::admitted)).hasSize(LIMIT);
        assertThat(all.stream().filter(r -> r.status() == 429)).hasSize(THREADS * CALLS_PER_THREAD - LIMIT);
        all.stream().filter(r -> r.status() == 429).forEach(r -> assertRateLimited(r, 60));
        // Admitted calls were counted once: each is a real result, not a rejection by a second count.
        for (int t = 0; t < THREADS; t++) {
            List<Reply> admitted = replies.get(t).stream().filter(HttpRateLimitIT::admitted).toList();
            for (JsonNode answer : sessions.get(t).answers(admitted)) {
                assertThat(answer.path("result").path("isError").asBoolean()).as(answer.toString()).isFalse();
                assertThat(answer.path("result").path("structuredContent").path("count").asInt()).isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Lane.class, names = {"STREAMABLE", "STATELESS"})
    void aToolCallOnMcpConsumesExactlyOneSlot(Lane onLane) throws Exception {
        start(onLane);
        Session session = session(key);
        for (int i = 0; i < LIMIT; i++) {
            Reply reply = session.call();
            assertThat(reply.status()).as("call " + (i + 1) + " of " + LIMIT + ": " + reply).isEqualTo(200);
        }
        assertRateLimited(session.call(), 60);
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    void retryAfterCountsDownToWhenTheOldestAdmittedCallLeavesTheWindow(Lane onLane) throws Exception {
        start(onLane);
        Session session = session(key);
        assertThat(admitted(session.call())).isTrue();                 // the oldest slot, at t=0
        clock.advance(Duration.ofSeconds(20));
        for (int i = 1; i < LIMIT; i++) {                               // the other 59, at t=20 s
            assertThat(admitted(session.call())).as("call " + (i + 1)).isTrue();
        }

        assertRateLimited(session.call(), 40);
        clock.advance(Duration.ofMillis(39_500));                       // t=59.5 s: rounds up to a whole second
        assertRateLimited(session.call(), 1);
        clock.advance(Duration.ofMillis(500));                          // t=60 s: the oldest slot has left

        assertThat(admitted(session.call())).isTrue();
        assertRateLimited(session.call(), 20);                          // next frees when the t=20 s calls leave
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    void aSecondKeyIsUnaffectedAndAdvancingTheClockAdmitsAgain(Lane onLane) throws Exception {
        start(onLane);
        Session first = session(key);
        Session second = session(HttpTestSupport.allScopesKey(core, "acme"));
        Session otherAccount = session(HttpTestSupport.allScopesKey(core, "globex"));

        assertThat(exhaust(first)).isEqualTo(LIMIT);
        assertRateLimited(first.call(), 60);
        assertThat(exhaust(second)).as("another key of the same account").isEqualTo(LIMIT);
        assertThat(admitted(otherAccount.call())).isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertRateLimited(first.call(), 30);
        assertRateLimited(second.call(), 30);
        clock.advance(Duration.ofSeconds(30));

        assertThat(exhaust(first)).isEqualTo(LIMIT);
        assertThat(admitted(second.call())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    void rejectedCallsDoNotConsumeSlots(Lane onLane) throws Exception {
        start(onLane);
        Session session = session(key);
        assertThat(exhaust(session)).isEqualTo(LIMIT);
        for (int i = 0; i < 100; i++) {
            assertThat(session.call().status()).isEqualTo(429);
        }

        clock.advance(Duration.ofSeconds(60));

        assertThat(exhaust(session)).isEqualTo(LIMIT);
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    void requestsRefusedBeforeTheLimiterAreNotCounted(Lane onLane) throws Exception {
        start(onLane);
        Session session = session(key);
        McpHttp probe = McpHttp.to(lane == Lane.LEGACY_SSE ? server.sseUrl().resolve("/mcp/message?sessionId=x")
                : server.mcpUrl(), key).onNewConnections();
        McpHttp foreign = probe.withHeader("Origin", "https://evil.example").onNewConnections();
        clients.add(probe);
        String malformed = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"";
        for (int i = 0; i < LIMIT; i++) {
            assertThat(foreign.listMonitors().status()).isEqualTo(403);
            assertThat(probe.post(malformed).status()).isEqualTo(400);
        }

        assertThat(exhaust(session)).isEqualTo(LIMIT);
    }

    @ParameterizedTest
    @EnumSource(value = Lane.class, names = {"STREAMABLE", "STATELESS"})
    void otherMethodsAreNeverLimited(Lane onLane) throws Exception {
        start(onLane);
        McpHttp client = streamableClient(key);
        Session session = session(key);
        assertThat(exhaust(session)).isPositive();
        assertThat(client.listMonitors().status()).as("the key is now limited").isEqualTo(429);

        for (int i = 0; i < LIMIT + 10; i++) {
            Reply list = client.request("tools/list", Map.of());
            assertThat(list.status()).as(list.toString()).isEqualTo(200);
            assertThat(list.result().path("tools").size()).isGreaterThan(10);
        }
        Reply ping = client.request("ping", null);
        assertThat(ping.status()).as(ping.toString()).isEqualTo(200);
        assertThat(ping.result().isObject()).isTrue();
        if (lane == Lane.STREAMABLE) {
            McpHttp another = McpHttp.to(server.mcpUrl(), key);
            clients.add(another);
            assertThat(another.initialize().status()).as("initialize is not limited").isEqualTo(200);
            assertThat(another.listMonitors().status()).isEqualTo(429);
        }
    }
}
