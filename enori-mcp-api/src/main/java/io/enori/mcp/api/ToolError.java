package io.enori.mcp.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Why a tool could not do what was asked, in words a model can act on. Rendered as
 * {@code {"error": message, ...details}} in an {@code isError} tool result.
 */
public record ToolError(String message, Map<String, Object> details) {

    public static final String INSUFFICIENT_SCOPE = "Insufficient scope";
    public static final String RATE_LIMIT_EXCEEDED = "Rate limit exceeded";
    public static final String PLAN_LIMIT_REACHED = "Plan limit reached";
    public static final String MONITOR_NOT_FOUND = "Monitor not found";
    /** Also when the SLO exists but belongs to another monitor than the one named in the same call. */
    public static final String SLO_NOT_FOUND = "SLO not found";
    public static final String STATUS_PAGE_NOT_FOUND = "Status page not found";
    /** Also when the trace exists but is not linked to the monitor named in the same call. */
    public static final String TRACE_NOT_FOUND = "Trace not found";
    public static final String INVALID_ARGUMENT = "Invalid argument";

    public ToolError {
        Objects.requireNonNull(message, "message");
        details = details == null ? Map.of() : Map.copyOf(details);
        if (details.containsKey("error")) {
            throw new IllegalArgumentException("'error' is reserved for the message");
        }
    }

    public static ToolError of(String message) {
        return new ToolError(message, Map.of());
    }

    /** An entity that does not exist in the caller's account (or exists in another one). */
    public static ToolError notFound(String message, String idField, String id) {
        return new ToolError(message, id == null ? Map.of() : Map.of(idField, id));
    }

    /** {@code Invalid argument: <field> <problem>}; the problem states the allowed values. */
    public static ToolError invalidArgument(String field, String problem) {
        return new ToolError(INVALID_ARGUMENT + ": " + field + " " + problem, Map.of("field", field));
    }

    public static ToolError insufficientScope(Scope required) {
        return new ToolError(INSUFFICIENT_SCOPE, Map.of("requiredScope", required.wireName(),
                "hint", "This API key lacks " + required.wireName() + "; create a key with that scope."));
    }

    public static ToolError planLimit(String cap, int limit, String planName) {
        return new ToolError(PLAN_LIMIT_REACHED, Map.of("cap", cap, "limit", limit, "plan", planName,
                "hint", "Delete an existing one or move to a larger plan."));
    }

    public static ToolError rateLimited(long retryAfterSeconds, int limit, int remaining) {
        return new ToolError(RATE_LIMIT_EXCEEDED, Map.of("retryAfterSeconds", retryAfterSeconds, "limit", limit,
                "remaining", remaining));
    }

    public static ToolError unauthenticated(String problem) {
        return new ToolError("Authentication failed: " + problem, Map.of());
    }

    /** The JSON body: {@code error} first, then the details. */
    public Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.putAll(details);
        return body;
    }
}
