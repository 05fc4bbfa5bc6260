package io.enori.mcp.core.admin;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.Tool;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.ToolDescriptor;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.tool.ToolFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An admin tool: group {@code admin}, a hand-written compact schema, and every call written to the audit log
 * (whatever the outcome) before the answer goes back.
 */
public abstract class AdminTool implements Tool {
    /** A handler: the caller and the arguments as sent. */
    @FunctionalInterface
    public interface Handler {
        ToolOutcome handle(Caller caller, Map<String, Object> args);
    }

    private final ToolDescriptor descriptor;
    private final AdminAudit audit;

    protected AdminTool(String name, String title, String description, boolean readOnly,
                        Map<String, Object> inputSchema, AdminAudit audit) {
        this.descriptor = new ToolDescriptor(name, title, description, "admin",
                readOnly ? Scope.MONITORS_READ : Scope.MONITORS_WRITE, inputSchema, Map.of("type", "object"),
                readOnly ? ToolAnnotations.READ : new ToolAnnotations(false, true, false, false));
        this.audit = audit;
    }

    @Override
    public final ToolDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final ToolOutcome call(Caller caller, Map<String, Object> arguments) {
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        ToolOutcome outcome;
        try {
            outcome = run(caller, args);
        } catch (ToolFailure failure) {
            outcome = ToolOutcome.failed(failure.error());
        } catch (IllegalArgumentException e) {
            outcome = ToolOutcome.failed(ToolError.of(ToolError.INVALID_ARGUMENT + ": " + e.getMessage()));
        }
        audit.record(caller, descriptor.name(), args, outcome);
        return outcome;
    }

    protected abstract ToolOutcome run(Caller caller, Map<String, Object> args);

    // --- schema helpers ---

    static Map<String, Object> schema(Map<String, Object> properties, List<String> required, boolean open) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        s.put("properties", properties);
        if (!required.isEmpty()) {
            s.put("required", required);
        }
        s.put("additionalProperties", open);
        return s;
    }

    static Map<String, Object> prop(String type, String description) {
        return Map.of("type", type, "description", description);
    }

    static Map<String, Object> enumProp(List<String> values, String description) {
        return Map.of("type", "string", "enum", values, "description", description);
    }

    static String string(Map<String, Object> args, String name) {
        Object v = args.get(name);
        return v == null ? null : String.valueOf(v);
    }

    static String required(Map<String, Object> args, String name) {
        String v = string(args, name);
        if (v == null || v.isBlank()) {
            throw new ToolFailure(ToolError.invalidArgument(name, "is required"));
        }
        return v;
    }

    static int intArg(Map<String, Object> args, String name, int fallback, int min, int max) {
        Object v = args.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = v instanceof Number num ? num.intValue() : Integer.parseInt(String.valueOf(v).strip());
            if (n < min || n > max) {
                throw new ToolFailure(ToolError.invalidArgument(name, "must be " + min + "-" + max));
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ToolFailure(ToolError.invalidArgument(name, "must be a whole number"));
        }
    }
}
