package io.enori.mcp.core.slo;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Account;
import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.MaintenanceWindow;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorStatus;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Slo;
import io.enori.mcp.api.spi.SloStore.DayCounts;
import io.enori.mcp.api.spi.SloStore.DayRollup;
import io.enori.mcp.api.spi.Storage;
import io.enori.mcp.core.slo.math.Counts;
import io.enori.mcp.core.slo.math.EventSource;
import io.enori.mcp.core.slo.math.Exclusions;
import io.enori.mcp.core.slo.math.SliClassifier;
import io.enori.mcp.core.slo.math.SloMath;
import io.enori.mcp.core.slo.math.SloStatus;
import io.enori.mcp.core.slo.math.Span;
import io.enori.mcp.core.slo.math.Verdict;
import io.enori.mcp.core.store.TestStorage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rollups plus raw edges count exactly what classifying every raw check counts: over a seeded random history of
 * twelve days with a pause (checks still landing through check_now while paused) and a maintenance window created
 * after the checks it covers, for every SLI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SloRollupEquivalenceTest {

    private static final String ACCOUNT = "acc_1";
    private static final Instant START = Instant.parse("2026-11-01T07:13:21.250Z");
    private static final Instant NOW = START.plus(Duration.ofDays(12)).plusSeconds(4_321);
    private static final Instant PAUSED_AT = START.plus(Duration.ofDays(3)).plusSeconds(5_000);
    private static final Instant RESUMED_AT = PAUSED_AT.plus(Duration.ofHours(30));
    private static final Instant MW_START = START.plus(Duration.ofDays(7)).plusSeconds(77);
    private static final Instant MW_END = MW_START.plus(Duration.ofHours(9));

    private Storage storage;
    private SloEngine engine;
    private Monitor monitor;
    private final List<CheckResult> checks = new ArrayList<>();

    @BeforeAll
    void history() {
        storage = TestStorage.freshH2();
        engine = new SloEngine(storage);
        storage.accounts().insert(new Account(ACCOUNT, "One", Plan.DEFAULT, START.minusSeconds(60)));
        monitor = new Monitor("mon_1", ACCOUNT, "Shop", new MonitorTarget.Website("https://shop.example", "ok",
                List.of(200)), 300, 5_000, 2, List.of(), false, MonitorStatus.PENDING, 0, null, null, null, null, null,
                START.minusSeconds(60), START.minusSeconds(60));
        storage.monitors().insert(monitor);
        for (Slo slo : slos()) {
            storage.slos().insert(slo);
        }
        Random random = new Random(20261125L);
        boolean pauseRecorded = false;
        boolean resumeRecorded = false;
        int n = 0;
        for (Instant t = START; t.isBefore(NOW); t = t.plusSeconds(240 + random.nextInt(240))) {
            if (!pauseRecorded && !t.isBefore(PAUSED_AT)) {
                storage.monitorPauses().paused(ACCOUNT, monitor.id(), PAUSED_AT);
                pauseRecorded = true;
            }
            if (!resumeRecorded && !t.isBefore(RESUMED_AT)) {
                storage.monitorPauses().resumed(ACCOUNT, monitor.id(), RESUMED_AT);
                resumeRecorded = true;
            }
            boolean up = random.nextInt(10) > 0;
            Integer ms = random.nextInt(20) == 0 ? null : 50 + random.nextInt(900);
            Boolean matched = random.nextInt(3) == 0 ? null : random.nextInt(8) > 0;
            CheckResult check = new CheckResult("chk_" + (n++), ACCOUNT, monitor.id(),
                    up ? CheckStatus.UP : CheckStatus.DOWN, ms, up ? 200 : 503, null, matched, null, null, t);
            storage.checkResults().insert(check);
            engine.onCheck(monitor, check);
            checks.add(check);
        }
        // Created after its checks were counted: the planner's hook rebuilds the days it reaches back over.
        MaintenanceWindow window = new MaintenanceWindow("mw_1", ACCOUNT, "db upgrade", MW_START, MW_END, List.of(),
                "key_1", NOW);
        storage.maintenanceWindows().insert(window);
        engine.onMaintenanceWindow(window, NOW);
    }

    @Test
    void rollupDaysEqualEveryRawCheckClassifiedPerDay() {
        for (Slo slo : slos()) {
            Exclusions all = engine.exclusions(slo, new Span(START.minus(Duration.ofDays(1)), NOW));
            Map<LocalDate, long[]> expected = new HashMap<>();
            for (CheckResult c : checks) {
                long[] gve = expected.computeIfAbsent(LocalDate.ofInstant(c.checkedAt(), ZoneOffset.UTC),
                        d -> new long[3]);
                add(gve, SliClassifier.classify(slo, c, all));
            }
            List<DayRollup> days = storage.slos().days(ACCOUNT, slo.id(), LocalDate.of(2026, 1, 1),
                    LocalDate.of(2027, 1, 1));
            assertThat(days).hasSize(expected.size());
            for (DayRollup day : days) {
                long[] gve = expected.get(day.day());
                assertThat(day.counts()).as(slo.id() + " " + day.day()).isEqualTo(new DayCounts(gve[0], gve[1], gve[2]));
            }
        }
    }

    @Test
    void storedEventSourceCountsEqualBruteForceOverAlignedAndUnalignedSpans() {
        Random random = new Random(7L);
        for (Slo slo : slos()) {
            Span everything = new Span(START.minus(Duration.ofDays(1)), NOW);
            Exclusions all = engine.exclusions(slo, everything);
            StoredEventSource stored = new StoredEventSource(storage, slo, everything, all);
            List<Span> spans = new ArrayList<>(List.of(everything, new Span(NOW.minus(Duration.ofDays(7)), NOW),
                    new Span(MW_START.minusSeconds(3_600), MW_END.plusSeconds(3_600)),
                    new Span(PAUSED_AT, RESUMED_AT), new Span(NOW.minusSeconds(3_600), NOW),
                    new Span(Instant.parse("2026-11-05T00:00:00Z"), Instant.parse("2026-11-09T00:00:00Z"))));
            for (int i = 0; i < 20; i++) {
                Instant a = START.plusSeconds(random.nextInt(12 * 86_400));
                spans.add(new Span(a, a.plusSeconds(random.nextInt(5 * 86_400))));
            }
            for (Span span : spans) {
                assertThat(stored.count(span)).as(slo.id() + " " + span).isEqualTo(brute(slo, all, span));
            }
        }
    }

    @Test
    void statusFromRollupsEqualsStatusFromEveryRawCheck() {
        for (Slo slo : slos()) {
            SloStatus fromRollups = engine.status(slo, NOW);
            Exclusions all = engine.exclusions(slo, new Span(START.minus(Duration.ofDays(40)), NOW));
            SloStatus fromRaw = SloMath.status(slo, NOW, START, span -> brute(slo, all, span), all);
            assertThat(fromRollups).as(slo.id()).isEqualTo(fromRaw);
            assertThat(fromRollups.counts().excludedChecks()).as(slo.id()).isPositive();
        }
    }

    @Test
    void backfillRebuildsTheSameRollupsAsCountingCheckByCheck() {
        for (Slo slo : slos()) {
            List<DayRollup> incremental = storage.slos().days(ACCOUNT, slo.id(), LocalDate.of(2026, 1, 1),
                    LocalDate.of(2027, 1, 1));
            Slo copy = new Slo(slo.id() + "_copy", ACCOUNT, monitor.id(), slo.name(), null, slo.sli(), slo.target(),
                    slo.window(), slo.latencyThresholdMs(), slo.excludeMaintenance(), slo.excludePaused(),
                    slo.burnAlertPolicy(), NOW, NOW);
            storage.slos().insert(copy);

            engine.backfill(copy, NOW);

            // Bounded to the window's length (7-day rolling: 8 days back from today, the partial first included).
            List<DayRollup> backfilled = storage.slos().days(ACCOUNT, copy.id(), LocalDate.of(2026, 1, 1),
                    LocalDate.of(2027, 1, 1));
            LocalDate first = slo.window() instanceof Slo.Window.Rolling r && r.days() < 12
                    ? LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(r.days()) : incremental.get(0).day();
            assertThat(backfilled).isNotEmpty().isEqualTo(incremental.stream().filter(d -> !d.day().isBefore(first))
                    .toList());
            // Before the horizon there are no rollups; counts over the whole history still match (read raw there).
            Span everything = new Span(START.minus(Duration.ofDays(1)), NOW);
            Exclusions all = engine.exclusions(copy, everything);
            assertThat(new StoredEventSource(storage, copy, everything, all).count(everything))
                    .isEqualTo(brute(copy, all, everything));
            assertThat(engine.report(copy, new Span(START, START.plus(Duration.ofDays(2))), NOW).counts())
                    .isEqualTo(brute(copy, all, new Span(START, START.plus(Duration.ofDays(2)))));
        }
    }

    @Test
    void firingsReadTheSameVerdictsAsTheRawHistory() {
        Slo slo = slos().get(0);
        Span range = new Span(START, NOW);
        Exclusions all = engine.exclusions(slo, new Span(START.minus(Duration.ofDays(3)), NOW));
        List<SloMath.TimedVerdict> history = checks.stream()
                .map(c -> new SloMath.TimedVerdict(c.checkedAt(), SliClassifier.classify(slo, c, all))).toList();

        assertThat(engine.firings(slo, range)).isEqualTo(SloMath.firings(slo, range, history));
        assertThat(engine.reportingSince(slo)).isEqualTo(START);
    }

    private Counts brute(Slo slo, Exclusions exclusions, Span span) {
        long[] gve = new long[3];
        for (CheckResult c : checks) {
            if (span.contains(c.checkedAt())) {
                add(gve, SliClassifier.classify(slo, c, exclusions));
            }
        }
        return new Counts(gve[0], gve[1], gve[2]);
    }

    private static void add(long[] gve, Verdict v) {
        switch (v) {
            case GOOD -> {
                gve[0]++;
                gve[1]++;
            }
            case BAD -> gve[1]++;
            case EXCLUDED -> gve[2]++;
        }
    }

    private static List<Slo> slos() {
        Instant created = START.minusSeconds(30);
        return List.of(
                new Slo("slo_avail", ACCOUNT, "mon_1", "avail", null, Slo.Sli.AVAILABILITY, new BigDecimal("99.5"),
                        new Slo.Window.Rolling(30), null, true, true, Slo.BurnAlertPolicy.BALANCED, created, created),
                new Slo("slo_latency", ACCOUNT, "mon_1", "latency", null, Slo.Sli.LATENCY, new BigDecimal("95"),
                        new Slo.Window.Rolling(7), 400, true, false, Slo.BurnAlertPolicy.FAST, created, created),
                new Slo("slo_content", ACCOUNT, "mon_1", "content", null, Slo.Sli.CONTENT_MATCH,
                        new BigDecimal("90.125"), new Slo.Window.Calendar(Slo.CalendarCycle.MONTHLY), null, false,
                        true, Slo.BurnAlertPolicy.SLOW, created, created));
    }
}
