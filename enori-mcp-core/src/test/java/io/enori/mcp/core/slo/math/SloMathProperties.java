package io.enori.mcp.core.slo.math;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.Slo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

class SloMathProperties {
    private static final Instant BASE = Instant.parse("2026-01-20T00:00:00Z");
    private static final int HISTORY_SECONDS = 45 * 24 * 3600;

    /** A check at {@code BASE + offset seconds} with a verdict code: 0 good, 1 bad, 2 excluded. */
    record Check(int offsetSeconds, int verdict) {
        Instant at() {
            return BASE.plusSeconds(offsetSeconds);
        }
    }

    @Provide
    Arbitrary<List<Check>> histories() {
        Arbitrary<Integer> offsets = Arbitraries.integers().between(0, HISTORY_SECONDS - 1);
        Arbitrary<Integer> verdicts = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(20, 0), net.jqwik.api.Tuple.of(3, 1), net.jqwik.api.Tuple.of(1, 2));
        // clustered offsets too, so short alert windows see dense bursts
        Arbitrary<Integer> clustered = Arbitraries.integers().between(HISTORY_SECONDS - 3 * 3600, HISTORY_SECONDS - 1);
        return Combinators.combine(Arbitraries.oneOf(offsets, clustered), verdicts).as(Check::new)
                .list().ofMinSize(20).ofMaxSize(400);
    }

    @Provide
    Arbitrary<Slo.Window> windows() {
        return Arbitraries.oneOf(
                Arbitraries.of(7, 28, 30, 90, 365).map(Slo.Window.Rolling::new),
                Arbitraries.of(Slo.CalendarCycle.class).map(Slo.Window.Calendar::new));
    }

    @Provide
    Arbitrary<String> targets() {
        return Arbitraries.of("90", "95.5", "99", "99.5", "99.9", "99.95", "99.99", "99.999");
    }

    private static VerdictHistory history(List<Check> checks) {
        VerdictHistory history = new VerdictHistory();
        checks.stream().sorted((a, b) -> Integer.compare(a.offsetSeconds(), b.offsetSeconds()))
                .forEach(c -> history.add(c.at(), Verdict.values()[c.verdict()]));
        return history;
    }

    private static Slo slo(String target, Slo.Window window) {
        return VerdictHistory.slo(target, window, Slo.BurnAlertPolicy.BALANCED);
    }

    @Property(tries = 300)
    void achievedStaysWithin0And100AndNothingIsNaN(@ForAll("histories") List<Check> checks,
                                                  @ForAll("windows") Slo.Window window,
                                                  @ForAll("targets") String target,
                                                  @ForAll @IntRange(min = 0, max = HISTORY_SECONDS) int nowOffset,
                                                  @ForAll @IntRange(min = -HISTORY_SECONDS, max = HISTORY_SECONDS) int sinceOffset) {
        SloStatus status = SloMath.status(slo(target, window), BASE.plusSeconds(nowOffset),
                BASE.plusSeconds(sinceOffset), history(checks), Exclusions.NONE);
        if (status.noData()) {
            assertThat(status.achievedPercent()).isNull();
            assertThat(status.budgetBurnedPercent()).isNull();
        } else {
            assertThat(status.achievedPercent()).isBetween(0.0, 100.0);
            assertThat(status.budgetBurnedPercent()).isNotNaN().isGreaterThanOrEqualTo(0.0);
            assertThat(status.budgetRemainingPercent()).isNotNaN();
        }
        assertThat(status.coveragePercent()).isBetween(0.0, 100.0);
        if (status.burnRate1h() != null) {
            assertThat(status.burnRate1h()).isNotNaN().isGreaterThanOrEqualTo(0.0);
        }
    }

    @Property(tries = 300)
    void budgetBurnedNeverFallsWhenGoodChecksTurnBad(@ForAll("histories") List<Check> checks,
                                                     @ForAll("windows") Slo.Window window,
                                                     @ForAll("targets") String target,
                                                     @ForAll @Size(max = 50) List<@IntRange(min = 0, max = 399) Integer> flips,
                                                     @ForAll @IntRange(min = 0, max = HISTORY_SECONDS) int sinceOffset) {
        List<Check> worse = new ArrayList<>(checks);
        for (int f : flips) {
            if (f < worse.size() && worse.get(f).verdict() == 0) {
                worse.set(f, new Check(worse.get(f).offsetSeconds(), 1));
            }
        }
        Slo slo = slo(target, window);
        Instant now = BASE.plusSeconds(HISTORY_SECONDS);
        Instant since = BASE.plusSeconds(sinceOffset);
        SloStatus before = SloMath.status(slo, now, since, history(checks), Exclusions.NONE);
        SloStatus after = SloMath.status(slo, now, since, history(worse), Exclusions.NONE);
        assertThat(after.noData()).isEqualTo(before.noData());
        if (!before.noData()) {
            assertThat(after.budgetBurnedPercent()).isGreaterThanOrEqualTo(before.budgetBurnedPercent());
            assertThat(after.achievedPercent()).isLessThanOrEqualTo(before.achievedPercent());
        }
    }

    @Property(tries = 300)
    void moreExclusionsNeverTurnAGoodCheckBad(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 86_399) Integer> checkSeconds,
                                              @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 3) Integer> outcomes,
                                              @ForAll @Size(max = 5) List<@IntRange(min = 0, max = 86_399) Integer> spanStarts,
                                              @ForAll @Size(max = 5) List<@IntRange(min = 0, max = 86_399) Integer> extraStarts,
                                              @ForAll @IntRange(min = 1, max = 7200) int spanSeconds,
                                              @ForAll Slo.Sli sli) {
        Slo slo = new Slo("slo_1", "acc_1", "mon_1", "s", null, sli, new BigDecimal("99.9"),
                new Slo.Window.Rolling(7), sli == Slo.Sli.LATENCY ? 300 : null, true, true,
                Slo.BurnAlertPolicy.NONE, BASE, BASE);
        List<Span> fewer = spanStarts.stream()
                .map(s -> new Span(BASE.plusSeconds(s), BASE.plusSeconds(s + spanSeconds))).toList();
        List<Span> more = new ArrayList<>(fewer);
        extraStarts.forEach(s -> more.add(new Span(BASE.plusSeconds(s), BASE.plusSeconds(s + spanSeconds / 2 + 1))));
        Exclusions e1 = new Exclusions(fewer);
        Exclusions e2 = new Exclusions(more);
        long bad1 = 0;
        long bad2 = 0;
        long good1 = 0;
        long good2 = 0;
        for (int i = 0; i < Math.min(checkSeconds.size(), outcomes.size()); i++) {
            int o = outcomes.get(i);
            CheckResult check = SliClassifierTest.check(BASE.plusSeconds(checkSeconds.get(i)),
                    o == 0 ? CheckStatus.DOWN : CheckStatus.UP, o == 1 ? Integer.valueOf(900) : o == 2 ? null : Integer.valueOf(100),
                    o == 1 ? Boolean.FALSE : o == 2 ? null : Boolean.TRUE);
            Verdict v1 = SliClassifier.classify(slo, check, e1);
            Verdict v2 = SliClassifier.classify(slo, check, e2);
            // an exclusion only ever turns a verdict into EXCLUDED, never good into bad (or back)
            assertThat(v2).isIn(v1, Verdict.EXCLUDED);
            if (v1 != Verdict.EXCLUDED) {
                assertThat(v1).isEqualTo(SliClassifier.classify(slo, check, Exclusions.NONE));
            }
            bad1 += v1 == Verdict.BAD ? 1 : 0;
            bad2 += v2 == Verdict.BAD ? 1 : 0;
            good1 += v1 == Verdict.GOOD ? 1 : 0;
            good2 += v2 == Verdict.GOOD ? 1 : 0;
        }
        assertThat(bad2).isLessThanOrEqualTo(bad1);
        assertThat(good2).isLessThanOrEqualTo(good1);
        Span day = new Span(BASE, BASE.plus(Duration.ofDays(2)));
        assertThat(e2.minutesWithin(day)).isGreaterThanOrEqualTo(e1.minutesWithin(day))
                .isLessThanOrEqualTo(fewer.size() * spanSeconds / 60.0 + more.size() * (spanSeconds / 2 + 1) / 60.0);
    }

    /**
     * The storage shape: whole UTC days from per-day rollups, raw checks only for the partial first and last day.
     * Built from the same history, it must give exactly the same status as counting every raw check.
     */
    static final class DayRollupSource implements EventSource {
        private final VerdictHistory raw;
        private final Map<LocalDate, Counts> days = new TreeMap<>();

        DayRollupSource(VerdictHistory raw) {
            this.raw = raw;
            for (SloMath.TimedVerdict v : raw.verdicts()) {
                Counts one = switch (v.verdict()) {
                    case GOOD -> new Counts(1, 1, 0);
                    case BAD -> new Counts(0, 1, 0);
                    case EXCLUDED -> new Counts(0, 0, 1);
                };
                days.merge(v.at().atZone(ZoneOffset.UTC).toLocalDate(), one, Counts::plus);
            }
        }

        @Override
        public Counts count(Span span) {
            LocalDate firstWholeDay = ceilDay(span.start());
            LocalDate endDay = span.end().atZone(ZoneOffset.UTC).toLocalDate(); // days before it are whole
            if (!firstWholeDay.isBefore(endDay)) {
                return raw.count(span);
            }
            Counts total = raw.count(new Span(span.start(), midnight(firstWholeDay)));
            for (LocalDate d = firstWholeDay; d.isBefore(endDay); d = d.plusDays(1)) {
                total = total.plus(days.getOrDefault(d, Counts.ZERO));
            }
            return total.plus(raw.count(new Span(midnight(endDay), span.end())));
        }

        private static LocalDate ceilDay(Instant t) {
            LocalDate d = t.atZone(ZoneOffset.UTC).toLocalDate();
            return midnight(d).equals(t) ? d : d.plusDays(1);
        }

        private static Instant midnight(LocalDate d) {
            return d.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    @Property(tries = 300)
    void dailyRollupsPlusRawEdgesGiveExactlyTheRawStatus(@ForAll("histories") List<Check> checks,
                                                         @ForAll("windows") Slo.Window window,
                                                         @ForAll("targets") String target,
                                                         @ForAll @IntRange(min = HISTORY_SECONDS - 10 * 86_400, max = HISTORY_SECONDS + 86_400) int nowOffset,
                                                         @ForAll @IntRange(min = -HISTORY_SECONDS, max = HISTORY_SECONDS) int sinceOffset,
                                                         @ForAll boolean nowAtMidnight) {
        VerdictHistory raw = history(checks);
        DayRollupSource rollups = new DayRollupSource(raw);
        Slo slo = slo(target, window);
        Instant now = BASE.plusSeconds(nowAtMidnight ? nowOffset / 86_400 * 86_400 : nowOffset);
        Instant since = BASE.plusSeconds(sinceOffset);

        SloStatus viaRollups = SloMath.status(slo, now, since, rollups, Exclusions.NONE);
        Statistics.label("data").collect(viaRollups.noData() ? "no data" : viaRollups.health().name());
        assertThat(viaRollups)
                .isEqualTo(SloMath.status(slo, now, since, raw, Exclusions.NONE));
        Span previous = SloWindows.previous(window, SloWindows.current(window, now));
        assertThat(SloMath.report(slo, previous, now, since, rollups, Exclusions.NONE))
                .isEqualTo(SloMath.report(slo, previous, now, since, raw, Exclusions.NONE));
        assertThat(rollups.count(new Span(BASE.minus(Duration.ofDays(1)), now)))
                .isEqualTo(raw.count(new Span(BASE.minus(Duration.ofDays(1)), now)));
    }

    @Property(tries = 200)
    void everyFiringAgreesWithTheStatusAtItsStartAndEnd(@ForAll("histories") List<Check> checks,
                                                        @ForAll("targets") String target,
                                                        @ForAll @IntRange(min = 0, max = HISTORY_SECONDS) int rangeStart) {
        Slo slo = slo(target, new Slo.Window.Rolling(30));
        VerdictHistory history = history(checks);
        Span range = new Span(BASE.plusSeconds(rangeStart), BASE.plusSeconds(HISTORY_SECONDS + 7 * 86_400));
        List<SloMath.Firing> firings = SloMath.firings(slo, range, history.verdicts());
        Statistics.label("firings").collect(firings.isEmpty() ? "none" : "some");
        for (SloMath.Firing f : firings) {
            // the sweep's windows (x − L, x] are what status sees just after x
            assertThat(firing(slo, f.start().plusNanos(1), history, f.alert())).isTrue();
            if (f.end() != null) {
                assertThat(f.end()).isAfter(f.start());
                assertThat(firing(slo, f.end().plusNanos(1), history, f.alert())).isFalse();
            }
        }
    }

    private static boolean firing(Slo slo, Instant now, VerdictHistory history, String alert) {
        return SloMath.status(slo, now, BASE, history, Exclusions.NONE).alerts().stream()
                .filter(a -> a.name().equals(alert)).findFirst().orElseThrow().firing();
    }
}
