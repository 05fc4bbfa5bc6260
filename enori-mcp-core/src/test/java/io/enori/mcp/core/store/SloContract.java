package io.enori.mcp.core.store;

import static io.enori.mcp.core.store.Fixtures.A;
import static io.enori.mcp.core.store.Fixtures.B;
import static io.enori.mcp.core.store.Fixtures.T0;
import static io.enori.mcp.core.store.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.Slo;
import io.enori.mcp.api.spi.MonitorPauseStore.PausedPeriod;
import io.enori.mcp.api.spi.SloStore.DayCounts;
import io.enori.mcp.api.spi.SloStore.DayRollup;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SLOs, their daily rollups, the raw-check reads behind them, and monitors' pause periods. */
interface SloContract extends ContractSupport {

    LocalDate DAY = LocalDate.of(2025, 3, 1);

    static Slo slo(String accountId, String id, String monitorId, Slo.Sli sli, String target, Slo.Window window) {
        return new Slo(id, accountId, monitorId, "SLO " + id, "checkout stays up", sli, new BigDecimal(target), window,
                sli == Slo.Sli.LATENCY ? 500 : null, true, false, Slo.BurnAlertPolicy.BALANCED, T0, at(1));
    }

    static Slo slo(String accountId, String id, String monitorId) {
        return slo(accountId, id, monitorId, Slo.Sli.AVAILABILITY, "99.9", new Slo.Window.Rolling(30));
    }

    @Test
    default void insertedSloIsFoundWithEveryFieldIntact() {
        givenMonitor(A, "mon_1");
        Slo rolling = slo(A, "slo_1", "mon_1", Slo.Sli.LATENCY, "99.5", new Slo.Window.Rolling(365));
        Slo calendar = slo(A, "slo_2", "mon_1", Slo.Sli.CONTENT_MATCH, "95",
                new Slo.Window.Calendar(Slo.CalendarCycle.QUARTERLY));
        storage().slos().insert(rolling);
        storage().slos().insert(calendar);

        assertThat(storage().slos().find(A, "slo_1")).contains(rolling);
        assertThat(storage().slos().find(A, "slo_2")).contains(calendar);
    }

    @Test
    default void targetOf99point999RoundTripsExactly() {
        givenMonitor(A, "mon_1");
        storage().slos().insert(slo(A, "slo_1", "mon_1", Slo.Sli.AVAILABILITY, "99.999", new Slo.Window.Rolling(30)));
        storage().slos().insert(slo(A, "slo_2", "mon_1", Slo.Sli.AVAILABILITY, "90.000", new Slo.Window.Rolling(30)));

        BigDecimal target = storage().slos().find(A, "slo_1").orElseThrow().target();
        assertThat(target.toPlainString()).isEqualTo("99.999");
        assertThat(target).isEqualTo(new BigDecimal("99.999"));
        assertThat(storage().slos().find(A, "slo_2").orElseThrow().target()).isEqualByComparingTo("90");
    }

    @Test
    default void slosAreListedPerMonitorAndAccountOldestFirstAndIsolatedByAccount() {
        givenMonitor(A, "mon_1");
        givenMonitor(A, "mon_2");
        givenMonitor(B, "mon_3");
        storage().slos().insert(slo(A, "slo_1", "mon_1"));
        storage().slos().insert(slo(A, "slo_2", "mon_2"));
        storage().slos().insert(slo(B, "slo_3", "mon_3"));

        assertThat(storage().slos().listForMonitor(A, "mon_1")).extracting(Slo::id).containsExactly("slo_1");
        assertThat(storage().slos().listForAccount(A)).extracting(Slo::id).containsExactly("slo_1", "slo_2");
        assertThat(storage().slos().find(B, "slo_1")).isEmpty();
        assertThat(storage().slos().listForMonitor(B, "mon_1")).isEmpty();
        assertThat(storage().slos().delete(B, "slo_1")).isFalse();
    }

    @Test
    default void rollupsAddUpReplaceAndReadBackByDayRange() {
        givenMonitor(A, "mon_1");
        storage().slos().insert(slo(A, "slo_1", "mon_1"));
        storage().slos().addToDay(A, "slo_1", DAY, new DayCounts(1, 1, 0));
        storage().slos().addToDay(A, "slo_1", DAY, new DayCounts(0, 1, 0));
        storage().slos().addToDay(A, "slo_1", DAY, new DayCounts(0, 0, 1));
        storage().slos().addToDay(A, "slo_1", DAY.plusDays(2), new DayCounts(5, 5, 0));
        storage().slos().replaceDay(A, "slo_1", DAY.plusDays(3), new DayCounts(7, 8, 2));

        assertThat(storage().slos().days(A, "slo_1", DAY, DAY.plusDays(3))).containsExactly(
                new DayRollup(DAY, new DayCounts(1, 2, 1)), new DayRollup(DAY.plusDays(2), new DayCounts(5, 5, 0)));

        storage().slos().replaceDay(A, "slo_1", DAY, DayCounts.ZERO);
        assertThat(storage().slos().days(A, "slo_1", DAY, DAY.plusDays(1)))
                .containsExactly(new DayRollup(DAY, DayCounts.ZERO));
        assertThat(storage().slos().days(B, "slo_1", DAY, DAY.plusDays(9))).isEmpty();
    }

    @Test
    default void updateReplacesFieldsAndClearsRollupsAndDeleteRemovesBoth() {
        givenMonitor(A, "mon_1");
        storage().slos().insert(slo(A, "slo_1", "mon_1"));
        storage().slos().addToDay(A, "slo_1", DAY, new DayCounts(1, 1, 0));
        Slo changed = new Slo("slo_1", A, "mon_1", "renamed", null, Slo.Sli.LATENCY, new BigDecimal("99.95"),
                new Slo.Window.Calendar(Slo.CalendarCycle.MONTHLY), 250, false, true, Slo.BurnAlertPolicy.NONE, T0,
                at(60));

        assertThat(storage().slos().update(changed)).isTrue();
        assertThat(storage().slos().find(A, "slo_1")).contains(changed);
        assertThat(storage().slos().days(A, "slo_1", DAY, DAY.plusDays(1))).isEmpty();

        storage().slos().addToDay(A, "slo_1", DAY, new DayCounts(1, 1, 0));
        assertThat(storage().slos().delete(A, "slo_1")).isTrue();
        assertThat(storage().slos().find(A, "slo_1")).isEmpty();
        assertThat(storage().slos().days(A, "slo_1", DAY, DAY.plusDays(1))).isEmpty();
    }

    @Test
    default void countChecksAppliesEachSliToTheHalfOpenRange() {
        givenMonitor(A, "mon_1");
        insertCheck("chk_1", CheckStatus.UP, 100, null, 0);
        insertCheck("chk_2", CheckStatus.UP, 900, true, 10);
        insertCheck("chk_3", CheckStatus.UP, null, false, 20);
        insertCheck("chk_4", CheckStatus.DOWN, 50, null, 30);
        insertCheck("chk_5", CheckStatus.UP, 10, true, 40);

        Slo availability = slo(A, "slo_1", "mon_1", Slo.Sli.AVAILABILITY, "99", new Slo.Window.Rolling(7));
        Slo latency = slo(A, "slo_2", "mon_1", Slo.Sli.LATENCY, "99", new Slo.Window.Rolling(7));
        Slo content = slo(A, "slo_3", "mon_1", Slo.Sli.CONTENT_MATCH, "99", new Slo.Window.Rolling(7));

        assertThat(storage().slos().countChecks(availability, at(0), at(40))).isEqualTo(new DayCounts(3, 4, 0));
        assertThat(storage().slos().countChecks(latency, at(0), at(40))).isEqualTo(new DayCounts(1, 4, 0));
        assertThat(storage().slos().countChecks(content, at(0), at(40))).isEqualTo(new DayCounts(2, 4, 0));
        assertThat(storage().slos().countChecks(availability, at(100), at(200))).isEqualTo(DayCounts.ZERO);
        assertThat(storage().slos().countChecks(slo(B, "slo_4", "mon_1"), at(0), at(50))).isEqualTo(DayCounts.ZERO);
    }

    @Test
    default void scanChecksStreamsOldestFirstAndFirstCheckAtIsTheEarliest() {
        givenMonitor(A, "mon_1");
        assertThat(storage().slos().firstCheckAt(A, "mon_1")).isEmpty();
        insertCheck("chk_2", CheckStatus.UP, 100, null, 20);
        insertCheck("chk_1", CheckStatus.DOWN, 100, null, 10);
        insertCheck("chk_3", CheckStatus.UP, 100, null, 30);

        List<String> seen = new ArrayList<>();
        storage().slos().scanChecks(A, "mon_1", at(10), at(30), c -> seen.add(c.id()));

        assertThat(seen).containsExactly("chk_1", "chk_2");
        assertThat(storage().slos().firstCheckAt(A, "mon_1")).contains(at(10));
        assertThat(storage().slos().firstCheckAt(B, "mon_1")).isEmpty();
    }

    @Test
    default void pausePeriodsOpenOnceCloseOnResumeAndAreListedWhenOverlapping() {
        givenMonitor(A, "mon_1");
        storage().monitorPauses().paused(A, "mon_1", at(10));
        storage().monitorPauses().paused(A, "mon_1", at(15));
        storage().monitorPauses().resumed(A, "mon_1", at(20));
        storage().monitorPauses().resumed(A, "mon_1", at(25));
        storage().monitorPauses().paused(A, "mon_1", at(40));

        assertThat(storage().monitorPauses().overlapping(A, "mon_1", at(0), at(100)))
                .containsExactly(new PausedPeriod(at(10), at(20)), new PausedPeriod(at(40), null));
        assertThat(storage().monitorPauses().overlapping(A, "mon_1", at(20), at(40))).isEmpty();
        assertThat(storage().monitorPauses().overlapping(A, "mon_1", at(19), at(41)))
                .containsExactly(new PausedPeriod(at(10), at(20)), new PausedPeriod(at(40), null));
        assertThat(storage().monitorPauses().overlapping(B, "mon_1", at(0), at(100))).isEmpty();
    }

    private void insertCheck(String id, CheckStatus status, Integer responseMs, Boolean contentMatched, long second) {
        storage().checkResults().insert(new CheckResult(id, A, "mon_1", status, responseMs, null, null, contentMatched,
                null, null, at(second)));
    }
}
