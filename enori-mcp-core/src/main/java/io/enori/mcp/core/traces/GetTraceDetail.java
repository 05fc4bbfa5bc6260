package io.enori.mcp.core.traces;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.api.TraceSpan;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.ToolFailure;
import io.enori.mcp.core.tool.TypedTool;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** get_trace_detail: every span of one trace, in start order, capped. */
public final class GetTraceDetail extends TypedTool<GetTraceDetail.Input, GetTraceDetail.Output> {
    static final String NAME = "get_trace_detail";
    static final int MAX_SPANS = 500;

    record Input(String traceId, String monitorId) {
    }

    record Output(String monitorId, String checkId, int spanCount, List<TraceViews.SpanView> spans,
                  boolean truncated) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredText("traceId", 32, Pattern.compile("^[0-9a-fA-F]{32}$"), "32 hex digits",
                    "A check's traceId.")
            .id("monitorId", "mon_", "Require this monitor's trace.")
            .build();

    private final CoreContext context;

    public GetTraceDetail(CoreContext context) {
        super(tool(NAME).title("Trace detail").group("traces").requires(Scope.MONITORS_READ)
                .annotations(ToolAnnotations.READ)
                .description("A trace's spans in start order: parent, service, kind, timing, status, attributes "
                        + "(long values cut), events. Max " + MAX_SPANS + "."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        String traceId = in.traceId().toLowerCase(Locale.ROOT);
        if (in.monitorId() != null && context.storage().monitors().find(caller.accountId(), in.monitorId()).isEmpty()) {
            throw new ToolFailure(ToolError.notFound(ToolError.MONITOR_NOT_FOUND, "monitorId", in.monitorId()));
        }
        List<TraceSpan> spans = context.storage().traces().spans(caller.accountId(), traceId, MAX_SPANS);
        String monitorId = spans.stream().map(TraceSpan::monitorId).filter(Objects::nonNull).findFirst().orElse(null);
        if (spans.isEmpty() || (in.monitorId() != null && !in.monitorId().equals(monitorId))) {
            throw new ToolFailure(ToolError.notFound(ToolError.TRACE_NOT_FOUND, "traceId", traceId));
        }
        String checkId = spans.stream().map(TraceSpan::checkId).filter(Objects::nonNull).findFirst().orElse(null);
        int total = spans.size() < MAX_SPANS ? spans.size()
                : context.storage().traces().countSpans(caller.accountId(), traceId);
        return new Output(monitorId, checkId, total,
                spans.stream().map(TraceViews::span).collect(Collectors.toList()), total > spans.size());
    }
}
