package io.enori.mcp.transport.jetty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw MCP-over-HTTP client on {@link HttpClient}: it speaks the wire (JSON-RPC in, SSE-framed or plain JSON
 * out) so tests see exactly what any client would, status codes and headers included. Every body it receives is
 * kept in {@link #bodies()} so a test can assert that none leaks a stack trace.
 */
final class McpHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROTOCOL_VERSION = "2025-06-18";
    static final String ACCEPT = "application/json, text/event-stream";
    static final HttpClient CLIENT = newHttpClient();

    private static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private final HttpClient http;
    private final URI endpoint;
    private final Map<String, String> headers;
    private final Queue<String> bodies;
    private final AtomicInteger ids;
    private volatile String sessionId;

    private McpHttp(HttpClient http, URI endpoint, Map<String, String> headers, Queue<String> bodies,
                    AtomicInteger ids, String sessionId) {
        this.http = http;
        this.endpoint = endpoint;
        this.headers = headers;
        this.bodies = bodies;
        this.ids = ids;
        this.sessionId = sessionId;
    }

    /** A client for {@code endpoint} sending {@code apiKey} (null: no key header). */
    static McpHttp to(URI endpoint, String apiKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (apiKey != null) {
            headers.put("X-Api-Key", apiKey);
        }
        return new McpHttp(CLIENT, endpoint, headers, new ConcurrentLinkedQueue<>(), new AtomicInteger(), null);
    }

    /** The same client (same transcript, no session) with one more header; a null value removes the header. */
    McpHttp withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new McpHttp(http, endpoint, copy, bodies, ids, null);
    }

    /** The same client against another endpoint (e.g. the legacy SSE message URL). */
    McpHttp at(URI other) {
        return new McpHttp(http, other, headers, bodies, ids, null);
    }

    /** The same client (same transcript, no session) on its own connections, none reused from earlier requests. */
    McpHttp onNewConnections() {
        return new McpHttp(newHttpClient(), endpoint, headers, bodies, ids, null);
    }

    URI endpoint() {
        return endpoint;
    }

    String sessionId() {
        return sessionId;
    }

    McpHttp sessionId(String id) {
        this.sessionId = id;
        return this;
    }

    /** Every response body this client (and the clients derived from it) received. */
    List<String> bodies() {
        return new ArrayList<>(bodies);
    }

    /** initialize, keep the session id it issues, then notifications/initialized. Returns the initialize reply. */
    Reply initialize() {
        ObjectNode params = JSON.createObjectNode();
        params.put("protocolVersion", PROTOCOL_VERSION);
        params.putObject("capabilities");
        params.putObject("clientInfo").put("name", "enori-http-it").put("version", "1.0");
        Reply reply = request("initialize", params);
        if (reply.status() == 200) {
            reply.header("Mcp-Session-Id").ifPresent(id -> sessionId = id);
            Reply initialized = notification("notifications/initialized");
            if (initialized.status() / 100 != 2) {
                throw new AssertionError("notifications/initialized answered " + initialized);
            }
        }
        return reply;
    }

    Reply request(String method, Object params) {
        return post(message(method, params, ids.incrementAndGet()));
    }

    Reply notification(String method) {
        ObjectNode node = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
        return post(node.toString());
    }

    Reply callTool(String name, Map<String, ?> arguments) {
        return request("tools/call", Map.of("name", name, "arguments", arguments));
    }

    Reply listMonitors() {
        return callTool("list_monitors", Map.of());
    }

    static String message(String method, Object params, int id) {
        ObjectNode node = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        if (params != null) {
            node.set("params", JSON.valueToTree(params));
        }
        return node.toString();
    }

    Reply post(String body) {
        return send(post().POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A POST builder with this client's headers, JSON content type, the Accept MCP requires and the session. */
    HttpRequest.Builder post() {
        HttpRequest.Builder builder = builder().header("Content-Type", "application/json").header("Accept", ACCEPT);
        return builder;
    }

    /** A request builder with this client's headers and session, no method set. */
    HttpRequest.Builder builder() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20));
        headers.forEach(builder::header);
        if (sessionId != null) {
            builder.header("Mcp-Session-Id", sessionId);
            builder.header("MCP-Protocol-Version", PROTOCOL_VERSION);
        }
        return builder;
    }

    Reply delete() {
        return send(builder().DELETE().build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            bodies.add(response.body());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer. */
    record Reply(int status, HttpHeaders headers, String body) {

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The body as plain JSON (error answers of the gateway and of the error handler). */
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        /**
         * The JSON-RPC response in the body: the body itself when it is plain JSON, else the last SSE
         * {@code data:} event that carries an {@code id} (server-to-client notifications come before it).
         */
        JsonNode message() {
            String trimmed = body.strip();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                return json();
            }
            JsonNode found = null;
            for (String data : sseData(body)) {
                try {
                    JsonNode node = JSON.readTree(data);
                    if (node.hasNonNull("id") || found == null) {
                        found = node;
                    }
                } catch (IOException e) {
                    throw new AssertionError("SSE data is not JSON: " + data, e);
                }
            }
            if (found == null) {
                throw new AssertionError("no JSON-RPC message in " + this);
            }
            return found;
        }

        /** The {@code result} of a successful JSON-RPC response (fails on a JSON-RPC error). */
        JsonNode result() {
            JsonNode message = message();
            if (!message.has("result")) {
                throw new AssertionError("expected a result, got " + this);
            }
            return message.get("result");
        }

        /** The structured content of a successful (non-error) tool result. */
        JsonNode structured() {
            JsonNode result = result();
            if (result.path("isError").asBoolean(false)) {
                throw new AssertionError("tool answered an error result: " + result);
            }
            return result.get("structuredContent");
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + headers.map() + "\n" + body;
        }
    }

    /** The data of each SSE event in a (complete) SSE body, multi-line data joined with newlines. */
    static List<String> sseData(String body) {
        List<String> events = new ArrayList<>();
        StringBuilder data = null;
        for (String line : body.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(data.toString());
                    data = null;
                }
            } else if (line.startsWith("data:")) {
                String value = line.substring(5);
                value = value.startsWith(" ") ? value.substring(1) : value;
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        if (data != null) {
            events.add(data.toString());
        }
        return events;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
