package io.enori.mcp.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;

/**
 * Looks at one raw JSON-RPC message before the MCP SDK does, for every transport. The SDK answers some malformed
 * messages badly: over HTTP a non-object {@code params} became a 500 carrying Jackson class names, and over stdio
 * any line it cannot deserialize ends the session (its reader loop stops). Messages refused here get a plain
 * JSON-RPC error naming what is wrong, and the connection goes on.
 */
public final class JsonRpcScreen {
    /** The default cap on one message, the same for an HTTP body and a stdio line. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int INVALID_PARAMS = -32602;
    /** Deeper than any MCP message needs; Jackson's own default (1000) is above what some callers can handle. */
    private static final int MAX_NESTING = 200;
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build()).build())
            .build();

    private JsonRpcScreen() {
    }

    /** What became of a message: passed on to the SDK, or refused with a JSON-RPC error. */
    public sealed interface Verdict {
        /** The message, parsed. */
        record Accepted(JsonNode message) implements Verdict {
        }

        /** The error to answer with; {@code id} is the request's id when it could be read, else JSON null. */
        record Refused(int code, String reason, JsonNode id) implements Verdict {
            /** The JSON-RPC error response, one line of JSON. */
            public String response() {
                ObjectNode response = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0");
                response.set("id", id);
                response.putObject("error").put("code", code).put("message", reason);
                return response.toString();
            }
        }
    }

    /**
     * Screens one message. JSON-RPC batches (arrays) are refused: MCP dropped them in 2025-06-18 and the SDK cannot
     * read them on any transport.
     */
    public static Verdict screen(byte[] raw) {
        JsonNode message;
        try {
            message = MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            return refused(PARSE_ERROR, e.getOriginalMessage() != null && e.getOriginalMessage().contains("depth")
                    ? "Parse error: nested deeper than " + MAX_NESTING + " levels"
                    : "Parse error: the message is not valid JSON", null);
        } catch (java.io.IOException e) {
            return refused(PARSE_ERROR, "Parse error: the message is not valid JSON", null);
        }
        if (message == null || message.isMissingNode()) {
            return refused(PARSE_ERROR, "Parse error: the message is empty", null);
        }
        if (message.isArray()) {
            return refused(INVALID_REQUEST, "Invalid Request: batches are not supported; send one JSON-RPC message "
                    + "at a time", null);
        }
        Verdict.Refused refused = problemWith(message);
        return refused != null ? refused : new Verdict.Accepted(message);
    }

    /** Why a message is refused, or null when it may pass. */
    private static Verdict.Refused problemWith(JsonNode message) {
        if (!message.isObject()) {
            return refused(INVALID_REQUEST, "Invalid Request: a message must be a JSON object", null);
        }
        JsonNode id = message.path("id");
        JsonNode echoedId = id.isTextual() || id.isIntegralNumber() ? id : null;
        JsonNode params = message.path("params");
        if (!params.isMissingNode() && !params.isNull() && !params.isObject()) {
            return refused(INVALID_PARAMS, "Invalid params: params must be an object", echoedId);
        }
        if ("tools/call".equals(message.path("method").asText())) {
            JsonNode arguments = params.path("arguments");
            if (!params.path("name").isTextual()
                    || !(arguments.isMissingNode() || arguments.isNull() || arguments.isObject())) {
                return refused(INVALID_PARAMS, "Invalid params: tools/call needs params.name (a string) and "
                        + "params.arguments (an object)", echoedId);
            }
        }
        try {
            // The SDK's own reading of the message: whatever it cannot read is refused here, not by ending a session.
            McpSchema.deserializeJsonRpcMessage(McpJsonDefaults.getMapper(), message.toString());
        } catch (Exception e) {
            return refused(INVALID_REQUEST, "Invalid Request: expected a JSON-RPC 2.0 request (method and id), "
                    + "notification (method) or response (id with result or error)", echoedId);
        }
        return null;
    }

    /** The answer to a message over the size cap, which is dropped unread rather than screened. */
    public static Verdict.Refused tooLong(int maxBytes) {
        return refused(INVALID_REQUEST, "Invalid Request: a message is limited to " + maxBytes + " bytes", null);
    }

    private static Verdict.Refused refused(int code, String reason, JsonNode id) {
        return new Verdict.Refused(code, reason, id == null ? JsonNodeFactory.instance.nullNode() : id);
    }

    /** For logs: the start of a refused message, never the whole of a huge one. */
    public static String preview(byte[] raw) {
        String text = new String(raw, 0, Math.min(raw.length, 120), StandardCharsets.UTF_8);
        return raw.length > 120 ? text + "…" : text;
    }
}
