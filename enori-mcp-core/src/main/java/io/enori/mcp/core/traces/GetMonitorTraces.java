package io.enori.mcp.core.traces;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorType;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.TraceSummary;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.Paging;
import io.enori.mcp.core.tool.TimeRange;
import io.enori.mcp.core.tool.ToolFailure;
import io.enori.mcp.core.tool.TypedTool;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

/** get_monitor_traces: the traces a monitor's checks started (or that name the monitor), newest first, paged. */
public final class GetMonitorTraces extends TypedTool<GetMonitorTraces.Input, GetMonitorTraces.Output> {
    static final String NAME = "get_monitor_traces";

    record Input(String monitorId, String since, String until, String tz, Boolean errorsOnly, Integer limit,
                 String cursor) {
    }

    record Trace(String traceId, String service, String operation, OffsetDateTime start, long durationMs,
                 int spanCount, boolean error, String checkId) {
    }

    record Output(OffsetDateTime since, OffsetDateTime until, String tz, List<Trace> traces,
                  String nextCursor, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The monitor.")
            .timeRange()
            .bool("errorsOnly", false, "Only traces with errors.")
            .paging()
            .build();

    private final CoreContext context;

    public GetMonitorTraces(CoreContext context) {
        super(tool(NAME).title("Monitor traces").group("traces").requires(Scope.MONITORS_READ)
                .annotations(ToolAnnotations.READ)
                .description("Traces of a website monitor's checks (its service's OTLP spans), newest first: root "
                        + "service/operation, duration, span count, error. Detail: get_trace_detail."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Monitor monitor = context.storage().monitors().find(caller.accountId(), in.monitorId()).orElseThrow(() ->
                new ToolFailure(ToolError.notFound(ToolError.MONITOR_NOT_FOUND, "monitorId", in.monitorId())));
        TimeRange range = TimeRange.resolve(in.since(), in.until(), in.tz(), context.clock());
        boolean errorsOnly = Boolean.TRUE.equals(in.errorsOnly());
        Page<TraceSummary> page = Paging.fetch(() -> context.storage().traces().traces(caller.accountId(),
                monitor.id(), range.since(), range.until(), errorsOnly, Paging.request(NAME, in.limit(), in.cursor())));
        List<Trace> traces = page.items().stream().map(t -> new Trace(t.traceId(), t.rootService(),
                        t.rootOperation(), range.local(t.startedAt()), TraceViews.durationMs(t.startedAt(), t.endedAt()),
                        t.spanCount(), t.error(), t.checkId()))
                .collect(Collectors.toList());
        String note = null;
        if (traces.isEmpty() && in.cursor() == null) {
            note = monitor.type() != MonitorType.WEBSITE
                    ? "No traces: only website checks send a traceparent."
                    : errorsOnly ? "No traces with errors in range."
                    : "No spans received in range. The service must export OTLP/HTTP JSON to /v1/traces "
                    + "(X-Api-Key with monitors:write) and continue the check's traceparent.";
        }
        return new Output(range.sinceLocal(), range.untilLocal(), range.zoneId(), traces,
                Paging.cursor(NAME, page.nextKey()), note);
    }
}
