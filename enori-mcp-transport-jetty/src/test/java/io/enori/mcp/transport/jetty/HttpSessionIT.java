package io.enori.mcp.transport.jetty;

import static io.enori.mcp.transport.jetty.HttpTestSupport.assertNoLeaks;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.transport.jetty.HttpTestSupport.SseEvent;
import io.enori.mcp.transport.jetty.HttpTestSupport.SseStream;
import io.enori.mcp.transport.jetty.McpHttp.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Streamable HTTP sessions, stateless mode and the legacy SSE endpoint, on the wire. */
class HttpSessionIT {
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    private EnoriMcp core;
    private EnoriHttpServer server;
    private String key;
    private McpHttp client;

    private void start(HttpSettings settings) throws Exception {
        core = HttpTestSupport.newCore();
        key = HttpTestSupport.allScopesKey(core, "acme");
        server = EnoriHttpServer.start(core, settings.withPort(0));
        client = McpHttp.to(server.mcpUrl(), key);
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            try {
                assertNoLeaks(client.bodies());
            } finally {
                server.stop();
            }
        }
    }

    private Map<String, Object> website(String name) {
        return Map.of("type", "website", "name", name, "url", "http://127.0.0.1:9/");
    }

    @Test
    void initializeIssuesASessionIdThatToolCallsUse() throws Exception {
        start(HttpSettings.defaults());

        Reply init = client.initialize();

        assertThat(init.status()).as(init.toString()).isEqualTo(200);
        String sessionId = init.header("Mcp-Session-Id").orElseThrow();
        assertThat(sessionId).matches("[\\x21-\\x7E]+");
        assertThat(init.result().path("protocolVersion").asText()).isEqualTo(McpHttp.PROTOCOL_VERSION);
        assertThat(init.result().path("capabilities").has("tools")).isTrue();

        Reply created = client.callTool("create_monitor", website("api"));
        Reply listed = client.listMonitors();

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String monitorId = created.structured().path("monitor").path("id").asText();
        assertThat(monitorId).startsWith("mon_");
        assertThat(listed.structured().path("count").asInt()).isEqualTo(1);
        assertThat(listed.structured().path("monitors").get(0).path("id").asText()).isEqualTo(monitorId);
        assertThat(listed.structured().path("monitors").get(0).path("name").asText()).isEqualTo("api");
    }

    @Test
    void twoSessionsGetDistinctIds() throws Exception {
        start(HttpSettings.defaults());
        McpHttp other = client.withHeader("X-Api-Key", key);

        client.initialize();
        other.initialize();

        assertThat(client.sessionId()).isNotBlank().isNotEqualTo(other.sessionId());
    }

    @Test
    void unknownSessionIdGets404WithAJsonBody() throws Exception {
        start(HttpSettings.defaults());
        client.initialize();
        client.sessionId("not-a-session-" + System.nanoTime());

        Reply reply = client.listMonitors();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
        JsonNode body = reply.message();
        assertThat(body.isObject()).isTrue();
        assertThat(reply.body()).doesNotContain("<html");
    }

    @Test
    void deleteEndsTheSessionAndLaterRequestsOnItGet404() throws Exception {
        start(HttpSettings.defaults());
        client.initialize();
        String sessionId = client.sessionId();
        assertThat(client.listMonitors().status()).isEqualTo(200);

        Reply deleted = client.delete();

        assertThat(deleted.status()).as(deleted.toString()).isBetween(200, 204);
        Reply after = client.listMonitors();
        assertThat(after.status()).as(after.toString()).isEqualTo(404);
        assertThat(after.message().isObject()).isTrue();
        assertThat(client.sessionId()).isEqualTo(sessionId);
        Reply secondDelete = client.delete();
        assertThat(secondDelete.status()).isEqualTo(404);
        // A client that got 404 re-initializes and carries on.
        McpHttp again = client.withHeader("X-Api-Key", key);
        assertThat(again.initialize().status()).isEqualTo(200);
        assertThat(again.sessionId()).isNotEqualTo(sessionId);
        assertThat(again.listMonitors().status()).isEqualTo(200);
    }

    @Test
    void deleteWithoutAKeyIsRefusedAndTheSessionSurvives() throws Exception {
        start(HttpSettings.defaults());
        client.initialize();

        Reply anonymous = client.withHeader("X-Api-Key", null).sessionId(client.sessionId()).delete();

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(client.listMonitors().status()).isEqualTo(200);
    }

    @Test
    void anIdleSessionExpiresAndThenGets404() throws Exception {
        start(HttpSettings.defaults().withSessionIdle(Duration.ofMillis(500)));
        client.initialize();
        assertThat(client.listMonitors().status()).isEqualTo(200);

        Thread.sleep(2500); // no request on the session meanwhile: any request would make it active again
        Reply expired = client.listMonitors();

        assertThat(expired.status()).as(expired.toString()).isEqualTo(404);
        assertThat(client.withHeader("X-Api-Key", key).initialize().status()).isEqualTo(200);
    }

    @Test
    void getWithASessionOpensAnSseStreamWhoseHeadersArrivePromptly() throws Exception {
        start(HttpSettings.defaults());
        client.initialize();

        long started = System.nanoTime();
        try (SseStream stream = SseStream.open(server.mcpUrl(), key, client.sessionId(), PROMPTLY)) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(stream.response.statusCode()).isEqualTo(200);
            assertThat(stream.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            assertThat(took).isLessThan(PROMPTLY);
            // The stream does not block the session's ordinary requests.
            assertThat(client.listMonitors().status()).isEqualTo(200);
        }
    }

    @Test
    void getWithoutAKeyIs401AndWithoutASessionIsNotAStream() throws Exception {
        start(HttpSettings.defaults());

        Reply anonymous = client.withHeader("X-Api-Key", null).send(client.withHeader("X-Api-Key", null).builder()
                .header("Accept", "text/event-stream").GET().build());
        Reply sessionless = client.send(client.builder().header("Accept", "text/event-stream").GET()
                .timeout(PROMPTLY).build());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(sessionless.status()).as(sessionless.toString()).isBetween(400, 499);
    }

    @Test
    void statelessModeServesToolCallsWithoutSessionOrInitialize() throws Exception {
        start(HttpSettings.defaults().withStateless(true));

        Reply created = client.callTool("create_monitor", website("stateless"));
        Reply listed = client.listMonitors();

        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.header("Mcp-Session-Id")).isEmpty();
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.header("Mcp-Session-Id")).isEmpty();
        assertThat(listed.structured().path("count").asInt()).isEqualTo(1);
        assertThat(listed.structured().path("monitors").get(0).path("name").asText()).isEqualTo("stateless");
    }

    @Test
    void statelessModeIssuesNoSessionIdOnInitializeEither() throws Exception {
        start(HttpSettings.defaults().withStateless(true));

        Reply init = client.initialize();

        assertThat(init.status()).as(init.toString()).isEqualTo(200);
        assertThat(init.header("Mcp-Session-Id")).isEmpty();
        assertThat(init.result().path("serverInfo").path("name").asText()).isEqualTo(EnoriMcp.SERVER_NAME);
        assertThat(client.sessionId()).isNull();
    }

    @Test
    void statelessModeStillRequiresAKey() throws Exception {
        start(HttpSettings.defaults().withStateless(true));

        Reply reply = client.withHeader("X-Api-Key", null).listMonitors();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).contains("X-Api-Key");
    }

    @Test
    void legacySseEndpointAnnouncesItsMessageUrlAndAnswersOnTheStream() throws Exception {
        start(HttpSettings.defaults());
        Reply sessionless = client.callTool("create_monitor", website("unused"));
        assertThat(sessionless.status()).as("no session: not served " + sessionless).isBetween(400, 499);
        McpHttp streamable = client.withHeader("X-Api-Key", key);
        streamable.initialize();
        streamable.callTool("create_monitor", website("seen over sse"));

        try (SseStream stream = SseStream.open(server.sseUrl(), key, null, PROMPTLY)) {
            assertThat(stream.response.statusCode()).isEqualTo(200);
            assertThat(stream.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            SseEvent endpoint = stream.next("endpoint", PROMPTLY);
            assertThat(endpoint.data()).matches("(http://[^/]+)?/mcp/message\\?sessionId=[\\x21-\\x7E]+");
            URI messageUrl = server.sseUrl().resolve(endpoint.data());
            McpHttp legacy = client.at(messageUrl);

            Reply init = legacy.post(McpHttp.message("initialize", Map.of("protocolVersion", "2024-11-05",
                    "capabilities", Map.of(), "clientInfo", Map.of("name", "legacy", "version", "1")), 1));
            assertThat(init.status()).as(init.toString()).isBetween(200, 202);
            JsonNode initAnswer = McpHttp.JSON.readTree(stream.next("message", PROMPTLY).data());
            assertThat(initAnswer.path("id").asInt()).isEqualTo(1);
            assertThat(initAnswer.path("result").path("protocolVersion").asText()).isEqualTo("2024-11-05");
            assertThat(legacy.notification("notifications/initialized").status()).isBetween(200, 202);

            Reply call = legacy.post(McpHttp.message("tools/call",
                    Map.of("name", "list_monitors", "arguments", Map.of()), 2));
            assertThat(call.status()).as(call.toString()).isBetween(200, 202);
            JsonNode answer = McpHttp.JSON.readTree(stream.next("message", PROMPTLY).data());
            assertThat(answer.path("id").asInt()).isEqualTo(2);
            JsonNode structured = answer.path("result").path("structuredContent");
            assertThat(answer.path("result").path("isError").asBoolean()).isFalse();
            assertThat(structured.path("count").asInt()).isEqualTo(1);
            assertThat(structured.path("monitors").get(0).path("name").asText()).isEqualTo("seen over sse");
        }
    }

    @Test
    void legacySseEndpointRequiresAKeyAndRejectsUnknownSessions() throws Exception {
        start(HttpSettings.defaults());

        Reply anonymous = client.withHeader("X-Api-Key", null).send(HttpRequest.newBuilder(server.sseUrl())
                .header("Accept", "text/event-stream").timeout(PROMPTLY).GET().build());
        Reply unknown = client.at(URI.create(server.mcpUrl() + "/message?sessionId=nope"))
                .post(McpHttp.message("tools/call", Map.of("name", "list_monitors", "arguments", Map.of()), 1));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).contains("X-Api-Key");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    }
}
