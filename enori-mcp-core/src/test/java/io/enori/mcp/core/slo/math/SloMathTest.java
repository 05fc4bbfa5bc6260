package io.enori.mcp.core.slo.math;

import static io.enori.mcp.core.slo.math.VerdictHistory.slo;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.Slo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloMathTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Slo.Window ROLLING_30 = new Slo.Window.Rolling(30);
    private static final Slo.Window MONTHLY = new Slo.Window.Calendar(Slo.CalendarCycle.MONTHLY);

    @Test
    void thirtyBadOutOf43200MinuteChecksAchieves99point9306AndBurns69point44Percent() {
        Instant now = Instant.parse("2026-11-25T00:00:00Z");
        Instant from = now.minus(Duration.ofDays(30));
        // one bad check a day: 30 of 43 200
        VerdictHistory history = new VerdictHistory()
                .every(MINUTE, from, now, i -> i % 1440 == 0 ? Verdict.BAD : Verdict.GOOD);
        Slo slo = slo("99.9", ROLLING_30, Slo.BurnAlertPolicy.BALANCED);

        SloStatus status = SloMath.status(slo, now, from.minus(Duration.ofDays(5)), history, Exclusions.NONE);

        assertThat(status.counts()).isEqualTo(new Counts(43_170, 43_200, 0));
        assertThat(status.noData()).isFalse();
        assertThat(status.coveragePercent()).isEqualTo(100.0);
        assertThat(status.achievedPercent()).isEqualTo(99.9306);
        assertThat(status.budgetBurnedPercent()).isEqualTo(69.44);
        assertThat(status.budgetRemainingPercent()).isEqualTo(30.56);
        assertThat(status.errorBudgetPercent()).isEqualTo(0.1);
        assertThat(status.burnRate1h()).isEqualTo(0.0);
        assertThat(status.exhaustionEta()).isNull();
        assertThat(status.onTrack()).isTrue();
        assertThat(status.alerts()).extracting(BurnAlert::name).containsExactly("fast_1h", "fast_6h", "slow_3d");
        assertThat(status.alerts()).noneMatch(BurnAlert::firing);
        assertThat(status.health()).isEqualTo(SloStatus.Health.GREEN);
        assertThat(status.explanation()).isEqualTo("on track: 69.44 % of budget spent, 100 % of the window elapsed");
    }

    @Test
    void aFiveNinesTargetRoundTripsAndItsBudgetIsOneHundredThousandth() {
        Slo slo = slo("99.999", ROLLING_30, Slo.BurnAlertPolicy.NONE);
        assertThat(slo.target().toPlainString()).isEqualTo("99.999");
        assertThat(slo.errorBudget()).isEqualTo(0.00001);
        assertThat(Numbers.budget(slo)).isEqualByComparingTo(new BigDecimal("0.00001"));

        Instant now = Instant.parse("2026-11-25T00:00:00Z");
        SloStatus status = SloMath.status(slo, now, null, new VerdictHistory(), Exclusions.NONE);
        assertThat(status.target()).isEqualTo(new BigDecimal("99.999"));
        assertThat(status.target().toPlainString()).isEqualTo("99.999");
        assertThat(status.errorBudgetPercent()).isEqualTo(0.001);
    }

    @Test
    void oneBadCheckInTheFirstHourOfAMonthIsProjectedNotThousandsOfPercent() {
        Instant monthStart = Instant.parse("2026-11-01T00:00:00Z"); // November: 720 h
        Instant now = monthStart.plus(Duration.ofHours(1));
        VerdictHistory history = new VerdictHistory()
                .every(MINUTE, monthStart, now, i -> i == 0 ? Verdict.BAD : Verdict.GOOD);
        Slo slo = slo("99.9", MONTHLY, Slo.BurnAlertPolicy.NONE);

        SloStatus status = SloMath.status(slo, now, Instant.parse("2026-01-01T00:00:00Z"), history, Exclusions.NONE);

        // unprojected this would be (1/60)/0.001 = 1666.67 %; projected: 1 / (0.001 × 60 × 720) = 2.31 %
        assertThat(status.budgetBurnedPercent()).isEqualTo(2.31);
        assertThat(status.budgetRemainingPercent()).isEqualTo(97.69);
        assertThat(status.achievedPercent()).isEqualTo(98.3333);
        assertThat(status.window().length()).isEqualTo(Duration.ofHours(720));
        assertThat(status.burnRate1h()).isEqualTo(16.67);
        // remaining × window / rate = (42.2/43.2) × 720 h / (1/0.06) = 42.2 h
        assertThat(status.exhaustionEta()).isEqualTo(Instant.parse("2026-11-02T19:12:00Z"));
        assertThat(status.onTrack()).isFalse();
        assertThat(status.health()).isEqualTo(SloStatus.Health.GREEN);
        assertThat(status.explanation())
                .isEqualTo("burning faster than the linear ideal: 2.31 % of budget spent, 0.14 % of the window elapsed");
    }

    @Test
    void noExhaustionEtaWhenTheCalendarWindowEndsFirst() {
        Instant now = Instant.parse("2026-11-30T23:00:00Z");
        VerdictHistory history = new VerdictHistory().every(MINUTE, Instant.parse("2026-11-01T00:00:00Z"), now,
                i -> i == 43_100 ? Verdict.BAD : Verdict.GOOD); // one bad check in the last hour
        SloStatus status = SloMath.status(slo("99.9", MONTHLY, Slo.BurnAlertPolicy.NONE), now,
                Instant.parse("2026-01-01T00:00:00Z"), history, Exclusions.NONE);
        // 16.67× would spend the rest of the budget in ~43 h, but the month ends in 1 h
        assertThat(status.burnRate1h()).isEqualTo(16.67);
        assertThat(status.exhaustionEta()).isNull();
    }

    @Test
    void noExhaustionEtaForARollingWindowWhenItIsAWholeWindowAway() {
        Instant now = Instant.parse("2026-11-25T00:00:00Z");
        Instant since = now.minus(Duration.ofHours(1));
        // a check every 3 s for the last hour, one bad: 1/1200 at a 0.1 % budget → 0.83×
        VerdictHistory history = new VerdictHistory().every(Duration.ofSeconds(3), since, now,
                i -> i == 600 ? Verdict.BAD : Verdict.GOOD);
        SloStatus status = SloMath.status(slo("99.9", ROLLING_30, Slo.BurnAlertPolicy.NONE), now, since, history,
                Exclusions.NONE);
        assertThat(status.burnRate1h()).isEqualTo(0.83);
        // 99.88 % of the budget left at 0.83× is ~863 h away, beyond the 720 h window: every event measured now
        // will have aged out by then
        assertThat(status.budgetRemainingPercent()).isEqualTo(99.88);
        assertThat(status.exhaustionEta()).isNull();
    }

    @Test
    void noValidEventsIsNoDataWithNullFiguresNeverNaN() {
        Instant now = Instant.parse("2026-11-25T00:00:00Z");
        VerdictHistory onlyExcluded = new VerdictHistory()
                .every(MINUTE, now.minus(Duration.ofHours(2)), now, i -> Verdict.EXCLUDED);
        Slo slo = slo("99.9", ROLLING_30, Slo.BurnAlertPolicy.BALANCED);

        for (SloStatus status : List.of(
                SloMath.status(slo, now, null, new VerdictHistory(), Exclusions.NONE),
                SloMath.status(slo, now, now.minus(Duration.ofHours(2)), onlyExcluded, Exclusions.NONE))) {
            assertThat(status.noData()).isTrue();
            assertThat(status.achievedPercent()).isNull();
            assertThat(status.budgetBurnedPercent()).isNull();
            assertThat(status.budgetRemainingPercent()).isNull();
            assertThat(status.burnRate1h()).isNull();
            assertThat(status.exhaustionEta()).isNull();
            assertThat(status.coveragePercent()).isEqualTo(0.0);
            assertThat(status.health()).isEqualTo(SloStatus.Health.GREEN);
            assertThat(status.explanation()).startsWith("no data");
            assertThat(status.alerts()).noneMatch(BurnAlert::firing)
                    .allSatisfy(a -> assertThat(a.longBurnRate()).isNull());
        }
        PeriodReport report = SloMath.report(slo, SloWindows.current(ROLLING_30, now), now, null,
                new VerdictHistory(), Exclusions.NONE);
        assertThat(report.noData()).isTrue();
        assertThat(report.achievedPercent()).isNull();
        assertThat(report.budgetBurnedPercent()).isNull();
        assertThat(report.met()).isNull();
        assertThat(report.budgetExhausted()).isFalse();
    }

    @Test
    void aMonthlyWindowThreeDaysInHasElapsedThreeThirtiethsOrThreeThirtyFirsts() {
        Slo slo = slo("99.9", MONTHLY, Slo.BurnAlertPolicy.NONE);
        Instant since = Instant.parse("2026-01-01T00:00:00Z");

        Instant novFirst = Instant.parse("2026-11-01T00:00:00Z");
        Instant nov4 = novFirst.plus(Duration.ofDays(3));
        VerdictHistory nov = new VerdictHistory().every(MINUTE, novFirst, nov4, i -> i % 1440 == 7 ? Verdict.BAD : Verdict.GOOD);
        SloStatus november = SloMath.status(slo, nov4, since, nov, Exclusions.NONE);
        // 3 bad / (0.001 × 4320 × 30/3) = 6.94 %
        assertThat(november.budgetBurnedPercent()).isEqualTo(6.94);
        assertThat(november.onTrack()).isTrue();
        assertThat(november.explanation()).isEqualTo("on track: 6.94 % of budget spent, 10 % of the window elapsed");

        Instant decFirst = Instant.parse("2026-12-01T00:00:00Z");
        Instant dec4 = decFirst.plus(Duration.ofDays(3));
        VerdictHistory dec = new VerdictHistory().every(MINUTE, decFirst, dec4, i -> i % 1440 == 7 ? Verdict.BAD : Verdict.GOOD);
        SloStatus december = SloMath.status(slo, dec4, since, dec, Exclusions.NONE);
        // 3 bad / (0.001 × 4320 × 31/3) = 6.72 %
        assertThat(december.budgetBurnedPercent()).isEqualTo(6.72);
        assertThat(december.explanation()).isEqualTo("on track: 6.72 % of budget spent, 9.68 % of the window elapsed");
        assertThat(december.window().end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void aMonitorThatBeganReportingMidWindowIsProjectedFromThen() {
        Instant now = Instant.parse("2026-11-25T00:00:00Z");
        Instant since = now.minus(Duration.ofDays(3));
        VerdictHistory history = new VerdictHistory().every(MINUTE, since, now, i -> i < 3 ? Verdict.BAD : Verdict.GOOD);
        SloStatus status = SloMath.status(slo("99.9", ROLLING_30, Slo.BurnAlertPolicy.NONE), now, since, history,
                Exclusions.NONE);
        assertThat(status.coveragePercent()).isEqualTo(10.0);
        // 3 / (0.001 × 4320 × 30/3) = 6.94 %
        assertThat(status.budgetBurnedPercent()).isEqualTo(6.94);
    }

    @Test
    void exhaustedBudgetIsRedAndTheReportSaysNotMet() {
        Instant now = Instant.parse("2026-11-25T00:00:00Z");
        Instant from = now.minus(Duration.ofDays(7));
        // exactly the budget: 10 080 checks at 99.9 allow 10.08 bad; 11 bad exhausts it
        VerdictHistory history = new VerdictHistory()
                .every(MINUTE, from, now, i -> i % 900 == 0 && i < 9900 ? Verdict.BAD : Verdict.GOOD);
        Slo slo = slo("99.9", new Slo.Window.Rolling(7), Slo.BurnAlertPolicy.NONE);
        SloStatus status = SloMath.status(slo, now, from, history, Exclusions.NONE);
        assertThat(status.counts().bad()).isEqualTo(11);
        assertThat(status.budgetBurnedPercent()).isEqualTo(109.13);
        assertThat(status.budgetRemainingPercent()).isEqualTo(-9.13);
        assertThat(status.health()).isEqualTo(SloStatus.Health.RED);
        assertThat(status.explanation()).startsWith("budget exhausted: 109.13 % of budget spent, achieved 99.8909 %");
        PeriodReport report = SloMath.report(slo, status.window(), now, from, history, Exclusions.NONE);
        assertThat(report.met()).isFalse();
        assertThat(report.budgetExhausted()).isTrue();
        assertThat(report.achievedPercent()).isEqualTo(99.8909);
    }

    @Test
    void lessThanAQuarterOfBudgetLeftIsAmber() {
        Instant now = Instant.parse("2026-11-25T00:00:00Z");
        Instant from = now.minus(Duration.ofDays(7));
        // 8 bad of 10 080 at 99.9: 79.37 % burned
        VerdictHistory history = new VerdictHistory()
                .every(MINUTE, from, now, i -> i % 1000 == 0 && i < 8000 ? Verdict.BAD : Verdict.GOOD);
        SloStatus status = SloMath.status(slo("99.9", new Slo.Window.Rolling(7), Slo.BurnAlertPolicy.NONE), now,
                from, history, Exclusions.NONE);
        assertThat(status.budgetBurnedPercent()).isEqualTo(79.37);
        assertThat(status.health()).isEqualTo(SloStatus.Health.AMBER);
        assertThat(status.explanation()).isEqualTo("low budget: 20.63 % of budget remaining");
    }

    @Test
    void aPastPeriodIsReportedWhole() {
        Slo slo = slo("99.9", MONTHLY, Slo.BurnAlertPolicy.NONE);
        Span october = new Span(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"));
        VerdictHistory history = new VerdictHistory()
                .every(MINUTE, october.start(), october.end(), i -> i < 20 ? Verdict.BAD : Verdict.GOOD);
        PeriodReport report = SloMath.report(slo, october, Instant.parse("2026-11-25T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"), history, Exclusions.NONE);
        // 44 640 minutes, 20 bad: 99.9552 %, 20 / 44.64 = 44.80 %
        assertThat(report.counts()).isEqualTo(new Counts(44_620, 44_640, 0));
        assertThat(report.achievedPercent()).isEqualTo(99.9552);
        assertThat(report.budgetBurnedPercent()).isEqualTo(44.8);
        assertThat(report.met()).isTrue();
        assertThat(report.coveragePercent()).isEqualTo(100.0);
        assertThat(SloWindows.previous(slo.window(), october).start()).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
    }

    @Test
    void overlappingExclusionsAreCountedOnceAndClippedToTheSpan() {
        Instant day = Instant.parse("2026-11-25T00:00:00Z");
        Exclusions exclusions = new Exclusions(List.of(
                new Span(day.plus(Duration.ofMinutes(600)), day.plus(Duration.ofMinutes(660))),   // 10:00-11:00
                new Span(day.plus(Duration.ofMinutes(630)), day.plus(Duration.ofMinutes(720))),   // 10:30-12:00
                new Span(day.plus(Duration.ofMinutes(660)), day.plus(Duration.ofMinutes(675))),   // 11:00-11:15
                new Span(day.plus(Duration.ofMinutes(780)), day.plus(Duration.ofMinutes(810))))); // 13:00-13:30
        assertThat(exclusions.minutesWithin(new Span(day, day.plus(Duration.ofDays(1))))).isEqualTo(150.0);
        assertThat(exclusions.minutesWithin(new Span(day.plus(Duration.ofMinutes(645)), day.plus(Duration.ofMinutes(790)))))
                .isEqualTo(85.0);
        assertThat(exclusions.minutesWithin(new Span(day, day.plus(Duration.ofMinutes(600))))).isEqualTo(0.0);
        assertThat(Exclusions.NONE.minutesWithin(new Span(day, day.plus(Duration.ofDays(1))))).isEqualTo(0.0);
    }

    @Test
    void excludedChecksCountNeitherGoodNorBadAndTheirMinutesAreReported() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        Instant from = now.minus(Duration.ofDays(7));
        Instant maintenanceStart = now.minus(Duration.ofHours(3));
        Exclusions maintenance = new Exclusions(List.of(
                new Span(maintenanceStart, maintenanceStart.plus(Duration.ofHours(1))),
                new Span(maintenanceStart.plus(Duration.ofMinutes(30)), maintenanceStart.plus(Duration.ofMinutes(90)))));
        Slo slo = slo("99.9", new Slo.Window.Rolling(7), Slo.BurnAlertPolicy.NONE);
        VerdictHistory history = new VerdictHistory();
        List<CheckResult> checks = new ArrayList<>();
        for (Instant t = from; t.isBefore(now); t = t.plus(MINUTE)) {
            // the service is down for the whole maintenance
            boolean down = !t.isBefore(maintenanceStart) && t.isBefore(maintenanceStart.plus(Duration.ofMinutes(90)));
            checks.add(SliClassifierTest.check(t, down ? CheckStatus.DOWN : CheckStatus.UP, 100, null));
        }
        checks.forEach(c -> history.add(c.checkedAt(), SliClassifier.classify(slo, c, maintenance)));

        SloStatus status = SloMath.status(slo, now, from, history, maintenance);

        assertThat(status.counts()).isEqualTo(new Counts(10_080 - 90, 10_080 - 90, 90));
        assertThat(status.excludedMinutes()).isEqualTo(90.0);
        assertThat(status.achievedPercent()).isEqualTo(100.0);
        assertThat(status.budgetBurnedPercent()).isEqualTo(0.0);
    }
}
