package io.enori.mcp.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

/**
 * The closed-loop Streamable HTTP load of the harnesses: N clients ({@link HttpClient}, HTTP/1.1, in this JVM), each
 * with its own MCP session (initialize, initialized, then {@code tools/call} in a loop, DELETE at the end; stateless
 * targets get no session id and no DELETE), a warm-up that is not recorded, then a measured window. Every answer is
 * parsed (SSE {@code data:} or plain JSON) and checked; anything unexpected is counted as an error, by kind. Every
 * loop is bounded by a deadline and a call cap.
 */
final class LoadGenerator {
    static final ObjectMapper JSON = new ObjectMapper();

    private LoadGenerator() {
    }

    /** How hard and how long one round pushes. */
    record Load(int clients, Duration warmup, Duration measure, long maxCallsPerClient) {
        Load {
            if (clients < 1 || maxCallsPerClient < 1) {
                throw new IllegalArgumentException("clients and max-calls must be >= 1");
            }
            if (warmup.isNegative() || measure.isZero() || measure.isNegative()) {
                throw new IllegalArgumentException("warmup must be >= 0 s, measure > 0 s");
            }
        }
    }

    /** Told when the measured window starts and when its last call has finished (to sample meters over it). */
    interface Window {
        Window NONE = new Window() {
        };

        default void begin() {
        }

        default void end() {
        }
    }

    /** One target measured once. */
    record RoundResult(String server, int round, long okCalls, double seconds, long[] sortedNanos,
                       Map<String, long[]> sortedNanosByKind, long warmupCalls, Map<String, Long> errors, long cpuNanos,
                       double loadAverage) {
        /** This JVM's CPU (clients, and the servers when they run in it) per successful measured call, in µs. */
        double cpuMicrosPerCall() {
            return okCalls == 0 ? Double.NaN : cpuNanos / 1e3 / okCalls;
        }

        double callsPerSecond() {
            return okCalls / seconds;
        }

        double p50Millis() {
            return percentileMillis(sortedNanos, 0.50);
        }

        double p99Millis() {
            return percentileMillis(sortedNanos, 0.99);
        }

        long errorTotal() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        String line() {
            return String.format(Locale.ROOT,
                    "round %d %-9s %8.1f calls/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  cpu %5.0f us/call  "
                            + "(%d calls in %.2f s, %d warm-up calls, 1-min load avg %.1f incl. this run)  errors %d %s",
                    round, server, callsPerSecond(), p50Millis(), p99Millis(),
                    sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6,
                    cpuMicrosPerCall(), okCalls, seconds, warmupCalls, loadAverage, errorTotal(),
                    errors.isEmpty() ? "" : errors);
        }
    }

    /** Error counts by kind, shared by a round's clients. */
    static final class Errors {
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

        void add(String kind) {
            counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        Map<String, Long> snapshot() {
            Map<String, Long> copy = new TreeMap<>();
            counts.forEach((k, v) -> copy.put(k, v.sum()));
            return copy;
        }
    }

    /** A growable array of latencies in nanoseconds; one per client, so no locking. */
    static final class Latencies {
        private long[] values = new long[1 << 14];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = nanos;
        }

        static long[] merged(List<Latencies> parts) {
            long[] all = new long[parts.stream().mapToInt(p -> p.size).sum()];
            int at = 0;
            for (Latencies part : parts) {
                System.arraycopy(part.values, 0, all, at, part.size);
                at += part.size;
            }
            Arrays.sort(all);
            return all;
        }
    }

    /** What one client did in one round. */
    private static final class ClientRun {
        final Latencies latencies = new Latencies();
        final Map<String, Latencies> byKind = new TreeMap<>();
        long measuredOk;
        long warmupOk;
        long lastFinishNanos;
    }

    static RoundResult runRound(Target target, Load load, int round, Window window) throws Exception {
        // A fresh client (and connection pool) per round: a pooled connection left idle while another target
        // was measured may meet Jetty's 30 s idle timeout, and that race would show up as a bogus IOException.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Errors errors = new Errors();
        int n = load.clients();
        // Every client opens its session first; the clock starts when the last one is ready (the barrier action
        // sets the phases, and the barrier publishes them to the clients).
        long[] phase = new long[2]; // [measureStart, measureEnd] in System.nanoTime()
        CyclicBarrier ready = new CyclicBarrier(n + 1, () -> {
            phase[0] = System.nanoTime() + load.warmup().toNanos();
            phase[1] = phase[0] + load.measure().toNanos();
        });
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, target.name() + "-client");
            t.setDaemon(true);
            return t;
        });
        List<Future<ClientRun>> futures = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            int client = c;
            futures.add(pool.submit(() -> runClient(http, target, load, client, errors, ready, phase)));
        }
        ready.await(60, TimeUnit.SECONDS);
        long measureStart = phase[0];
        long sleepNanos = measureStart - System.nanoTime();
        if (sleepNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(sleepNanos);
        }
        // CPU time of this process over the measured window: less sensitive than throughput to other tenants.
        long cpuAtStart = processCpuNanos();
        window.begin();
        List<ClientRun> runs = new ArrayList<>();
        long deadline = System.nanoTime() + load.warmup().toNanos() + load.measure().toNanos()
                + TimeUnit.SECONDS.toNanos(60);
        for (Future<ClientRun> future : futures) {
            long left = Math.max(1, deadline - System.nanoTime());
            try {
                runs.add(future.get(left, TimeUnit.NANOSECONDS));
            } catch (java.util.concurrent.TimeoutException e) {
                errors.add("client did not finish in time");
                future.cancel(true);
            } catch (java.util.concurrent.ExecutionException e) {
                errors.add("client failed: " + e.getCause().getClass().getSimpleName());
            }
        }
        window.end();
        long cpuNanos = processCpuNanos() - cpuAtStart;
        double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        pool.shutdownNow();
        long ok = runs.stream().mapToLong(r -> r.measuredOk).sum();
        long warm = runs.stream().mapToLong(r -> r.warmupOk).sum();
        long end = runs.stream().mapToLong(r -> r.lastFinishNanos).max().orElse(measureStart + 1);
        double seconds = Math.max(end - measureStart, 1) / 1e9;
        long[] sorted = Latencies.merged(runs.stream().map(r -> r.latencies).toList());
        Map<String, long[]> byKind = new TreeMap<>();
        runs.stream().flatMap(r -> r.byKind.keySet().stream()).distinct().forEach(kind -> byKind.put(kind,
                Latencies.merged(runs.stream().map(r -> r.byKind.get(kind)).filter(Objects::nonNull).toList())));
        return new RoundResult(target.name(), round, ok, seconds, sorted, byKind, warm, errors.snapshot(), cpuNanos,
                loadAverage);
    }

    private static ClientRun runClient(HttpClient http, Target target, Load load, int client, Errors errors,
                                       CyclicBarrier ready, long[] phase) throws Exception {
        ClientRun run = new ClientRun();
        McpSession session = null;
        try {
            session = McpSession.open(http, target, client, errors);
        } finally {
            ready.await(60, TimeUnit.SECONDS);
        }
        if (session == null) {
            return run;
        }
        long measureStart = phase[0];
        long measureEnd = phase[1];
        long id = 1;
        try {
            // Warm-up: same calls, not recorded.
            for (long i = 0; i < load.maxCallsPerClient() && System.nanoTime() < measureStart; i++) {
                long n = id++;
                if (session.call(n, target.callParams(client, n), errors)) {
                    run.warmupOk++;
                }
            }
            // Measured: a call counts when it started inside the window; the window ends with the last such call.
            for (long i = 0; i < load.maxCallsPerClient(); i++) {
                long start = System.nanoTime();
                if (start >= measureEnd) {
                    break;
                }
                long n = id++;
                ObjectNode params = target.callParams(client, n);
                boolean ok = session.call(n, params, errors);
                long finish = System.nanoTime();
                if (ok) {
                    run.measuredOk++;
                    run.latencies.add(finish - start);
                    run.byKind.computeIfAbsent(target.kind(params), k -> new Latencies()).add(finish - start);
                }
                run.lastFinishNanos = finish;
            }
        } finally {
            session.close(errors);
        }
        return run;
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    static double percentileMillis(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static <T> double median(List<T> items, ToDoubleFunction<T> f) {
        return medianOf(items.stream().map(r -> f.applyAsDouble(r)).toList());
    }

    static double medianOf(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted()
                .toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
