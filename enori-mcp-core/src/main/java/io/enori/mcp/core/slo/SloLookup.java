package io.enori.mcp.core.slo;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Slo;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.ToolFailure;
import java.util.Map;

/**
 * Finds monitors and SLOs in the caller's account. Another account's id reads as missing, and an SLO of another
 * monitor than the one named in the same call is {@code SLO not found} too.
 */
final class SloLookup {
    private SloLookup() {
    }

    static Monitor monitor(CoreContext context, Caller caller, String monitorId) {
        return context.storage().monitors().find(caller.accountId(), monitorId)
                .orElseThrow(() -> new ToolFailure(ToolError.notFound(ToolError.MONITOR_NOT_FOUND, "monitorId", monitorId)));
    }

    /** The monitor is checked first, so a foreign monitor id says {@code Monitor not found}. */
    static Slo slo(CoreContext context, Caller caller, String monitorId, String sloId) {
        monitor(context, caller, monitorId);
        return context.storage().slos().find(caller.accountId(), sloId)
                .filter(slo -> slo.monitorId().equals(monitorId))
                .orElseThrow(() -> new ToolFailure(new ToolError(ToolError.SLO_NOT_FOUND,
                        Map.of("sloId", sloId, "monitorId", monitorId,
                                "hint", "list_slos shows the SLOs of this monitor."))));
    }
}
