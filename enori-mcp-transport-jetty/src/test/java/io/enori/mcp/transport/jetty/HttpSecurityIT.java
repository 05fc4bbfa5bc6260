package io.enori.mcp.transport.jetty;

import static io.enori.mcp.transport.jetty.HttpTestSupport.assertNoLeaks;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.enori.mcp.api.ApiKey;
import io.enori.mcp.api.Scope;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.auth.ApiKeys;
import io.enori.mcp.transport.jetty.McpHttp.Reply;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway in front of {@code /mcp}: Origin, API key, body size and well-formedness, each answered with a
 * JSON body, none with a stack trace, and the server keeps serving after each.
 */
class HttpSecurityIT {
    private static final String CONFIGURED_ORIGIN = "https://claude.ai";

    private EnoriMcp core;
    private EnoriHttpServer server;
    private String key;
    private McpHttp client;

    @BeforeEach
    void start() throws Exception {
        core = HttpTestSupport.newCore();
        key = HttpTestSupport.allScopesKey(core, "acme");
        server = EnoriHttpServer.start(core, HttpSettings.defaults().withPort(0)
                .withAllowedOrigins(List.of(CONFIGURED_ORIGIN)));
        client = McpHttp.to(server.mcpUrl(), key);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            assertNoLeaks(client.bodies());
        } finally {
            server.stop();
        }
    }

    /** A fresh session with the good key, on a new connection, still initializes and calls a tool. */
    private void assertStillServing() {
        McpHttp fresh = client.withHeader("Origin", null).withHeader("X-Api-Key", key).onNewConnections();
        Reply init = fresh.initialize();
        assertThat(init.status()).as(init.toString()).isEqualTo(200);
        assertThat(init.result().path("serverInfo").path("name").asText()).isEqualTo(EnoriMcp.SERVER_NAME);
        Reply call = fresh.listMonitors();
        assertThat(call.status()).as(call.toString()).isEqualTo(200);
        assertThat(call.structured().path("count").asInt()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "http://localhost.evil.example", "http://127.0.0.1.nip.io:8080",
            "null", "https://claude.ai.evil.example"})
    void foreignOriginIsForbiddenWithAJsonBody(String origin) {
        Reply reply = client.withHeader("Origin", origin).initialize();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(reply.header("Content-Type").orElse("")).startsWith("application/json");
        assertThat(reply.json().path("error").asText()).isEqualTo("Forbidden origin");
        assertThat(reply.json().path("origin").asText()).isEqualTo(origin);
        assertThat(reply.header("Mcp-Session-Id")).isEmpty();
        assertStillServing();
    }

    @Test
    void foreignOriginIsForbiddenEvenWithoutAKey() {
        Reply reply = client.withHeader("X-Api-Key", null).withHeader("Origin", "https://evil.example").initialize();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:5173", "http://127.0.0.1:3000", "http://[::1]:8080", "http://localhost",
            CONFIGURED_ORIGIN})
    void loopbackAndConfiguredOriginsAreAllowed(String origin) {
        McpHttp browser = client.withHeader("Origin", origin);

        Reply init = browser.initialize();
        assertThat(init.status()).as(init.toString()).isEqualTo(200);
        assertThat(browser.sessionId()).isNotBlank();
        Reply call = browser.listMonitors();
        assertThat(call.status()).as(call.toString()).isEqualTo(200);
        assertThat(call.structured().path("monitors").isArray()).isTrue();
    }

    @Test
    void missingKeyGets401NamingTheHeader() {
        Reply reply = client.withHeader("X-Api-Key", null).initialize();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.header("Content-Type").orElse("")).startsWith("application/json");
        assertThat(reply.json().path("error").asText()).isEqualTo("Authentication required");
        assertThat(reply.body()).contains("X-Api-Key");
        // The POST body was never read, so the connection is not reusable, and the answer says so.
        assertThat(reply.header("Connection")).as("Connection header of a 401 to a POST").hasValue("close");
        assertStillServing();
    }

    @Test
    void unsupportedProtocolVersionGets400NamingTheSupportedOnes() {
        Reply reply = client.withHeader("MCP-Protocol-Version", "1999-01-01").initialize();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().path("error").path("message").asText())
                .contains("1999-01-01").contains("2025-06-18").contains("2025-11-25");
        Reply supported = client.withHeader("MCP-Protocol-Version", "2025-06-18").initialize();
        assertThat(supported.status()).as(supported.toString()).isEqualTo(200);
        assertStillServing();
    }

    @Test
    void blankKeyGets401() {
        Reply reply = client.withHeader("X-Api-Key", "   ").initialize();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).contains("X-Api-Key");
    }

    @Test
    void bogusKeyGets401() {
        Reply reply = client.withHeader("X-Api-Key", "enr_" + "x".repeat(40)).initialize();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.json().path("error").asText()).isEqualTo("Invalid API key");
        assertThat(reply.json().path("detail").asText()).contains("not valid");
        assertStillServing();
    }

    @Test
    void revokedKeyGets401EvenOnAnExistingSession() {
        ApiKeys.IssuedKey doomed = core.apiKeys().create("acme", EnumSet.of(Scope.MONITORS_READ), "doomed");
        McpHttp holder = client.withHeader("X-Api-Key", doomed.plaintext());
        assertThat(holder.initialize().status()).isEqualTo(200);
        assertThat(holder.listMonitors().status()).isEqualTo(200);

        assertThat(core.apiKeys().revoke(doomed.key().id())).isTrue();

        Reply onSession = holder.listMonitors();
        assertThat(onSession.status()).as(onSession.toString()).isEqualTo(401);
        assertThat(onSession.json().path("detail").asText()).contains("revoked");
        Reply fresh = client.withHeader("X-Api-Key", doomed.plaintext()).initialize();
        assertThat(fresh.status()).isEqualTo(401);
        assertThat(core.apiKeys().list()).filteredOn(k -> k.id().equals(doomed.key().id()))
                .allMatch(ApiKey::isRevoked);
        assertStillServing();
    }

    private static String oversizedToolCall() {
        char[] filler = new char[2 * 1024 * 1024];
        Arrays.fill(filler, 'a');
        return McpHttp.message("tools/call",
                java.util.Map.of("name", "list_monitors", "arguments", java.util.Map.of("name", new String(filler))), 1);
    }

    @Test
    void oversizedBodyWithContentLengthGets413() {
        client.initialize();

        Reply reply = client.post(oversizedToolCall());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
        assertThat(reply.json().path("error").asText()).isEqualTo("Request body too large");
        assertThat(reply.json().path("limitBytes").asInt()).isEqualTo(HttpSettings.DEFAULT_MAX_REQUEST_BYTES);
        assertStillServing();
    }

    @Test
    void oversizedChunkedBodyWithoutContentLengthGets413() {
        client.initialize();
        byte[] body = McpHttp.utf8(oversizedToolCall());
        HttpRequest chunked = client.post()
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        assertThat(chunked.bodyPublisher().orElseThrow().contentLength()).as("unknown length: chunked").isEqualTo(-1);

        Reply reply = client.send(chunked);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
        assertThat(reply.json().path("error").asText()).isEqualTo("Request body too large");
        assertStillServing();
    }

    @Test
    void oversizedBodyAnswerAnnouncesThatTheConnectionCloses() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: " + key + "\r\n"
                    + "Content-Type: application/json\r\nAccept: " + McpHttp.ACCEPT + "\r\n"
                    + "Content-Length: " + (2 * 1024 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            boolean closedByServer;
            try {
                socket.getInputStream().transferTo(received);
                closedByServer = true;
            } catch (java.net.SocketTimeoutException e) {
                closedByServer = false;
            }
            String response = received.toString(StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 413");
            if (closedByServer) {
                assertThat(response.lines().takeWhile(l -> !l.isEmpty()))
                        .as("a server that closes after answering must say so")
                        .anyMatch(l -> l.equalsIgnoreCase("Connection: close"));
            }
        }
    }

    @Test
    void theCapCountsBytesNotArgumentsJustUnderIsServedJustOverIs413() throws Exception {
        server.stop();
        server = EnoriHttpServer.start(core, HttpSettings.defaults().withPort(0).withMaxRequestBytes(4096));
        client = McpHttp.to(server.mcpUrl(), key);
        client.initialize();
        String call = McpHttp.message("tools/call", java.util.Map.of("name", "list_monitors",
                "arguments", java.util.Map.of()), 7);
        // JSON allows trailing whitespace: the same call padded to exactly the cap, and one byte over it.
        String atCap = call + " ".repeat(4096 - call.length());
        String overCap = atCap + " ";

        Reply ok = client.post(atCap);
        Reply tooBig = client.post(overCap);

        assertThat(McpHttp.utf8(atCap)).hasSize(4096);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.structured().path("count").asInt()).isZero();
        assertThat(tooBig.status()).as(tooBig.toString()).isEqualTo(413);
        assertThat(tooBig.json().path("limitBytes").asInt()).isEqualTo(4096);
        assertStillServing();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",", "not json at all",
            "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": }", "\u0000\u0001"})
    void malformedJsonGetsAJsonRpcParseError(String body) {
        client.initialize();

        Reply reply = client.post(body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        JsonNode json = reply.message();
        assertThat(json.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(json.path("error").path("code").asInt()).isEqualTo(-32700);
        assertThat(json.path("error").path("message").asText()).startsWith("Parse error");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("jackson");
        assertStillServing();
    }

    @Test
    void emptyBodyGetsA400NotA500() {
        client.initialize();

        Reply reply = client.post("");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.message().path("error").path("code").asInt()).isNegative();
        assertStillServing();
    }

    @Test
    void emptyBodyGetsTheGatewaysParseError() {
        client.initialize();

        Reply reply = client.post("");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message().path("error").path("code").asInt()).isEqualTo(-32700);
        assertThat(reply.message().path("error").path("message").asText()).isEqualTo("Parse error: the message is empty");
    }

    @Test
    void wellFormedJsonThatIsNotJsonRpcIsRejectedWithoutA500() {
        client.initialize();

        for (String body : List.of("{\"hello\":\"world\"}", "42", "\"text\"", "[]", "{\"jsonrpc\":\"2.0\",\"id\":1}")) {
            Reply reply = client.post(body);
            assertThat(reply.status()).as(body + " -> " + reply).isBetween(400, 499);
            assertThat(reply.message().path("error").isMissingNode()).as(body + " -> " + reply).isFalse();
        }
        assertStillServing();
    }

    @Test
    void missingAcceptOrWrongContentTypeIsAClientErrorWithoutAStackTrace() {
        client.initialize();
        String call = McpHttp.message("tools/call", java.util.Map.of("name", "list_monitors",
                "arguments", java.util.Map.of()), 3);

        Reply noAccept = client.send(client.builder().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(call)).build());
        Reply textPlain = client.send(client.builder().header("Content-Type", "text/plain").header("Accept", McpHttp.ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(call)).build());

        assertThat(noAccept.status()).as(noAccept.toString()).isBetween(400, 499);
        assertThat(noAccept.message().path("error").isMissingNode()).as(noAccept.toString()).isFalse();
        assertThat(textPlain.status()).as(textPlain.toString()).isBetween(400, 499);
        assertThat(textPlain.message().path("error").isMissingNode()).as(textPlain.toString()).isFalse();
        assertStillServing();
    }

    @Test
    void unknownToolIsAJsonRpcErrorAndUnknownPathAJson404() {
        client.initialize();

        Reply unknownTool = client.callTool("no_such_tool", java.util.Map.of());
        Reply unknownPath = client.send(client.builder().uri(URI.create(server.mcpUrl() + "/nope")).GET().build());
        Reply outside = client.send(client.builder().uri(server.mcpUrl().resolve("/nowhere")).GET().build());

        assertThat(unknownTool.status()).as(unknownTool.toString()).isEqualTo(200);
        assertThat(unknownTool.message().path("error").path("code").asInt()).isNotZero();
        assertThat(unknownTool.message().has("result")).isFalse();
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.json().path("status").asInt()).isEqualTo(404);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.json().path("status").asInt()).isEqualTo(404);
        assertStillServing();
    }
}
