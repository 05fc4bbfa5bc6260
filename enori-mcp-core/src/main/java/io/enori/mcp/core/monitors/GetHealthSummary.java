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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** get_health_summary: every monitor, worst first, from one aggregate query over the range. */
public final class GetHealthSummary extends TypedTool<GetHealthSummary.Input, GetHealthSummary.Output> {
    private static final int MAX_ROWS = 200;

    record Input(String since, String until, String tz) {
    }

    record MonitorHealth(String monitorId, String name, String type, String status, long totalChecks,
                         long failedChecks, Double errorRatePercent, Double avgResponseTimeMs,
                         Double p95ResponseTimeMs, OffsetDateTime lastSuccessAt) {
    }

    record Totals(int up, int down, int paused, int pending) {
    }

    record Output(OffsetDateTime since, OffsetDateTime until, String tz, Totals totals, List<MonitorHealth> monitors,
                  boolean truncated, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class).timeRange().build();

    /** Down before anything else, then the highest error rate, then the slowest. */
    private static final Comparator<MonitorHealth> WORST_FIRST = Comparator
            .comparing((MonitorHealth h) -> !h.status().equals("down"))
            .thenComparing(h -> h.errorRatePercent() == null ? -1.0 : h.errorRatePercent(), Comparator.reverseOrder())
            .thenComparing(h -> h.p95ResponseTimeMs() == null ? -1.0 : h.p95ResponseTimeMs(), Comparator.reverseOrder())
            .thenComparing(MonitorHealth::name);

    private final CoreContext context;

    public GetHealthSummary(CoreContext context) {
        super(tool("get_health_summary").title("Health summary").group("monitors").requires(Scope.MONITORS_READ)
                .annotations(ToolAnnotations.READ)
                .description("Health roll-up of every monitor, worst first: status, error rate, average and p95 "
                        + "response time, last success, over since/until (default last 24 h). Start here for "
                        + "'is anything degraded?'."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        TimeRange range = TimeRange.resolve(in.since(), in.until(), in.tz(), context.clock());
        List<Monitor> monitors = context.storage().monitors().listAll(caller.accountId());
        Map<String, CheckStats> stats = context.storage().checkResults().statsByMonitor(caller.accountId(),
                range.since(), range.until());
        List<MonitorHealth> rows = monitors.stream()
                .map(m -> health(m, stats.getOrDefault(m.id(), CheckStats.empty(m.id())), range))
                .sorted(WORST_FIRST)
                .collect(Collectors.toList());
        Map<String, Long> byStatus = rows.stream().collect(Collectors.groupingBy(MonitorHealth::status, Collectors.counting()));
        Totals totals = new Totals(count(byStatus, "up"), count(byStatus, "down"), count(byStatus, "paused"),
                count(byStatus, "pending"));
        boolean truncated = rows.size() > MAX_ROWS;
        String note = rows.isEmpty() ? "No monitors yet; create one with create_monitor."
                : truncated ? "Showing the " + MAX_ROWS + " worst of " + rows.size() + " monitors." : null;
        return new Output(range.sinceLocal(), range.untilLocal(), range.zoneId(), totals,
                truncated ? rows.subList(0, MAX_ROWS) : rows, truncated, note);
    }

    private static MonitorHealth health(Monitor m, CheckStats s, TimeRange range) {
        Double errorRate = s.total() == 0 ? null : Math.round(s.failed() * 1000.0 / s.total()) / 10.0;
        Instant lastSuccess = s.lastSuccessAt() != null ? s.lastSuccessAt() : m.lastSuccessAt();
        return new MonitorHealth(m.id(), m.name(), m.type().wireName(), MonitorViews.reportedStatus(m), s.total(),
                s.failed(), errorRate, MonitorViews.round1(s.avgResponseMs()), MonitorViews.round1(s.p95ResponseMs()),
                range.local(lastSuccess));
    }

    private static int count(Map<String, Long> byStatus, String status) {
        return byStatus.getOrDefault(status, 0L).intValue();
    }
}
