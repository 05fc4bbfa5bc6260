package io.enori.mcp.core.slo.math;

import static io.enori.mcp.core.slo.math.VerdictHistory.slo;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Slo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloBurnAlertTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Slo.Window ROLLING_30 = new Slo.Window.Rolling(30);
    private static final Instant T0 = Instant.parse("2026-11-20T12:00:00Z");
    private static final Instant SINCE = T0.minus(Duration.ofDays(40));

    /**
     * Target 99 (budget 1 %), one check a minute: a 30-day window allows 432 bad checks. A flapping outage makes
     * every fifth check bad from T0 to T0+50 min: 11 bad checks = 2.55 % of the budget in 50 minutes.
     */
    private static VerdictHistory flappingOutage() {
        return new VerdictHistory().every(MINUTE, SINCE, T0.plus(Duration.ofHours(2)), i -> {
            long fromT0 = i - Duration.between(SINCE, T0).toMinutes();
            return fromT0 >= 0 && fromT0 <= 50 && fromT0 % 5 == 0 ? Verdict.BAD : Verdict.GOOD;
        });
    }

    private static BurnAlert alert(SloStatus status, String name) {
        return status.alerts().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void spendingTwoAndAHalfPercentOfA30DayBudgetIn50MinutesFiresFast1h() {
        Slo slo = slo("99", ROLLING_30, Slo.BurnAlertPolicy.BALANCED);
        Instant now = T0.plus(Duration.ofMinutes(51));

        SloStatus status = SloMath.status(slo, now, SINCE, flappingOutage(), Exclusions.NONE);

        assertThat(status.budgetBurnedPercent()).isEqualTo(2.55);
        BurnAlert fast1h = alert(status, "fast_1h");
        // last hour: 11 bad of 60 → (11/60)/0.01 = 18.33×; last 5 min: 1 of 5 → 20×; threshold 14.4×
        assertThat(fast1h.threshold()).isEqualTo(14.4);
        assertThat(fast1h.longBurnRate()).isEqualTo(18.33);
        assertThat(fast1h.shortBurnRate()).isEqualTo(20.0);
        assertThat(fast1h.firing()).isTrue();
        assertThat(fast1h.explanation()).startsWith("fast burn: 2.55 % of budget spent in the last hour, threshold 2 %");
        assertThat(alert(status, "fast_6h").firing()).isFalse();
        assertThat(alert(status, "slow_3d").firing()).isFalse();
        assertThat(status.burnRate1h()).isEqualTo(18.33);
        assertThat(status.health()).isEqualTo(SloStatus.Health.RED);
        assertThat(status.explanation()).startsWith("fast burn: 2.55 % of budget spent in the last hour");
        // (1 − 0.0255) × 720 h / 18.33 ≈ 38.3 h ahead, inside one window length
        assertThat(status.exhaustionEta()).isBetween(now.plus(Duration.ofHours(38)), now.plus(Duration.ofHours(39)));
    }

    @Test
    void afterRecoveryTheShortWindowClearsTheAlertWhileTheLongWindowIsStillOver() {
        Slo slo = slo("99", ROLLING_30, Slo.BurnAlertPolicy.BALANCED);
        VerdictHistory history = flappingOutage();

        SloStatus recovering = SloMath.status(slo, T0.plus(Duration.ofMinutes(56)), SINCE, history, Exclusions.NONE);
        BurnAlert fast1h = alert(recovering, "fast_1h");
        assertThat(fast1h.firing()).isFalse();
        assertThat(fast1h.longBurnRate()).isEqualTo(18.33).isGreaterThanOrEqualTo(fast1h.threshold());
        assertThat(fast1h.shortBurnRate()).isEqualTo(0.0);
        assertThat(fast1h.explanation()).startsWith("fast_1h clearing:");
        assertThat(recovering.health()).isEqualTo(SloStatus.Health.GREEN);

        List<SloMath.Firing> firings = SloMath.firings(slo,
                new Span(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofHours(2))), history.verdicts());
        // tipped over by the 9th bad check (T0+40: 9/60 → 15×), cleared when the last 5 min hold no bad check
        // (T0+55) although the last hour still holds all 11 (18.33×)
        assertThat(firings).hasSize(1);
        SloMath.Firing firing = firings.get(0);
        assertThat(firing.alert()).isEqualTo("fast_1h");
        assertThat(firing.start()).isEqualTo(T0.plus(Duration.ofMinutes(40)));
        assertThat(firing.end()).isEqualTo(T0.plus(Duration.ofMinutes(55)));
        assertThat(firing.peakBurnRate()).isEqualTo(18.33);
        assertThat(firing.explanation()).startsWith("fast burn:");
    }

    @Test
    void aFiringStillOnAtTheRangeEndHasNoEnd() {
        Slo slo = slo("99", ROLLING_30, Slo.BurnAlertPolicy.FAST);
        List<SloMath.Firing> firings = SloMath.firings(slo,
                new Span(T0.plus(Duration.ofMinutes(45)), T0.plus(Duration.ofMinutes(50))), flappingOutage().verdicts());
        assertThat(firings).singleElement().satisfies(f -> {
            assertThat(f.start()).isEqualTo(T0.plus(Duration.ofMinutes(45)));
            assertThat(f.end()).isNull();
        });
    }

    @Test
    void aSlowLeakFiresSlow3dButNotFast() {
        Instant now = T0;
        long leakStart = Duration.between(SINCE, now.minus(Duration.ofDays(4))).toMinutes();
        // every 50th check bad for the last 4 days: 2 % errors against a 1 % budget → 2×
        VerdictHistory history = new VerdictHistory().every(MINUTE, SINCE, now,
                i -> i >= leakStart && i % 50 == 0 ? Verdict.BAD : Verdict.GOOD);
        Slo slo = slo("99", ROLLING_30, Slo.BurnAlertPolicy.BALANCED);

        SloStatus status = SloMath.status(slo, now, SINCE, history, Exclusions.NONE);

        BurnAlert slow = alert(status, "slow_3d");
        assertThat(slow.threshold()).isEqualTo(1.0);
        assertThat(slow.longBurnRate()).isEqualTo(1.99); // 86 of 4320
        assertThat(slow.shortBurnRate()).isEqualTo(1.94); // 7 of 360
        assertThat(slow.firing()).isTrue();
        assertThat(alert(status, "fast_1h").firing()).isFalse();
        assertThat(alert(status, "fast_6h").firing()).isFalse();
        assertThat(status.budgetBurnedPercent()).isEqualTo(26.62); // 115 of 432
        assertThat(status.health()).isEqualTo(SloStatus.Health.AMBER);
        assertThat(status.explanation()).startsWith("slow burn: 19.91 % of budget spent in the last 3 days, threshold 10 %"); // 86 of 432

        List<SloMath.Firing> firings = SloMath.firings(slo, new Span(now.minus(Duration.ofDays(5)), now),
                history.verdicts());
        assertThat(firings).isNotEmpty().allSatisfy(f -> assertThat(f.alert()).isEqualTo("slow_3d"));
        assertThat(firings.get(firings.size() - 1).end()).isNull();
    }

    @Test
    void policyNoneEvaluatesNoAlerts() {
        Slo slo = slo("99", ROLLING_30, Slo.BurnAlertPolicy.NONE);
        VerdictHistory history = flappingOutage();
        SloStatus status = SloMath.status(slo, T0.plus(Duration.ofMinutes(51)), SINCE, history, Exclusions.NONE);
        assertThat(status.alerts()).isEmpty();
        assertThat(status.health()).isEqualTo(SloStatus.Health.GREEN);
        assertThat(SloMath.firings(slo, new Span(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofHours(2))),
                history.verdicts())).isEmpty();
    }

    @Test
    void policiesSelectTheirAlerts() {
        Instant now = T0;
        VerdictHistory none = new VerdictHistory();
        assertThat(SloMath.status(slo("99", ROLLING_30, Slo.BurnAlertPolicy.FAST), now, null, none, Exclusions.NONE)
                .alerts()).extracting(BurnAlert::name).containsExactly("fast_1h", "fast_6h");
        assertThat(SloMath.status(slo("99", ROLLING_30, Slo.BurnAlertPolicy.SLOW), now, null, none, Exclusions.NONE)
                .alerts()).extracting(BurnAlert::name).containsExactly("slow_3d");
    }

    @Test
    void calendarWindowsUseTheirRealLengthForThresholds() {
        Slo slo = slo("99", new Slo.Window.Calendar(Slo.CalendarCycle.MONTHLY), Slo.BurnAlertPolicy.BALANCED);
        SloStatus status = SloMath.status(slo, Instant.parse("2028-02-10T00:00:00Z"), null, new VerdictHistory(),
                Exclusions.NONE);
        assertThat(status.alerts()).extracting(BurnAlert::threshold).containsExactly(13.92, 5.8, 0.97);
    }
}
