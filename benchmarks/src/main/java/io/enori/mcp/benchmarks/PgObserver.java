package io.enori.mcp.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Watches PostgreSQL during a measured window, over two connections of its own: one samples what the nodes'
 * backends are doing, one times probe statements. Per window it gives
 * <ul>
 *   <li>the CPU of the nodes' backends (found by {@code application_name}) and of every postgres process (the
 *       postmaster's reaped children included), from {@code /proc};</li>
 *   <li>{@code pg_stat_wal} (WAL records, writes, syncs) and {@code pg_stat_database} (commits) deltas. Both count
 *       the whole server or database, so other sessions' tests are in them too;</li>
 *   <li>wait-event samples of the nodes' active backends every {@link #SAMPLE_MILLIS} ms ("CPU" when none);</li>
 *   <li>round trips of {@code SELECT 1} and of one limiter call ({@code enori_rate_acquire} for a principal of
 *       its own, so it waits for no load call's lock), each every {@link #PROBE_MILLIS} ms.</li>
 * </ul>
 * The sampling and probes add about 50 + 20 small statements a second, the same for every target.
 */
final class PgObserver implements AutoCloseable {
    static final int SAMPLE_MILLIS = 20;
    static final int PROBE_MILLIS = 50;

    private final Connection sampler;
    private final Connection prober;
    private final String appPrefix;
    private final String probePrincipal;

    /**
     * @param schemaUrl the run's schema (where {@code enori_rate_acquire} lives)
     * @param appPrefix the {@code application_name} prefix of the nodes' connections
     */
    PgObserver(String schemaUrl, String appPrefix, String probePrincipal) throws SQLException {
        this.sampler = DriverManager.getConnection(schemaUrl + "&ApplicationName=enori-bench-sampler");
        this.prober = DriverManager.getConnection(schemaUrl + "&ApplicationName=enori-bench-prober");
        this.appPrefix = appPrefix;
        this.probePrincipal = probePrincipal;
    }

    /** What PostgreSQL did during one window. */
    record Stats(double oursCpuSeconds, double allCpuSeconds, long walRecords, long walWrites, long walSyncs,
                 long commits, long samples, Map<String, Long> waits, long[] select1Nanos, long[] limiterNanos) {
        /** Average number of the nodes' backends executing a statement at a sampling instant. */
        double activeBackends() {
            return samples == 0 ? Double.NaN : waits.values().stream().mapToLong(Long::longValue).sum() / (double) samples;
        }
    }

    /**
     * Round trips with no load on the nodes: {@code count} times {@code SELECT 1}, then {@code count} limiter calls,
     * one after another. [0] = SELECT 1, [1] = limiter, sorted nanoseconds.
     */
    long[][] idleProbe(int count) throws SQLException {
        Observation o = new Observation();
        for (int i = 0; i < count; i++) {
            if (!o.probe("SELECT 1", o.select1)) {
                throw new SQLException("SELECT 1 probe failed");
            }
        }
        for (int i = 0; i < count; i++) {
            if (!o.probeLimiter()) {
                throw new SQLException("limiter probe failed (is enori_rate_acquire in the schema?)");
            }
        }
        return new long[][] {sorted(o.select1), sorted(o.limiter)};
    }

    /** Starts observing now; the returned window's {@link Observation#stats()} is ready after {@code end()}. */
    Observation observe() {
        return new Observation();
    }

    final class Observation implements LoadGenerator.Window {
        private final Map<String, Long> waits = new TreeMap<>();
        private final List<Long> select1 = new ArrayList<>();
        private final List<Long> limiter = new ArrayList<>();
        private volatile boolean running;
        private long samples;
        private Thread sampling;
        private Thread probing;
        private Map<Long, Long> pgAtStart;
        private Set<Long> oursAtStart;
        private long[] walAtStart;
        private long commitsAtStart;
        private Stats stats;

        @Override
        public void begin() {
            try {
                walAtStart = wal();
                commitsAtStart = commits();
                oursAtStart = ourBackends();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read PostgreSQL statistics: " + e.getMessage(), e);
            }
            pgAtStart = ProcCpu.postgresNanos();
            running = true;
            sampling = loop("pg-sampler", SAMPLE_MILLIS, this::sample);
            probing = loop("pg-prober", PROBE_MILLIS, new Supplier<>() {
                private boolean flip;

                @Override
                public Boolean get() {
                    flip = !flip;
                    return flip ? probe("SELECT 1", select1) : probeLimiter();
                }
            });
        }

        @Override
        public void end() {
            running = false;
            try {
                sampling.join(5000);
                probing.join(5000);
                Map<Long, Long> pgAtEnd = ProcCpu.postgresNanos();
                Set<Long> ours = new HashSet<>(oursAtStart);
                ours.addAll(ourBackends());
                long oursNanos = 0;
                long allNanos = 0;
                for (Map.Entry<Long, Long> e : pgAtEnd.entrySet()) {
                    // A process born in the window counts whole; one that died in it is in the postmaster's
                    // children time if it was reaped, else lost (rare: the pools keep their connections).
                    long delta = e.getValue() - pgAtStart.getOrDefault(e.getKey(), 0L);
                    allNanos += delta;
                    if (ours.contains(e.getKey())) {
                        oursNanos += delta;
                    }
                }
                long[] walAtEnd = wal();
                stats = new Stats(oursNanos / 1e9, allNanos / 1e9, walAtEnd[0] - walAtStart[0],
                        walAtEnd[1] - walAtStart[1], walAtEnd[2] - walAtStart[2], commits() - commitsAtStart, samples,
                        new TreeMap<>(waits), sorted(select1), sorted(limiter));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read PostgreSQL statistics: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        Stats stats() {
            return stats;
        }

        private Thread loop(String name, int periodMillis, Supplier<Boolean> step) {
            Thread t = new Thread(() -> {
                while (running) {
                    long next = System.nanoTime() + periodMillis * 1_000_000L;
                    if (!step.get()) {
                        return;
                    }
                    long left = next - System.nanoTime();
                    if (left > 0) {
                        try {
                            Thread.sleep(left / 1_000_000L, (int) (left % 1_000_000L));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, name);
            t.setDaemon(true);
            t.start();
            return t;
        }

        private boolean sample() {
            try (PreparedStatement s = sampler.prepareStatement("SELECT wait_event_type, wait_event FROM "
                    + "pg_stat_activity WHERE application_name LIKE ? AND state = 'active'")) {
                s.setString(1, appPrefix + "%");
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String type = rs.getString(1);
                        waits.merge(type == null ? "CPU" : type + ":" + rs.getString(2), 1L, Long::sum);
                    }
                }
                samples++;
                return true;
            } catch (SQLException e) {
                waits.merge("sampler failed: " + e.getMessage(), 1L, Long::sum);
                return false;
            }
        }

        private boolean probe(String sql, List<Long> into) {
            long start = System.nanoTime();
            try (PreparedStatement s = prober.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                rs.next();
            } catch (SQLException e) {
                return false;
            }
            into.add(System.nanoTime() - start);
            return true;
        }

        private boolean probeLimiter() {
            long start = System.nanoTime();
            try (PreparedStatement s = prober.prepareStatement(
                    "SELECT admitted FROM enori_rate_acquire(?, ?, 1000000)")) {
                s.setString(1, probePrincipal);
                s.setLong(2, System.currentTimeMillis());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                }
            } catch (SQLException e) {
                return false;
            }
            limiter.add(System.nanoTime() - start);
            return true;
        }
    }

    /** [wal_records, wal_write, wal_sync] of the whole server. */
    private long[] wal() throws SQLException {
        try (PreparedStatement s = prober.prepareStatement("SELECT wal_records, wal_write, wal_sync FROM pg_stat_wal");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    private long commits() throws SQLException {
        try (PreparedStatement s = prober.prepareStatement(
                "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Set<Long> ourBackends() throws SQLException {
        Set<Long> pids = new HashSet<>();
        try (PreparedStatement s = sampler.prepareStatement(
                "SELECT pid FROM pg_stat_activity WHERE application_name LIKE ?")) {
            s.setString(1, appPrefix + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getLong(1));
                }
            }
        }
        return pids;
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    @Override
    public void close() throws SQLException {
        sampler.close();
        prober.close();
    }
}
