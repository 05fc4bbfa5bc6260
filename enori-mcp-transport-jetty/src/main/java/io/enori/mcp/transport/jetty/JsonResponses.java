package io.enori.mcp.transport.jetty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.enori.mcp.core.JsonRpcScreen;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the transport's own answers (401, 403, 413, 429, parse errors) as small JSON bodies. */
final class JsonResponses {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonResponses() {
    }

    static void write(HttpServletResponse response, int status, Map<String, ?> body) throws IOException {
        write(response, status, MAPPER.writeValueAsBytes(body));
    }

    /** A message the gateway refused, answered with its JSON-RPC error (echoing the request's id when known). */
    static void refused(HttpServletResponse response, JsonRpcScreen.Verdict.Refused refused) throws IOException {
        write(response, 400, refused.response().getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpServletResponse response, int status, byte[] bytes) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** {@code {"error": message, ...details}} in the shape tool errors use. */
    static void error(HttpServletResponse response, int status, String message, Object... details) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        for (int i = 0; i + 1 < details.length; i += 2) {
            body.put((String) details[i], details[i + 1]);
        }
        write(response, status, body);
    }

    /** A JSON-RPC error without an id, for bodies we could not even parse. */
    static void jsonRpcError(HttpServletResponse response, int status, int code, String message) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", null);
        body.put("error", error);
        write(response, status, body);
    }
}
