package io.enori.mcp.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.tool.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Calling tools in-process the way every tool test does: through the real invoker, reading what clients read. */
public final class ToolCalls {
    private ToolCalls() {
    }

    /** A fresh key of {@code account} (created if missing) with {@code scopes}, as an authenticated caller. */
    public static Caller newKey(EnoriMcp enori, String account, Set<Scope> scopes, String label) {
        Caller caller = enori.apiKeys().authenticate(enori.apiKeys().create(account, scopes, label).plaintext());
        assertThat(caller.isAuthenticated()).as("fresh key authenticates").isTrue();
        return caller;
    }

    /** Calls a tool that must succeed; returns the structured content exactly as a client gets it. */
    public static Map<String, Object> ok(EnoriMcp enori, String tool, Caller caller, Map<String, Object> args) {
        ToolOutcome outcome = enori.call(tool, caller, args);
        if (outcome instanceof ToolOutcome.Failed failed) {
            fail("%s %s should succeed but failed: %s", tool, args, failed.error().toBody());
        }
        return Json.toMap(((ToolOutcome.Ok) outcome).content());
    }

    /** Calls a tool that must fail; returns its error. */
    public static ToolError error(EnoriMcp enori, String tool, Caller caller, Map<String, Object> args) {
        ToolOutcome outcome = enori.call(tool, caller, args);
        if (outcome instanceof ToolOutcome.Ok okay) {
            fail("%s %s should fail but returned: %s", tool, args, Json.toMap(okay.content()));
        }
        return ((ToolOutcome.Failed) outcome).error();
    }

    /** An argument map from key/value pairs; values may be null. */
    public static Map<String, Object> args(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs expected");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }

    public static long longOf(Map<String, Object> map, String key) {
        assertThat(map.get(key)).as(key).isInstanceOf(Number.class);
        return ((Number) map.get(key)).longValue();
    }

    public static double doubleOf(Map<String, Object> map, String key) {
        assertThat(map.get(key)).as(key).isInstanceOf(Number.class);
        return ((Number) map.get(key)).doubleValue();
    }

    /** Asserts an {@code Invalid argument: <field> …} error and returns its message. */
    public static String assertInvalid(ToolError error, String field) {
        assertThat(error.message()).startsWith("Invalid argument: " + field + " ");
        assertThat(error.details()).containsEntry("field", field);
        return error.message();
    }
}
