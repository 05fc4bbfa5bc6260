package io.enori.mcp.core.jobs;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.JobPing;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.spi.JobPingStore;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.Paging;
import io.enori.mcp.core.tool.TimeRange;
import io.enori.mcp.core.tool.TypedTool;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** get_monitor_pings: a job monitor's heartbeats, newest first, paged. */
public final class GetMonitorPings extends TypedTool<GetMonitorPings.Input, GetMonitorPings.Output> {
    static final String NAME = "get_monitor_pings";

    record Input(String monitorId, String kind, String runId, String since, String until, String tz, Integer limit,
                 String cursor) {
    }

    record Output(OffsetDateTime since, OffsetDateTime until, List<JobViews.PingView> pings, String nextCursor, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "A job monitor.")
            .oneOf("kind", JobViews.KINDS, null, "Filter.")
            .text("runId", 200, "Filter.")
            .timeRange()
            .paging()
            .build();

    private final CoreContext context;

    public GetMonitorPings(CoreContext context) {
        super(tool(NAME).title("Job pings").group("jobs").requires(Scope.MONITORS_READ)
                .annotations(ToolAnnotations.READ)
                .description("Job monitor heartbeats, newest first, with runId, durationMs, message, metrics. "
                        + "Default 24 h."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Monitor monitor = JobViews.requireJob(context, caller, in.monitorId());
        TimeRange range = TimeRange.resolve(in.since(), in.until(), in.tz(), context.clock());
        JobPing.Kind kind = in.kind() == null ? null : JobPing.Kind.valueOf(in.kind().toUpperCase(Locale.ROOT));
        Page<JobPing> page = Paging.fetch(() -> context.storage().jobPings().list(caller.accountId(), monitor.id(),
                new JobPingStore.Filter(range.since(), range.until(), kind, in.runId()),
                Paging.request(NAME, in.limit(), in.cursor())));
        List<JobViews.PingView> pings = page.items().stream().map(p -> JobViews.ping(p, range)).toList();
        String note = null;
        if (pings.isEmpty() && in.cursor() == null) {
            note = in.kind() != null || in.runId() != null ? "No matching pings in range."
                    : "No pings in range; widen since/until or check the job calls its heartbeat URL (get_monitor).";
        }
        return new Output(range.sinceLocal(), range.untilLocal(), pings,
                Paging.cursor(NAME, page.nextKey()), note);
    }
}
