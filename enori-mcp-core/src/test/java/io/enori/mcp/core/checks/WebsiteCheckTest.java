package io.enori.mcp.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.spi.CheckOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebsiteCheckTest {

    // Generous: these checks answer in milliseconds; the bound only matters on a loaded shared machine.
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicReference<String> LAST_USER_AGENT = new AtomicReference<>();
    private static final DefaultCheckExecutor EXECUTOR = DefaultCheckExecutor.create();

    private static HttpServer server;
    private static ExecutorService handlers;
    private static String base;

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", exchange -> {
            LAST_USER_AGENT.set(exchange.getRequestHeaders().getFirst("User-Agent"));
            respond(exchange, 200, "<html>all systems operational</html>");
        });
        server.createContext("/unavailable", exchange -> respond(exchange, 503, "maintenance"));
        server.createContext("/missing", exchange -> respond(exchange, 404, "not here"));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/ok");
            respond(exchange, 302, "");
        });
        server.createContext("/huge", exchange -> {
            // The keyword sits just past the 1 MiB a check reads.
            byte[] filler = new byte[WebsiteChecker.MAX_BODY_BYTES];
            Arrays.fill(filler, (byte) 'x');
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write("head-marker ".getBytes(StandardCharsets.UTF_8));
                body.write(filler);
                body.write(" tail-marker".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // The checker stops reading after its limit and closes the connection.
            }
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(5_000);
                respond(exchange, 200, "late");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static CheckOutcome check(String path, String keyword, List<Integer> expected) {
        return EXECUTOR.check(new MonitorTarget.Website(base + path, keyword, expected), TIMEOUT);
    }

    @Test
    void okResponseIsUpWithStatusAndResponseTime() {
        CheckOutcome outcome = check("/ok", null, null);

        assertThat(outcome.status()).isEqualTo(CheckStatus.UP);
        assertThat(outcome.statusCode()).isEqualTo(200);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.contentMatched()).isNull();
        assertThat(outcome.sslExpiresAt()).isNull();
        assertThat(outcome.responseTimeMs()).isNotNull().isBetween(0, (int) TIMEOUT.toMillis());
    }

    @Test
    void requestIdentifiesItselfAsEnoriMonitor() {
        check("/ok", null, null);

        assertThat(LAST_USER_AGENT.get()).isEqualTo("EnoriMonitor/1.0");
    }

    @Test
    void serviceUnavailableIsDownNamingTheStatus() {
        CheckOutcome outcome = check("/unavailable", null, null);

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.statusCode()).isEqualTo(503);
        assertThat(outcome.error()).isEqualTo("HTTP 503 (expected 200-399)");
    }

    @Test
    void listedStatusCodeCountsAsUpEvenWhenItIsAnError() {
        CheckOutcome outcome = check("/missing", null, List.of(404));

        assertThat(outcome.status()).isEqualTo(CheckStatus.UP);
        assertThat(outcome.statusCode()).isEqualTo(404);
    }

    @Test
    void unlistedStatusCodeIsDownNamingTheListedOnes() {
        CheckOutcome outcome = check("/missing", null, List.of(200, 201));

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).isEqualTo("HTTP 404 (expected one of 200, 201)");
    }

    @Test
    void redirectIsFollowedToItsTarget() {
        CheckOutcome outcome = check("/moved", null, List.of(200));

        assertThat(outcome.status()).isEqualTo(CheckStatus.UP);
        assertThat(outcome.statusCode()).isEqualTo(200);
    }

    @Test
    void keywordInBodyIsUpWithContentMatched() {
        CheckOutcome outcome = check("/ok", "operational", null);

        assertThat(outcome.status()).isEqualTo(CheckStatus.UP);
        assertThat(outcome.contentMatched()).isTrue();
    }

    @Test
    void keywordMissingFromBodyIsDownWithContentNotMatched() {
        CheckOutcome outcome = check("/ok", "xyz", null);

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.statusCode()).isEqualTo(200);
        assertThat(outcome.contentMatched()).isFalse();
        assertThat(outcome.error()).isEqualTo("keyword 'xyz' not found in response body");
    }

    @Test
    void onlyTheFirstMebibyteOfTheBodyIsSearched() {
        assertThat(check("/huge", "head-marker", null).contentMatched()).isTrue();
        assertThat(check("/huge", "tail-marker", null).contentMatched()).isFalse();
    }

    @Test
    void slowResponseIsDownAsTimedOutWithinTheTimeout() {
        Duration timeout = Duration.ofMillis(300);
        long start = System.nanoTime();
        CheckOutcome outcome = EXECUTOR.check(new MonitorTarget.Website(base + "/slow", null, null), timeout);
        long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).isEqualTo("timed out after 300 ms");
        assertThat(outcome.statusCode()).isNull();
        // A loose bound: the answer arrives long before the slow peer would (5 s), not a latency target.
        assertThat(elapsedMs).isLessThan(4_000);
    }

    @Test
    void closedPortIsDownAsConnectionRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        CheckOutcome outcome = EXECUTOR.check(
                new MonitorTarget.Website("http://127.0.0.1:" + closedPort + "/", null, null), TIMEOUT);

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).isEqualTo("connection refused");
        assertThat(outcome.statusCode()).isNull();
    }

    @Test
    void unknownHostIsDownNamingTheHost() {
        MonitorTarget target = new MonitorTarget.Website("http://example.invalid/", null, null);

        CheckOutcome outcome = EXECUTOR.check(target, TIMEOUT);

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).isEqualTo("unknown host example.invalid");
    }

    @Test
    void malformedUrlIsDownRatherThanThrown() {
        CheckOutcome outcome = EXECUTOR.check(new MonitorTarget.Website("not a url", null, null), TIMEOUT);

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).isEqualTo("invalid URL not a url");
    }
}
