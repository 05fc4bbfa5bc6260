package io.enori.mcp.core.monitors;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.Paging;
import io.enori.mcp.core.tool.TimeRange;
import io.enori.mcp.core.tool.TypedTool;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** get_check_results: one monitor's checks in a range, newest first, paged. */
public final class GetCheckResults extends TypedTool<GetCheckResults.Input, GetCheckResults.Output> {
    static final String NAME = "get_check_results";

    record Input(String monitorId, String status, String since, String until, String tz, Integer limit, String cursor) {
    }

    record Output(String monitorId, OffsetDateTime since, OffsetDateTime until, String tz,
                  List<MonitorViews.CheckView> results, int count, String nextCursor, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The monitor.")
            .oneOf("status", List.of("up", "down"), null, "Only up or only down checks.")
            .timeRange()
            .paging()
            .build();

    private final CoreContext context;

    public GetCheckResults(CoreContext context) {
        super(tool(NAME).title("Check results").group("monitors").requires(Scope.MONITORS_READ)
                .annotations(ToolAnnotations.READ)
                .description("Recent checks of one monitor, newest first: status, response time, status code, error, "
                        + "time. Range since/until defaults to the last 24 h; page with nextCursor."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Monitor monitor = MonitorLookup.require(context, caller, in.monitorId());
        TimeRange range = TimeRange.resolve(in.since(), in.until(), in.tz(), context.clock());
        Page<CheckResult> page = Paging.fetch(() -> context.storage().checkResults().list(caller.accountId(),
                monitor.id(), in.status() == null ? null : CheckStatus.valueOf(in.status().toUpperCase(Locale.ROOT)), range.since(), range.until(), Paging.request(NAME, in.limit(), in.cursor())));
        List<MonitorViews.CheckView> results = page.items().stream().map(r -> MonitorViews.check(r, range::local))
                .collect(Collectors.toList());
        String note = null;
        if (results.isEmpty() && in.cursor() == null) {
            note = monitor.paused() ? "No checks in range; the monitor is paused."
                    : monitor.lastCheckedAt() == null ? "No checks yet; run check_now."
                    : in.status() != null ? "No " + in.status() + " checks in range."
                    : "No checks in range; widen since/until.";
        }
        return new Output(monitor.id(), range.sinceLocal(), range.untilLocal(), range.zoneId(), results,
                results.size(), Paging.cursor(NAME, page.nextKey()), note);
    }
}
