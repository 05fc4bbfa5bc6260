package io.enori.mcp.transport.jetty;

import static io.enori.mcp.transport.jetty.HttpTestSupport.assertNoLeaks;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.transport.jetty.McpHttp.Reply;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Graceful stop: in-flight calls finish, new requests are refused, and stop does not hang. */
class HttpDrainIT {
    private static final long SLOW_MS = 1500;
    private static final Duration DRAIN_TIMEOUT = HttpSettings.defaults().drainTimeout();

    private HttpServer slowSite;
    private final CountDownLatch slowRequestArrived = new CountDownLatch(1);
    private EnoriMcp core;
    private EnoriHttpServer server;
    private McpHttp client;

    @BeforeEach
    void start() throws Exception {
        slowSite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slowSite.setExecutor(Executors.newCachedThreadPool());
        slowSite.createContext("/slow", exchange -> {
            slowRequestArrived.countDown();
            try {
                Thread.sleep(SLOW_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "slow but fine".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        slowSite.start();
        core = HttpTestSupport.newCore();
        server = EnoriHttpServer.start(core, HttpSettings.defaults().withPort(0));
        client = McpHttp.to(server.mcpUrl(), HttpTestSupport.allScopesKey(core, "acme"));
        assertThat(client.initialize().status()).isEqualTo(200);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            assertNoLeaks(client.bodies());
        } finally {
            slowSite.stop(0);
            server.stop(); // idempotent after a test already stopped it
        }
    }

    private String slowMonitor() {
        Reply created = client.callTool("create_monitor", Map.of("type", "website", "name", "slow",
                "url", "http://127.0.0.1:" + slowSite.getAddress().getPort() + "/slow", "timeoutMs", 10_000));
        return created.structured().path("monitor").path("id").asText();
    }

    @Test
    void stopLetsTheInFlightCallFinishAndRefusesNewRequests() throws Exception {
        String monitorId = slowMonitor();
        McpHttp newcomer = client.onNewConnections().sessionId(client.sessionId());
        AtomicLong callFinishedAt = new AtomicLong();
        CompletableFuture<Reply> inFlight = CompletableFuture.supplyAsync(() -> {
            Reply reply = client.callTool("check_now", Map.of("monitorId", monitorId));
            callFinishedAt.set(System.nanoTime());
            return reply;
        });
        assertThat(slowRequestArrived.await(10, TimeUnit.SECONDS)).as("check reached the slow site").isTrue();

        long stopStarted = System.nanoTime();
        CompletableFuture<Long> stopped = CompletableFuture.supplyAsync(() -> {
            try {
                server.stop();
                return System.nanoTime();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // Until the stop thread has flipped the gateway to draining, requests are still served; the first one
        // that is not must be refused (503), and that must happen while the slow call is still in flight.
        Object late = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            late = lateRequest(newcomer);
            if (!(late instanceof Reply reply && reply.status() == 200)) {
                break;
            }
            Thread.sleep(20);
        }
        boolean refusedWhileInFlight = !inFlight.isDone();
        Reply answer = inFlight.get(DRAIN_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        long stoppedAt = stopped.get(DRAIN_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode result = answer.structured();
        assertThat(result.path("monitorId").asText()).isEqualTo(monitorId);
        assertThat(result.path("result").path("status").asText()).isEqualTo("up");
        assertThat(result.path("result").path("statusCode").asInt()).isEqualTo(200);
        assertThat(result.path("result").path("responseTimeMs").asLong()).isGreaterThanOrEqualTo(SLOW_MS - 100);
        if (late instanceof Reply reply) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
            assertThat(reply.header("Retry-After")).isPresent();
            assertThat(reply.json().path("error").asText()).isEqualTo("Server is shutting down");
        } else {
            assertThat(late).as("refused at the socket instead").isInstanceOf(ConnectException.class);
        }
        assertThat(refusedWhileInFlight).as("refused while the slow call was still running").isTrue();
        assertThat(stoppedAt).as("stop waited for the in-flight call").isGreaterThanOrEqualTo(callFinishedAt.get());
        assertThat(Duration.ofNanos(stoppedAt - stopStarted)).isLessThan(DRAIN_TIMEOUT.plusSeconds(3));
    }

    @Test
    void stopReturnsPromptlyOnceNothingIsInFlight() throws Exception {
        // A mix of answered, refused and streaming requests must leave nothing counted as in flight.
        client.listMonitors();
        client.withHeader("X-Api-Key", null).onNewConnections().listMonitors();
        client.withHeader("Origin", "https://evil.example").onNewConnections().listMonitors();
        client.post("{ not json");
        client.notification("notifications/initialized");
        client.request("tools/list", Map.of());
        client.callTool("no_such_tool", Map.of());
        McpHttp ended = client.onNewConnections();
        ended.initialize();
        ended.delete();
        try (HttpTestSupport.SseStream stream = HttpTestSupport.SseStream.open(server.mcpUrl(), keyOf(client),
                client.sessionId(), Duration.ofSeconds(5))) {
            assertThat(stream.response.statusCode()).isEqualTo(200);

            long started = System.nanoTime();
            server.stop();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aStoppedServerRefusesConnections() throws Exception {
        server.stop();

        Object late = lateRequest(client.onNewConnections());

        assertThat(late).isInstanceOf(ConnectException.class);
    }

    /** A tools/call sent now: its reply, or the exception that refused it. */
    private static Object lateRequest(McpHttp newcomer) {
        try {
            return newcomer.listMonitors();
        } catch (UncheckedIOException e) {
            return e.getCause() instanceof ConnectException ? e.getCause() : e;
        }
    }

    private static String keyOf(McpHttp client) {
        return client.builder().build().headers().firstValue("X-Api-Key").orElseThrow();
    }
}
