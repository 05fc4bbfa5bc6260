package io.enori.mcp.benchmarks;

import io.enori.mcp.api.Account;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorStatus;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Slo;
import io.enori.mcp.api.spi.CheckExecutor;
import io.enori.mcp.api.spi.SloStore.DayCounts;
import io.enori.mcp.core.slo.SloEngine;
import io.enori.mcp.core.slo.math.Counts;
import io.enori.mcp.core.slo.math.SloMath;
import io.enori.mcp.core.slo.math.SloStatus;
import io.enori.mcp.core.slo.math.Span;
import io.enori.mcp.core.store.Databases;
import io.enori.mcp.core.store.JdbiStorage;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.Ids;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * get_slo_status for a 365-day rolling availability SLO on a monitor with 1,000,000 check results 30 s apart (347
 * days) on in-memory H2: {@link SloEngine#status} over daily rollups plus raw edge days, against the baseline of the
 * same {@link SloMath#status} counting raw checks for every span it asks about (one aggregate query per span, the
 * whole window included). Both see the same database in the same fork.
 *
 * <p>Run: {@code mvn -q -pl benchmarks -am package -DskipTests && java -cp "benchmarks/target/classes:$(cat
 * benchmarks/target/classpath.txt)" org.openjdk.jmh.Main SloStatusBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class SloStatusBenchmark {

    static final int CHECKS = 1_000_000;
    static final Duration INTERVAL = Duration.ofSeconds(30);
    static final String ACCOUNT = "acc_bench";
    static final String MONITOR = "mon_bench";

    private SloEngine engine;
    private JdbiStorage storage;
    private Slo slo;
    private Instant now;
    private Instant first;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        String url = "jdbc:h2:mem:slo" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        DataSource dataSource = Databases.dataSource(url);
        storage = JdbiStorage.create(dataSource);
        now = Instant.parse("2026-11-25T12:00:00Z");
        first = now.minus(INTERVAL.multipliedBy(CHECKS));
        storage.accounts().insert(new Account(ACCOUNT, "Bench", Plan.DEFAULT, first.minusSeconds(60)));
        storage.monitors().insert(new Monitor(MONITOR, ACCOUNT, "Bench", new MonitorTarget.Website(
                "https://bench.example", null, List.of(200)), 30, 5_000, 2, List.of(), false, MonitorStatus.UP, 0,
                null, null, null, null, null, first.minusSeconds(60), first.minusSeconds(60)));
        long started = System.nanoTime();
        bulkInsert(dataSource);
        long inserted = System.nanoTime();
        slo = new Slo("slo_bench", ACCOUNT, MONITOR, "Year", null, Slo.Sli.AVAILABILITY, new BigDecimal("99.9"),
                new Slo.Window.Rolling(365), null, true, true, Slo.BurnAlertPolicy.BALANCED, now, now);
        storage.slos().insert(slo);
        CoreContext context = new CoreContext(storage, Clock.fixed(now, ZoneOffset.UTC),
                new Ids(Clock.fixed(now, ZoneOffset.UTC)), unusedExecutor(), Plan.DEFAULT, "http://localhost");
        engine = new SloEngine(context);
        engine.backfill(slo, now);
        long built = System.nanoTime();
        System.err.printf("setup: %,d checks inserted in %d ms, rollups built in %d ms%n", CHECKS,
                (inserted - started) / 1_000_000, (built - inserted) / 1_000_000);
        SloStatus a = withRollups();
        SloStatus b = rawOnly();
        if (!a.counts().equals(b.counts())) {
            throw new IllegalStateException("rollups and raw disagree: " + a.counts() + " vs " + b.counts());
        }
        System.err.println("counts: " + a.counts() + ", achieved " + a.achievedPercent() + " %, " + a.health());
    }

    /** What get_slo_status computes: rollups for whole days, raw checks for the partial edges. */
    @Benchmark
    public SloStatus withRollups() {
        return engine.status(slo, now);
    }

    /** The baseline: the same math, every span counted from raw checks. */
    @Benchmark
    public SloStatus rawOnly() {
        Instant since = engine.reportingSince(slo);
        return SloMath.status(slo, now, since, span -> {
            DayCounts c = storage.slos().countChecks(slo, span.start(), span.end());
            return new Counts(c.good(), c.valid(), 0);
        }, engine.exclusions(slo, new Span(now.minus(Duration.ofDays(365)), now)));
    }

    private void bulkInsert(DataSource dataSource) throws SQLException {
        SplittableRandom random = new SplittableRandom(42);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO check_results (id, account_id, monitor_id, status, response_time_ms, status_code, "
                        + "checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < CHECKS; i++) {
                boolean up = random.nextInt(1_000) != 0;
                ps.setString(1, String.format("chk_%08d", i));
                ps.setString(2, ACCOUNT);
                ps.setString(3, MONITOR);
                ps.setString(4, up ? "UP" : "DOWN");
                ps.setInt(5, 40 + random.nextInt(400));
                ps.setInt(6, up ? 200 : 503);
                ps.setObject(7, OffsetDateTime.ofInstant(first.plus(INTERVAL.multipliedBy(i)), ZoneOffset.UTC));
                ps.addBatch();
                if (i % 10_000 == 9_999) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }

    private static CheckExecutor unusedExecutor() {
        return (target, timeout) -> {
            throw new UnsupportedOperationException("the benchmark runs no checks");
        };
    }
}
