package io.enori.mcp.core.jobs;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.JobPing;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InvalidArgument;
import io.enori.mcp.core.tool.TimeRange;
import io.enori.mcp.core.tool.ToolFailure;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** How heartbeats look to a client, and the lookup every job tool starts with. */
final class JobViews {
    static final List<String> KINDS = List.of("start", "success", "fail");

    private JobViews() {
    }

    /** One heartbeat. */
    record PingView(String id, String kind, String runId, OffsetDateTime receivedAt, Long durationMs, String message,
                    Map<String, Double> metrics) {
    }

    static PingView ping(JobPing p, TimeRange range) {
        return new PingView(p.id(), p.kind().wireName(), p.runId(), range.local(p.receivedAt()), p.durationMs(),
                p.message(), p.metrics().isEmpty() ? null : p.metrics());
    }

    /**
     * The caller's job monitor: another account's id is "Monitor not found", any other monitor type an invalid
     * argument naming its type.
     */
    static Monitor requireJob(CoreContext context, Caller caller, String monitorId) {
        Monitor monitor = context.storage().monitors().find(caller.accountId(), monitorId)
                .orElseThrow(() -> new ToolFailure(ToolError.notFound(ToolError.MONITOR_NOT_FOUND, "monitorId",
                        monitorId)));
        if (!(monitor.target() instanceof MonitorTarget.Job)) {
            throw new InvalidArgument("monitorId", "is a " + monitor.type().wireName()
                    + " monitor; this tool reads job (heartbeat) monitors only");
        }
        return monitor;
    }
}
