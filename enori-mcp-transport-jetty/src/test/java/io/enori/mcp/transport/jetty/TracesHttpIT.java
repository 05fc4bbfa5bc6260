package io.enori.mcp.transport.jetty;

import static io.enori.mcp.transport.jetty.HttpTestSupport.assertNoLeaks;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.enori.mcp.api.Scope;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.transport.jetty.McpHttp.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OTLP/HTTP receiver at {@code /v1/traces} end to end: a service instrumented with the real OpenTelemetry SDK
 * and exporter continues a website check's traceparent, and the check's trace then holds its spans; plus the
 * receiver's refusals (auth, scope, encoding, limits) and account isolation.
 */
class TracesHttpIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TRACE_A = "4bf92f3577b34da6a3ce929d0e0e4736";

    private EnoriMcp core;
    private EnoriHttpServer server;
    private String key;
    private McpHttp client;
    private final List<String> bodies = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        core = HttpTestSupport.newCore();
        key = HttpTestSupport.allScopesKey(core, "acme");
        server = EnoriHttpServer.start(core, HttpSettings.defaults().withPort(0));
        client = McpHttp.to(server.mcpUrl(), key);
        assertThat(client.initialize().status()).isEqualTo(200);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            assertNoLeaks(client.bodies());
            assertNoLeaks(bodies);
        } finally {
            server.stop();
        }
    }

    private URI traces() {
        return URI.create("http://127.0.0.1:" + server.port() + "/v1/traces");
    }

    private HttpResponse<String> post(String apiKey, String contentType, byte[] body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(traces()).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        bodies.add(response.body());
        return response;
    }

    private HttpResponse<String> postJson(String apiKey, String json) throws Exception {
        return post(apiKey, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return McpHttp.JSON.readTree(response.body());
    }

    /** One OTLP JSON request: spans as {@code [traceId, spanId, parentSpanId, name]} under a resource. */
    static String otlp(String service, String monitorId, String[]... spans) {
        StringBuilder s = new StringBuilder("{\"resourceSpans\":[{\"resource\":{\"attributes\":[");
        s.append("{\"key\":\"service.name\",\"value\":{\"stringValue\":\"").append(service).append("\"}}");
        if (monitorId != null) {
            s.append(",{\"key\":\"enori.monitor.id\",\"value\":{\"stringValue\":\"").append(monitorId).append("\"}}");
        }
        s.append("]},\"scopeSpans\":[{\"scope\":{\"name\":\"t\"},\"spans\":[");
        for (int i = 0; i < spans.length; i++) {
            String[] span = spans[i];
            s.append(i == 0 ? "" : ",").append("{\"traceId\":\"").append(span[0]).append("\",\"spanId\":\"")
                    .append(span[1]).append("\",\"parentSpanId\":\"").append(span[2]).append("\",\"name\":\"")
                    .append(span[3]).append("\",\"kind\":2,\"startTimeUnixNano\":\"1764072000000000000\","
                            + "\"endTimeUnixNano\":\"1764072000250000000\",\"status\":{\"code\":2,\"message\":\"boom\"},"
                            + "\"attributes\":[{\"key\":\"http.route\",\"value\":{\"stringValue\":\"/x\"}}]}");
        }
        return s.append("]}]}]}").toString();
    }

    /** The {@code error} of an error tool result (its text content is the JSON body). */
    private static String errorOf(Reply reply) throws IOException {
        assertThat(reply.result().path("isError").asBoolean()).as(reply.toString()).isTrue();
        return McpHttp.JSON.readTree(reply.result().path("content").get(0).path("text").asText()).path("error")
                .asText();
    }

    private String websiteMonitor(McpHttp as, URI url) {
        Reply created = as.callTool("create_monitor", Map.of("type", "website", "name", "shop", "url", url.toString()));
        return created.structured().path("monitor").path("id").asText();
    }

    @Test
    void aRealOpenTelemetryExporterJoinsTheWebsiteChecksTrace() throws Exception {
        try (InstrumentedApp app = new InstrumentedApp(traces(), key)) {
            String monitorId = websiteMonitor(client, app.url("/shop"));
            JsonNode check = client.callTool("check_now", Map.of("monitorId", monitorId)).structured().path("result");
            app.flush();

            assertThat(check.path("status").asText()).isEqualTo("up");
            String traceId = check.path("traceId").asText();
            assertThat(traceId).matches("[0-9a-f]{32}");
            // What the app received is what the check sent: version 00, our trace id, a span id, sampled.
            String traceparent = app.traceparents.get(0);
            assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
            String checkSpanId = traceparent.split("-")[2];

            JsonNode detail = client.callTool("get_trace_detail", Map.of("traceId", traceId)).structured();
            assertThat(detail.path("monitorId").asText()).isEqualTo(monitorId);
            assertThat(detail.path("checkId").asText()).isEqualTo(check.path("id").asText());
            assertThat(detail.path("spanCount").asInt()).isEqualTo(2);
            assertThat(detail.path("truncated").asBoolean()).isFalse();
            JsonNode serverSpan = detail.path("spans").get(0);
            JsonNode dbSpan = detail.path("spans").get(1);
            assertThat(serverSpan.path("name").asText()).isEqualTo("GET /shop");
            assertThat(serverSpan.path("kind").asText()).isEqualTo("SERVER");
            assertThat(serverSpan.path("service").asText()).isEqualTo(InstrumentedApp.SERVICE);
            assertThat(serverSpan.path("parentSpanId").asText()).as("the app's span is the check's child")
                    .isEqualTo(checkSpanId);
            assertThat(serverSpan.path("attributes").path("http.response.status_code").asLong()).isEqualTo(200);
            assertThat(dbSpan.path("name").asText()).isEqualTo("db.query");
            assertThat(dbSpan.path("kind").asText()).isEqualTo("INTERNAL");
            assertThat(dbSpan.path("parentSpanId").asText()).isEqualTo(serverSpan.path("spanId").asText());
            assertThat(dbSpan.path("attributes").path("db.system").asText()).isEqualTo("postgresql");
            assertThat(dbSpan.path("attributes").path("db.rows").asLong()).isEqualTo(3);
            String statement = dbSpan.path("attributes").path("db.statement").asText();
            assertThat(statement).startsWith(InstrumentedApp.LONG_STATEMENT.substring(0, 256))
                    .endsWith("…[truncated " + (InstrumentedApp.LONG_STATEMENT.length() - 256) + " chars]");
            assertThat(dbSpan.path("events").get(0).path("name").asText()).isEqualTo("rows.fetched");
            assertThat(dbSpan.path("events").get(0).path("attributes").path("count").asLong()).isEqualTo(3);
            assertThat(dbSpan.path("durationMs").asLong()).isGreaterThanOrEqualTo(0);

            JsonNode list = client.callTool("get_monitor_traces", Map.of("monitorId", monitorId)).structured();
            assertThat(list.path("traces")).hasSize(1);
            JsonNode trace = list.path("traces").get(0);
            assertThat(trace.path("traceId").asText()).isEqualTo(traceId);
            assertThat(trace.path("service").asText()).isEqualTo(InstrumentedApp.SERVICE);
            assertThat(trace.path("operation").asText()).isEqualTo("GET /shop");
            assertThat(trace.path("spanCount").asInt()).isEqualTo(2);
            assertThat(trace.path("error").asBoolean()).isFalse();
            assertThat(trace.path("checkId").asText()).isEqualTo(check.path("id").asText());

            JsonNode results = client.callTool("get_check_results", Map.of("monitorId", monitorId)).structured();
            assertThat(results.path("results").get(0).path("traceId").asText()).isEqualTo(traceId);
        }
    }

    @Test
    void anErrorSpanMarksTheTraceAndErrorsOnlyFiltersByIt() throws Exception {
        try (InstrumentedApp app = new InstrumentedApp(traces(), key)) {
            String ok = websiteMonitor(client, app.url("/shop"));
            client.callTool("check_now", Map.of("monitorId", ok));
            String broken = websiteMonitor(client, app.url("/broken"));
            client.callTool("check_now", Map.of("monitorId", broken));
            app.flush();

            JsonNode okErrors = client.callTool("get_monitor_traces", Map.of("monitorId", ok, "errorsOnly", true))
                    .structured();
            assertThat(okErrors.path("traces")).isEmpty();
            assertThat(okErrors.path("note").asText()).contains("No traces with errors");
            JsonNode brokenErrors = client.callTool("get_monitor_traces",
                    Map.of("monitorId", broken, "errorsOnly", true)).structured();
            assertThat(brokenErrors.path("traces")).hasSize(1);
            assertThat(brokenErrors.path("traces").get(0).path("error").asBoolean()).isTrue();
        }
    }

    @Test
    void withoutAnApiKeyTheReceiverAnswers401() throws Exception {
        HttpResponse<String> none = postJson(null, otlp("svc", null));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).path("error").asText()).contains("X-Api-Key");
        HttpResponse<String> wrong = postJson("enori_wrong", otlp("svc", null));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).path("error").asText()).startsWith("Invalid API key");
    }

    @Test
    void aReadOnlyKeyMayNotSendSpans() throws Exception {
        String readOnly = core.apiKeys().create("acme", EnumSet.of(Scope.MONITORS_READ), "dash").plaintext();
        HttpResponse<String> response = postJson(readOnly, otlp("svc", null,
                new String[] {TRACE_A, "00f067aa0ba902b7", "", "GET /"}));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("error").asText()).contains("monitors:write");
    }

    @Test
    void protobufIsRefusedWith415SayingJsonIsAccepted() throws Exception {
        HttpResponse<String> response = post(key, "application/x-protobuf", new byte[] {0x0a, 0x00});
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(json(response).path("error").asText()).contains("application/json").contains("http/json");
        assertThat(json(response).path("code").asInt()).isEqualTo(3);
    }

    @Test
    void brokenJsonAndWrongShapesAre400() throws Exception {
        HttpResponse<String> broken = postJson(key, "{\"resourceSpans\": [");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(json(broken).path("error").asText()).contains("not valid JSON");
        HttpResponse<String> shape = postJson(key, "{\"resourceSpans\": {}}");
        assertThat(shape.statusCode()).isEqualTo(400);
        assertThat(json(shape).path("error").asText()).contains("resourceSpans must be an array");
    }

    @Test
    void tooManySpansIs413NamingTheLimit() throws Exception {
        String[][] spans = new String[1001][];
        for (int i = 0; i < spans.length; i++) {
            spans[i] = new String[] {TRACE_A, String.format("%016x", i + 1), "", "s"};
        }
        HttpResponse<String> response = postJson(key, otlp("svc", null, spans));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("error").asText()).contains("1001").contains("at most 1000");
    }

    @Test
    void aBodyOverTheCapIs413AlsoWhenGzipped() throws Exception {
        byte[] big = ("{\"resourceSpans\":[],\"pad\":\"" + "x".repeat(HttpSettings.DEFAULT_MAX_REQUEST_BYTES) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        try {
            assertThat(post(key, "application/json", big).statusCode()).isEqualTo(413);
        } catch (IOException closedWhileUploading) {
            // The server answers 413 and closes without reading the rest (it neither buffers nor waits for an
            // oversized body); java.net.http, still uploading, may see the close before the answer.
            assertThat(closedWhileUploading).isNotNull();
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(big);
        }
        HttpResponse<String> bomb = post(key, "application/json", zipped.toByteArray(), "Content-Encoding", "gzip");
        assertThat(bomb.statusCode()).isEqualTo(413);
        assertThat(json(bomb).path("error").asText()).contains("too large");
    }

    @Test
    void goodSpansAreKeptAndBadOnesReportedAsPartialSuccess() throws Exception {
        HttpResponse<String> response = postJson(key, otlp("svc", null,
                new String[] {TRACE_A, "00f067aa0ba902b7", "", "GET /"},
                new String[] {"not-hex", "00f067aa0ba902b8", "", "bad"}));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode partial = json(response).path("partialSuccess");
        assertThat(partial.path("rejectedSpans").asInt()).isEqualTo(1);
        assertThat(partial.path("errorMessage").asText()).contains("traceId").contains("hex");

        HttpResponse<String> clean = postJson(key, otlp("svc", null,
                new String[] {TRACE_A, "00f067aa0ba902b9", "00f067aa0ba902b7", "child"}));
        assertThat(clean.statusCode()).isEqualTo(200);
        assertThat(clean.body()).isEqualTo("{}");
        JsonNode detail = client.callTool("get_trace_detail", Map.of("traceId", TRACE_A.toUpperCase())).structured();
        assertThat(detail.path("spanCount").asInt()).isEqualTo(2);
        assertThat(detail.path("spans").get(0).path("status").asText()).isEqualTo("ERROR: boom");
    }

    @Test
    void anotherAccountCanNeitherSeeNorLinkToThisAccountsTraces() throws Exception {
        try (InstrumentedApp app = new InstrumentedApp(traces(), key)) {
            String monitorId = websiteMonitor(client, app.url("/shop"));
            String traceId = client.callTool("check_now", Map.of("monitorId", monitorId)).structured()
                    .path("result").path("traceId").asText();
            app.flush();

            String otherKey = HttpTestSupport.allScopesKey(core, "globex");
            McpHttp other = McpHttp.to(server.mcpUrl(), otherKey);
            other.initialize();
            Reply hidden = other.callTool("get_trace_detail", Map.of("traceId", traceId));
            assertThat(hidden.result().path("isError").asBoolean()).isTrue();
            assertThat(errorOf(hidden)).isEqualTo("Trace not found");
            Reply foreignMonitor = other.callTool("get_monitor_traces", Map.of("monitorId", monitorId));
            assertThat(errorOf(foreignMonitor)).isEqualTo("Monitor not found");

            // Spans sent with the other key under the same trace id, even naming acme's monitor, stay globex's.
            assertThat(postJson(otherKey, otlp("intruder", monitorId,
                    new String[] {traceId, "00f067aa0ba902b7", "", "intrude"})).statusCode()).isEqualTo(200);
            JsonNode theirs = other.callTool("get_trace_detail", Map.of("traceId", traceId)).structured();
            assertThat(theirs.path("spanCount").asInt()).isEqualTo(1);
            assertThat(theirs.path("monitorId").isNull()).isTrue();
            assertThat(theirs.path("checkId").isNull()).isTrue();
            JsonNode ours = client.callTool("get_trace_detail", Map.of("traceId", traceId)).structured();
            assertThat(ours.path("spanCount").asInt()).isEqualTo(2);
            assertThat(ours.path("spans").findValuesAsText("service")).doesNotContain("intruder");
            assertNoLeaks(other.bodies());
        }
    }
}
