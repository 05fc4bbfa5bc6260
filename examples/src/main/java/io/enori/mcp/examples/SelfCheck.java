package io.enori.mcp.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * What {@link JettyHostExample}{@code --once} saw when it called itself over HTTP, the way a load balancer
 * (on {@code /health}) and Claude Code (on {@code /mcp}) would.
 *
 * @param listMonitors        the {@code list_monitors} result's structured content
 * @param mcpStatusWithoutKey the HTTP status of an {@code initialize} sent without {@code X-Api-Key}
 */
public record SelfCheck(String baseUrl, String monitorId, int healthStatus, String healthJson, String mcpSessionId,
                        JsonNode listMonitors, int mcpStatusWithoutKey) {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
             "capabilities":{},"clientInfo":{"name":"enori-example-self-check","version":"1"}}}""";

    /** Everything answered as it should: the host's own endpoint, MCP with the key, and no MCP without it. */
    public boolean passed() {
        return healthStatus == 200 && mcpSessionId != null && mcpStatusWithoutKey == 401
                && listMonitors.path("monitors").findValuesAsText("id").contains(monitorId);
    }

    /** Calls {@code /health} with no key, then MCP's initialize and {@code list_monitors} with {@code apiKey}. */
    static SelfCheck run(String baseUrl, String apiKey, String monitorId) throws IOException, InterruptedException {
        HttpResponse<String> health = CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        String mcpUrl = baseUrl + "/mcp";
        String session = post(mcpUrl, apiKey, null, INITIALIZE).headers().firstValue("Mcp-Session-Id").orElse(null);
        post(mcpUrl, apiKey, session, """
                {"jsonrpc":"2.0","method":"notifications/initialized"}""");
        HttpResponse<String> listed = post(mcpUrl, apiKey, session, """
                {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"list_monitors","arguments":{}}}""");
        int withoutKey = post(mcpUrl, null, null, INITIALIZE).statusCode();
        return new SelfCheck(baseUrl, monitorId, health.statusCode(), health.body(), session,
                jsonRpcMessage(listed).path("result").path("structuredContent"), withoutKey);
    }

    String summary() {
        return "GET /health -> " + healthStatus + " " + healthJson
                + "\nPOST /mcp initialize -> session " + mcpSessionId
                + "\ntools/call list_monitors -> " + listMonitors.path("monitors")
                + "\nPOST /mcp without X-Api-Key -> " + mcpStatusWithoutKey
                + "\nSelf-check " + (passed() ? "passed" : "FAILED");
    }

    private static HttpResponse<String> post(String url, String apiKey, String session, String body)
            throws IOException, InterruptedException {
        // Streamable HTTP: a client must accept both a plain JSON answer and an SSE stream.
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON-RPC answer, whether sent as plain JSON or as the last {@code data:} event of an SSE stream. */
    private static JsonNode jsonRpcMessage(HttpResponse<String> response) throws IOException {
        String json = response.body().lines().filter(line -> line.startsWith("data:"))
                .reduce((first, last) -> last).map(line -> line.substring(5).trim()).orElse(response.body());
        return DemoSeed.JSON.readTree(json);
    }
}
