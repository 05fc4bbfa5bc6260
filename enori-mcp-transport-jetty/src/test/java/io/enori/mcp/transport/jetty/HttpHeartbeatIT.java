package io.enori.mcp.transport.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.JobPing;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.api.spi.PageRequest;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.auth.ApiKeys;
import io.enori.mcp.core.tool.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Job heartbeats over HTTP at /ping/{token}: outside the API-key gateway, the token in the URL authenticates. */
class HttpHeartbeatIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private EnoriMcp core;
    private EnoriHttpServer server;
    private String account;
    private String monitorId;
    private String pingUrl;

    @BeforeEach
    void start() throws Exception {
        core = HttpTestSupport.newCore();
        ApiKeys.IssuedKey key = core.apiKeys().create("acme", EnumSet.allOf(Scope.class), "test");
        account = key.account().id();
        Caller caller = Caller.apiKey(account, key.key().id(), EnumSet.allOf(Scope.class));
        ToolOutcome created = core.call("create_monitor", caller, Map.of("type", "job", "name", "Nightly export"));
        @SuppressWarnings("unchecked")
        Map<String, Object> monitor = (Map<String, Object>) Json.toMap(((ToolOutcome.Ok) created).content())
                .get("monitor");
        monitorId = (String) monitor.get("id");
        server = EnoriHttpServer.start(core, HttpSettings.defaults().withPort(0));
        String token = ((String) monitor.get("heartbeatUrl")).replaceAll(".*/ping/", "");
        pingUrl = "http://127.0.0.1:" + server.port() + "/ping/" + token;
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        core.close();
    }

    @Test
    void aPostWithRunIdAndMetricsIsStoredAndBringsTheJobUpWithoutAnApiKey() throws Exception {
        HttpResponse<String> response = post(pingUrl, "{\"runId\":\"r1\",\"durationMs\":1500,"
                + "\"metrics\":{\"rows\":1200,\"lag.ms\":0.5},\"message\":\"ok\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response)).containsEntry("ok", true).containsEntry("monitorId", monitorId)
                .containsEntry("kind", "success").containsEntry("status", "up");
        JobPing stored = pings().get(0);
        assertThat(stored.runId()).isEqualTo("r1");
        assertThat(stored.durationMs()).isEqualTo(1500L);
        assertThat(stored.message()).isEqualTo("ok");
        assertThat(stored.metrics()).containsEntry("rows", 1200.0).containsEntry("lag.ms", 0.5);
    }

    @Test
    void getAndTheStartAndFailPathsRecordTheirKinds() throws Exception {
        assertThat(send(HttpRequest.newBuilder(URI.create(pingUrl + "/start")).GET()).statusCode()).isEqualTo(200);
        HttpResponse<String> success = send(HttpRequest.newBuilder(URI.create(pingUrl)).GET());
        HttpResponse<String> fail = post(pingUrl + "/fail", "");

        assertThat(body(success)).containsEntry("kind", "success").containsEntry("status", "up");
        assertThat(body(fail)).containsEntry("kind", "fail").containsEntry("status", "down");
        assertThat(pings()).extracting(JobPing::kind)
                .containsExactly(JobPing.Kind.FAIL, JobPing.Kind.SUCCESS, JobPing.Kind.START);
    }

    @Test
    void anUnknownTokenOrPathIsA404AndStoresNothing() throws Exception {
        HttpResponse<String> unknown = post("http://127.0.0.1:" + server.port() + "/ping/" + "A".repeat(43), "");
        HttpResponse<String> badSuffix = post(pingUrl + "/finish", "");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(body(unknown).get("error").toString()).startsWith("Unknown heartbeat URL");
        assertThat(badSuffix.statusCode()).isEqualTo(404);
        assertThat(pings()).isEmpty();
    }

    @Test
    void badBodiesAre400NamingTheFieldAndStoreNothing() throws Exception {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("[1,2]", "body");
        cases.put("not json", "body");
        cases.put("{\"runId\":42}", "runId");
        cases.put("{\"durationMs\":-5}", "durationMs");
        cases.put("{\"metrics\":{\"rows\":\"many\"}}", "metrics.rows");
        cases.put("{\"metrics\":[1]}", "metrics");
        cases.put("{\"message\":\"" + "m".repeat(1001) + "\"}", "message");
        cases.put("{\"runId\":\"" + "r".repeat(101) + "\"}", "runId");
        StringBuilder many = new StringBuilder("{\"metrics\":{");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        cases.put(many.append("}}").toString(), "metrics");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = post(pingUrl, c.getKey());
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(body(response)).as(c.getKey()).containsEntry("field", c.getValue());
            assertThat(body(response).get("error").toString()).as(c.getKey()).startsWith("Invalid heartbeat: ");
        }
        assertThat(pings()).isEmpty();
    }

    @Test
    void anOversizedBodyIs413AndStoresNothing() throws Exception {
        String big = "{\"message\":\"" + "x".repeat(PingServlet.MAX_BODY_BYTES) + "\"}";

        HttpResponse<String> response = post(pingUrl, big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(pings()).isEmpty();
    }

    @Test
    void aTokenIsLimitedPerMinuteWith429AndRetryAfter() throws Exception {
        for (int i = 0; i < PingServlet.PINGS_PER_MINUTE; i++) {
            assertThat(send(HttpRequest.newBuilder(URI.create(pingUrl + "/start")).GET()).statusCode())
                    .as("ping %d", i).isEqualTo(200);
        }

        HttpResponse<String> over = send(HttpRequest.newBuilder(URI.create(pingUrl + "/start")).GET());

        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.headers().firstValue("Retry-After")).isPresent();
        assertThat(body(over)).containsEntry("error", "Rate limit exceeded");
        assertThat(pings()).hasSize(PingServlet.PINGS_PER_MINUTE);
    }

    private List<JobPing> pings() {
        return core.storage().jobPings().list(account, monitorId, PageRequest.first(500)).items();
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(HttpResponse<String> response) throws Exception {
        return JSON.readValue(response.body(), Map.class);
    }
}
