package io.enori.mcp.benchmarks;

import static io.enori.mcp.benchmarks.LoadGenerator.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enori.mcp.benchmarks.LoadGenerator.Errors;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** One MCP session of one client: initialize, initialized, tools/call..., DELETE (if the target keeps sessions). */
final class McpSession {
    private static final String ACCEPT = "application/json, text/event-stream";
    private static final String PROTOCOL_VERSION = "2025-06-18";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final Target target;
    private final int client;
    private final String sessionId;
    private final String protocolVersion;

    private McpSession(HttpClient http, Target target, int client, String sessionId, String protocolVersion) {
        this.http = http;
        this.target = target;
        this.client = client;
        this.sessionId = sessionId;
        this.protocolVersion = protocolVersion;
    }

    static McpSession open(HttpClient http, Target target, int client, Errors errors) {
        URI url = target.mcpUrl(client);
        try {
            ObjectNode init = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 0).put("method", "initialize");
            ObjectNode params = init.putObject("params").put("protocolVersion", PROTOCOL_VERSION);
            params.putObject("capabilities");
            params.putObject("clientInfo").put("name", "enori-load-harness").put("version", "1");
            HttpResponse<String> response = http.send(post(url, target.headers(client), null, null, init),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                errors.add("initialize: HTTP " + response.statusCode());
                return null;
            }
            String sessionId = response.headers().firstValue("Mcp-Session-Id").orElse(null);
            JsonNode answer = parseAnswer(response.body());
            if ((target.sessions() && sessionId == null) || answer == null || !answer.has("result")) {
                errors.add("initialize: no session or result");
                return null;
            }
            String version = answer.path("result").path("protocolVersion").asText(PROTOCOL_VERSION);
            ObjectNode initialized = JSON.createObjectNode().put("jsonrpc", "2.0")
                    .put("method", "notifications/initialized");
            HttpResponse<String> ack = http.send(post(url, target.headers(client), sessionId, version, initialized),
                    HttpResponse.BodyHandlers.ofString());
            if (ack.statusCode() != 202) {
                errors.add("notifications/initialized: HTTP " + ack.statusCode());
                return null;
            }
            return new McpSession(http, target, client, sessionId, version);
        } catch (IOException e) {
            errors.add("initialize: " + describe(e));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** One tools/call; true when it succeeded with the expected result, else the failure is counted. */
    boolean call(long id, ObjectNode params, Errors errors) throws InterruptedException {
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", "tools/call");
        request.set("params", params);
        HttpResponse<String> response;
        try {
            response = http.send(post(target.callUrl(client, id), target.headers(client), sessionId,
                    protocolVersion, request), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            errors.add(describe(e));
            return false;
        }
        if (response.statusCode() != 200) {
            errors.add("HTTP " + response.statusCode());
            return false;
        }
        JsonNode answer = parseAnswer(response.body());
        if (answer == null) {
            errors.add("unparseable answer");
            return false;
        }
        if (answer.has("error")) {
            errors.add("JSON-RPC error " + answer.path("error").path("code").asInt());
            return false;
        }
        if (answer.path("id").asLong(-1) != id) {
            errors.add("answer to another id");
            return false;
        }
        JsonNode result = answer.path("result");
        if (result.path("isError").asBoolean(false)) {
            errors.add("isError result: " + result.path("structuredContent").path("error").asText("?"));
            return false;
        }
        String problem = target.checkResult(result, params);
        if (problem != null) {
            errors.add(problem);
            return false;
        }
        return true;
    }

    void close(Errors errors) {
        if (!target.sessions()) {
            return;
        }
        HttpRequest.Builder delete = HttpRequest.newBuilder(target.mcpUrl(client)).timeout(REQUEST_TIMEOUT).DELETE()
                .header("Mcp-Session-Id", sessionId).header("MCP-Protocol-Version", protocolVersion);
        target.headers(client).forEach(delete::header);
        try {
            int status = http.send(delete.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200 && status != 204) {
                errors.add("DELETE: HTTP " + status);
            }
        } catch (IOException e) {
            errors.add("DELETE: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An exception as an error kind: class and a short message. */
    static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ");
        return "exception: " + e.getClass().getSimpleName()
                + (message.length() > 80 ? message.substring(0, 80) + "..." : message);
    }

    private static HttpRequest post(URI url, Map<String, String> headers, String sessionId, String protocolVersion,
                                    JsonNode body) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (sessionId != null) {
            builder.header("Mcp-Session-Id", sessionId);
        }
        if (protocolVersion != null) {
            builder.header("MCP-Protocol-Version", protocolVersion);
        }
        headers.forEach(builder::header);
        return builder.build();
    }

    /**
     * The JSON-RPC message in an answer: SSE-framed ({@code data:} lines of the first event; multi-line data is
     * joined with newlines) or a plain JSON body. Null when neither parses.
     */
    static JsonNode parseAnswer(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String trimmed = body.stripLeading();
        try {
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                return JSON.readTree(trimmed);
            }
            StringBuilder data = new StringBuilder();
            for (String line : body.split("\r\n|\r|\n", -1)) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        break; // end of the first event that carried data
                    }
                    continue;
                }
                if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    String value = line.substring(5);
                    data.append(value.startsWith(" ") ? value.substring(1) : value);
                }
            }
            return data.length() == 0 ? null : JSON.readTree(data.toString());
        } catch (IOException e) {
            return null;
        }
    }
}
