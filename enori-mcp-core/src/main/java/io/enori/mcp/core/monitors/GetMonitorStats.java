package io.enori.mcp.core.monitors;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.spi.CheckStats;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TimeRange;
import io.enori.mcp.core.tool.TypedTool;
import java.time.OffsetDateTime;

/** get_monitor_stats: uptime, response times and downtime of one monitor over a range. */
public final class GetMonitorStats extends TypedTool<GetMonitorStats.Input, GetMonitorStats.Output> {

    record Input(String monitorId, String since, String until, String tz) {
    }

    record Output(String monitorId, OffsetDateTime since, OffsetDateTime until, String tz, Double uptimePercent,
                  Double avgResponseTimeMs, Double p95ResponseTimeMs, long totalChecks, long failedChecks,
                  double downtimeMinutes, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The monitor.")
            .timeRange()
            .build();

    private final CoreContext context;

    public GetMonitorStats(CoreContext context) {
        super(tool("get_monitor_stats").title("Monitor stats").group("monitors").requires(Scope.MONITORS_READ)
                .annotations(ToolAnnotations.READ)
                .description("Uptime %, average and p95 response time, total and failed checks, and downtime minutes "
                        + "for one monitor over since/until (default last 24 h). uptimePercent is null without checks."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Monitor monitor = MonitorLookup.require(context, caller, in.monitorId());
        TimeRange range = TimeRange.resolve(in.since(), in.until(), in.tz(), context.clock());
        CheckStats stats = context.storage().checkResults().stats(caller.accountId(), monitor.id(), range.since(),
                range.until());
        Double uptime = stats.total() == 0 ? null
                : Math.round((stats.total() - stats.failed()) * 100_000.0 / stats.total()) / 1000.0;
        String note = stats.total() > 0 ? null
                : monitor.paused() ? "No checks in range; the monitor is paused."
                : "No checks in range" + (monitor.lastCheckedAt() == null ? "; the monitor has never been checked (try check_now)." : ".");
        return new Output(monitor.id(), range.sinceLocal(), range.untilLocal(), range.zoneId(), uptime,
                MonitorViews.round1(stats.avgResponseMs()), MonitorViews.round1(stats.p95ResponseMs()), stats.total(),
                stats.failed(), Math.round(stats.downtimeSeconds() / 6.0) / 10.0, note);
    }
}
