package io.enori.mcp.core.admin;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.tool.CallObserver;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-tool calls, errors and latency, rate-limit rejections per principal and the last tool errors, in bounded
 * memory: latency since start in fixed log-scale buckets, the last five minutes in a reservoir of at most
 * {@value #RECENT_PER_TOOL} samples per tool, at most {@value #MAX_PRINCIPALS} principals and
 * {@value #MAX_ERRORS} errors.
 */
public final class ToolMetrics implements CallObserver {
    static final int RECENT_PER_TOOL = 2048;
    static final int MAX_PRINCIPALS = 10_000;
    static final int MAX_ERRORS = 200;
    static final long RECENT_MILLIS = 5 * 60_000L;
    /** Bucket upper bounds in microseconds: 1-2-5 steps from 50 µs to 100 s; the last bucket is open. */
    private static final long[] BOUNDS_MICROS = bounds();

    /** One tool error as admin_recent_errors shows it. */
    public record ErrorEntry(String at, String tool, String principal, String message) {
    }

    /** Latency percentiles in milliseconds; null when no call. */
    public record Percentiles(long calls, Double p50, Double p95, Double p99) {
    }

    /** One tool's counters. */
    public record ToolStat(String tool, long calls, long errors, Percentiles sinceStart, Percentiles last5m) {
    }

    private final Clock clock;
    private final Map<String, PerTool> tools = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> rejections = new ConcurrentHashMap<>();
    private final ArrayDeque<ErrorEntry> errors = new ArrayDeque<>();

    public ToolMetrics(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void called(String tool, Caller caller, ToolOutcome outcome, long nanos) {
        tools.computeIfAbsent(tool, t -> new PerTool()).record(clock.millis(), nanos, outcome instanceof ToolOutcome.Failed);
        if (outcome instanceof ToolOutcome.Failed failed) {
            synchronized (errors) {
                if (errors.size() == MAX_ERRORS) {
                    errors.removeFirst();
                }
                errors.addLast(new ErrorEntry(Instant.ofEpochMilli(clock.millis()).toString(), tool,
                        caller.principalId(), failed.error().message()));
            }
        }
    }

    @Override
    public void rateLimited(String tool, Caller caller) {
        String principal = String.valueOf(caller.principalId());
        AtomicLong counter = rejections.get(principal);
        if (counter == null && rejections.size() >= MAX_PRINCIPALS) {
            principal = "(other)";
        }
        rejections.computeIfAbsent(principal, p -> new AtomicLong()).incrementAndGet();
    }

    public List<ToolStat> toolStats() {
        long now = clock.millis();
        List<ToolStat> out = new ArrayList<>();
        new TreeMap<>(tools).forEach((name, t) -> out.add(t.snapshot(name, now)));
        return out;
    }

    public Map<String, Long> rateLimitRejections() {
        Map<String, Long> out = new TreeMap<>();
        rejections.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** The newest {@code limit} errors, newest first. */
    public List<ErrorEntry> recentErrors(int limit) {
        synchronized (errors) {
            List<ErrorEntry> all = new ArrayList<>(errors);
            java.util.Collections.reverse(all);
            return List.copyOf(all.subList(0, Math.min(limit, all.size())));
        }
    }

    private static final class PerTool {
        private long calls;
        private long errorCount;
        private final long[] buckets = new long[BOUNDS_MICROS.length + 1];
        private final long[] recentAt = new long[RECENT_PER_TOOL];
        private final long[] recentMicros = new long[RECENT_PER_TOOL];
        private int recentNext;
        private int recentSize;

        synchronized void record(long atMillis, long nanos, boolean failed) {
            calls++;
            if (failed) {
                errorCount++;
            }
            long micros = nanos / 1000;
            int i = Arrays.binarySearch(BOUNDS_MICROS, micros);
            buckets[i >= 0 ? i : -i - 1]++;
            recentAt[recentNext] = atMillis;
            recentMicros[recentNext] = micros;
            recentNext = (recentNext + 1) % RECENT_PER_TOOL;
            recentSize = Math.min(recentSize + 1, RECENT_PER_TOOL);
        }

        synchronized ToolStat snapshot(String name, long now) {
            long[] recent = new long[recentSize];
            int n = 0;
            for (int k = 0; k < recentSize; k++) {
                if (recentAt[k] > now - RECENT_MILLIS) {
                    recent[n++] = recentMicros[k];
                }
            }
            long[] sorted = Arrays.copyOf(recent, n);
            Arrays.sort(sorted);
            return new ToolStat(name, calls, errorCount, fromBuckets(), new Percentiles(n, exact(sorted, 0.50),
                    exact(sorted, 0.95), exact(sorted, 0.99)));
        }

        private Percentiles fromBuckets() {
            return new Percentiles(calls, bucket(0.50), bucket(0.95), bucket(0.99));
        }

        /** The upper bound of the bucket holding the q-quantile (the open bucket reports the largest bound). */
        private Double bucket(double q) {
            if (calls == 0) {
                return null;
            }
            long rank = (long) Math.ceil(q * calls);
            long seen = 0;
            for (int i = 0; i < buckets.length; i++) {
                seen += buckets[i];
                if (seen >= rank) {
                    return BOUNDS_MICROS[Math.min(i, BOUNDS_MICROS.length - 1)] / 1000.0;
                }
            }
            return BOUNDS_MICROS[BOUNDS_MICROS.length - 1] / 1000.0;
        }

        private static Double exact(long[] sorted, double q) {
            if (sorted.length == 0) {
                return null;
            }
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1000.0;
        }
    }

    private static long[] bounds() {
        List<Long> list = new ArrayList<>();
        for (long decade = 10; decade <= 100_000_000L; decade *= 10) {
            for (long step : new long[] {1, 2, 5}) {
                long b = decade * step;
                if (b >= 50 && b <= 100_000_000L) {
                    list.add(b);
                }
            }
        }
        return list.stream().mapToLong(Long::longValue).toArray();
    }

}
