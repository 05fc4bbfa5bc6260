package io.enori.mcp.core.admin;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.Tool;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.api.ToolOutcome;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code manage_*} tool: an {@code action} and an {@code accountId}, the rest of the arguments handed on
 * unchanged. Actions delegate to the public tools (called as the target account with every scope, so their
 * validation and messages are the same) or to the core facades the host API uses.
 */
final class ManageTool extends AdminTool {
    static final List<String> ACTIONS = List.of("list", "get", "create", "update", "delete");

    private final String entity;
    private final Map<String, Handler> actions;

    ManageTool(String name, String entity, String description, Map<String, Handler> actions, AdminAudit audit) {
        super(name, "Manage " + entity, description, false, schema(props(), List.of("action"), true), audit);
        this.entity = entity;
        this.actions = actions;
    }

    private static Map<String, Object> props() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("action", enumProp(ACTIONS, "What to do."));
        p.put("accountId", prop("string", "Target account (acc_…); required except for accounts."));
        return p;
    }

    @Override
    protected ToolOutcome run(Caller caller, Map<String, Object> args) {
        String action = required(args, "action");
        Handler handler = actions.get(action);
        if (handler == null) {
            return ToolOutcome.failed(ToolError.invalidArgument("action", "'" + action + "' is not available for "
                    + entity + "; use one of " + String.join(", ", actions.keySet())));
        }
        Map<String, Object> rest = new LinkedHashMap<>(args);
        rest.remove("action");
        return handler.handle(caller, rest);
    }

    /** Runs a public tool as the account named by {@code accountId}, with every scope. */
    static Handler delegate(Tool tool) {
        return (caller, args) -> {
            Map<String, Object> rest = new LinkedHashMap<>(args);
            String accountId = required(rest, "accountId");
            rest.remove("accountId");
            return tool.call(asAccount(accountId), rest);
        };
    }

    static Caller asAccount(String accountId) {
        return Caller.apiKey(accountId, "admin", EnumSet.allOf(Scope.class));
    }
}
