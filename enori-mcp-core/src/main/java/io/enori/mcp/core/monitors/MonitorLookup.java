package io.enori.mcp.core.monitors;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.ToolFailure;

/** Finds a monitor in the caller's account; another account's id is indistinguishable from a missing one. */
final class MonitorLookup {
    private MonitorLookup() {
    }

    static Monitor require(CoreContext context, Caller caller, String monitorId) {
        return context.storage().monitors().find(caller.accountId(), monitorId)
                .orElseThrow(() -> new ToolFailure(ToolError.notFound(ToolError.MONITOR_NOT_FOUND, "monitorId", monitorId)));
    }
}
