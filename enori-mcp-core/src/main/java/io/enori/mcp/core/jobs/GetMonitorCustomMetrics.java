package io.enori.mcp.core.jobs;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.JobPing;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.spi.JobPingStore;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.InvalidArgument;
import io.enori.mcp.core.tool.TimeRange;
import io.enori.mcp.core.tool.TypedTool;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * get_monitor_custom_metrics: without {@code key} the metric keys a job reported; with it that metric's
 * {@code (t, v, runId)} series, bucketed (avg/min/max) when it has more than {@value #MAX_POINTS} points.
 */
public final class GetMonitorCustomMetrics
        extends TypedTool<GetMonitorCustomMetrics.Input, GetMonitorCustomMetrics.Output> {

    static final int MAX_POINTS = 500;
    static final Duration MAX_RANGE = Duration.ofDays(90);
    /** Bucket sizes in seconds: the smallest that keeps a range within {@value #MAX_POINTS} buckets is used. */
    private static final long[] BUCKETS = {1, 5, 10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600,
            43200, 86400};

    record Input(String monitorId, String key, String since, String until, String tz) {
    }

    record KeyView(String key, long n, double last, OffsetDateTime lastAt) {
    }

    /** A raw value, or when bucketed a bucket's start, average {@code v}, {@code min}, {@code max}, count. */
    record Point(OffsetDateTime t, double v, String runId, Double min, Double max, Long n) {
    }

    record Output(OffsetDateTime since, OffsetDateTime until, List<KeyView> keys,
                  List<Point> series, boolean bucketed, Long bucketSeconds, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "A job monitor.")
            .text("key", 64, "Series of this key.")
            .timeRange()
            .build();

    private final CoreContext context;

    public GetMonitorCustomMetrics(CoreContext context) {
        super(tool("get_monitor_custom_metrics").title("Job metrics").group("jobs").requires(Scope.MONITORS_READ)
                .annotations(ToolAnnotations.READ)
                .description("Job metrics. No key: keys. With key: (t, v, runId) series; over " + MAX_POINTS
                        + " points bucketed (v=avg). Max 90 days."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Monitor monitor = JobViews.requireJob(context, caller, in.monitorId());
        TimeRange range = TimeRange.resolve(in.since(), in.until(), in.tz(), context.clock());
        if (Duration.between(range.since(), range.until()).compareTo(MAX_RANGE) > 0) {
            throw new InvalidArgument("since", "must be at most 90 days before until");
        }
        if (in.key() != null && !JobPing.METRIC_KEY.matcher(in.key()).matches()) {
            throw new InvalidArgument("key", "must be 1-64 of [a-zA-Z0-9_.-]");
        }
        JobPingStore store = context.storage().jobPings();
        String account = caller.accountId();
        if (in.key() == null) {
            List<KeyView> keys = store.metricKeys(account, monitor.id(), range.since(), range.until()).stream()
                    .map(k -> new KeyView(k.key(), k.count(), k.lastValue(), range.local(k.lastAt()))).toList();
            return new Output(range.sinceLocal(), range.untilLocal(), keys, null,
                    false, null, keys.isEmpty() ? "No metrics in range; jobs send them as \"metrics\" in the "
                    + "heartbeat body." : "Pass key for a series.");
        }
        long count = store.countMetricPoints(account, monitor.id(), in.key(), range.since(), range.until());
        if (count <= MAX_POINTS) {
            List<Point> points = store.metricPoints(account, monitor.id(), in.key(), range.since(), range.until(),
                    MAX_POINTS).stream().map(p -> new Point(range.local(p.t()), p.value(), p.runId(), null, null,
                    null)).toList();
            return new Output(range.sinceLocal(), range.untilLocal(), null,
                    points, false, null, points.isEmpty() ? "No values of " + in.key() + " in range." : null);
        }
        long bucketSeconds = bucketSeconds(Duration.between(range.since(), range.until()));
        List<Point> buckets = store.metricBuckets(account, monitor.id(), in.key(), range.since(), range.until(),
                        Duration.ofSeconds(bucketSeconds)).stream()
                .map(b -> new Point(range.local(b.start()), b.avg(), null, b.min(), b.max(), b.count())).toList();
        return new Output(range.sinceLocal(), range.untilLocal(), null, buckets,
                true, bucketSeconds, count + " values bucketed; narrow since/until for raw points.");
    }

    static long bucketSeconds(Duration range) {
        long seconds = Math.max(1, range.toSeconds());
        for (long size : BUCKETS) {
            if ((seconds + size - 1) / size <= MAX_POINTS) {
                return size;
            }
        }
        return (seconds + MAX_POINTS - 1) / MAX_POINTS;
    }
}
