package io.enori.mcp.core.jobs;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.JobPing;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.spi.JobPingStore;
import io.enori.mcp.api.spi.PageRequest;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TimeRange;
import io.enori.mcp.core.tool.TypedTool;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * get_monitor_run_series: a job monitor's pings grouped into runs by {@code runId} (a ping without one is a
 * run of its own), with the flat ping list, at most {@value #MAX_PINGS} pings.
 */
public final class GetMonitorRunSeries extends TypedTool<GetMonitorRunSeries.Input, GetMonitorRunSeries.Output> {
    static final int MAX_PINGS = 5000;
    /** Keeps the default answer well under SPEC §12's ~20k tokens; up to MAX_PINGS on request. */
    static final int DEFAULT_PINGS = 200;

    record Input(String monitorId, String runId, String since, String until, String tz, Integer maxPings) {
    }

    record Run(String runId, OffsetDateTime start, OffsetDateTime end, int pings, String outcome,
               Long durationMs) {
    }

    record PingBrief(String id, String kind, String runId, OffsetDateTime t) {
    }

    record Output(OffsetDateTime since, OffsetDateTime until, List<Run> runs,
                  List<PingBrief> pings, boolean truncated, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "A job monitor.")
            .text("runId", 200, "Filter.")
            .timeRange()
            .integer("maxPings", 1, MAX_PINGS, DEFAULT_PINGS, "Newest pings to group and list.")
            .build();

    private final CoreContext context;

    public GetMonitorRunSeries(CoreContext context) {
        super(tool("get_monitor_run_series").title("Job runs").group("jobs").requires(Scope.MONITORS_READ)
                .annotations(ToolAnnotations.READ)
                .description("Job runs (pings grouped by runId), newest first, with outcome and duration; "
                        + "plus flat pings (max " + MAX_PINGS + "). Default 24 h."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Monitor monitor = JobViews.requireJob(context, caller, in.monitorId());
        TimeRange range = TimeRange.resolve(in.since(), in.until(), in.tz(), context.clock());
        int max = in.maxPings() == null ? DEFAULT_PINGS : in.maxPings();
        List<JobPing> fetched = context.storage().jobPings().list(caller.accountId(), monitor.id(),
                new JobPingStore.Filter(range.since(), range.until(), null, in.runId()),
                PageRequest.first(max + 1)).items();
        boolean truncated = fetched.size() > max;
        List<JobPing> newestFirst = truncated ? fetched.subList(0, max) : fetched;
        List<JobPing> pings = new ArrayList<>(newestFirst);
        pings.sort(Comparator.comparing(JobPing::receivedAt).thenComparing(JobPing::id));
        Map<String, List<JobPing>> byRun = new LinkedHashMap<>();
        for (JobPing p : pings) {
            byRun.computeIfAbsent(p.runId() == null ? "\u0000" + p.id() : p.runId(), k -> new ArrayList<>()).add(p);
        }
        List<Run> runs = byRun.values().stream().map(r -> run(r, range))
                .sorted(Comparator.comparing(Run::start, Comparator.reverseOrder())).toList();
        List<PingBrief> flat = newestFirst.stream()
                .map(p -> new PingBrief(p.id(), p.kind().wireName(), p.runId(), range.local(p.receivedAt()))).toList();
        String note = truncated ? "Only the newest " + max + " pings; raise maxPings (up to " + MAX_PINGS
                + "), narrow since/until or pass runId."
                : pings.isEmpty() ? "No pings in range; widen since/until." : null;
        return new Output(range.sinceLocal(), range.untilLocal(), runs, flat, truncated,
                note);
    }

    /** One run from its pings, oldest first. */
    private static Run run(List<JobPing> pings, TimeRange range) {
        Instant start = pings.get(0).receivedAt();
        Instant end = null;
        boolean failed = false;
        boolean succeeded = false;
        Long reported = null;
        for (JobPing p : pings) {
            if (p.kind() != JobPing.Kind.START) {
                end = p.receivedAt();
                failed |= p.kind() == JobPing.Kind.FAIL;
                succeeded |= p.kind() == JobPing.Kind.SUCCESS;
            }
            if (p.durationMs() != null) {
                reported = reported == null ? p.durationMs() : Math.max(reported, p.durationMs());
            }
        }
        String outcome = failed ? "failure" : succeeded ? "success" : "running";
        Long duration = reported != null ? reported
                : end != null && end.isAfter(start) ? Duration.between(start, end).toMillis() : null;
        return new Run(pings.get(0).runId(), range.local(start), range.local(end), pings.size(), outcome, duration);
    }
}
