package io.enori.mcp.core.slo;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Account;
import io.enori.mcp.api.MaintenanceWindow;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorStatus;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Slo;
import io.enori.mcp.api.spi.CheckOutcome;
import io.enori.mcp.api.spi.SloStore.DayCounts;
import io.enori.mcp.api.spi.SloStore.DayRollup;
import io.enori.mcp.api.spi.Storage;
import io.enori.mcp.core.monitors.CheckRecorder;
import io.enori.mcp.core.store.TestStorage;
import io.enori.mcp.core.testing.MutableClock;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.Ids;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The check recorder counts every check into its monitor's SLO rollups, applying each SLO's exclusions. */
class SloCheckRecordingTest {
    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    private final MutableClock clock = new MutableClock(START);
    private Storage storage;
    private CheckRecorder recorder;
    private Monitor monitor;

    @BeforeEach
    void setUp() {
        storage = TestStorage.freshH2();
        recorder = new CheckRecorder(new CoreContext(storage, clock, new Ids(clock), (target, timeout) -> {
            throw new UnsupportedOperationException();
        }, Plan.DEFAULT, "http://localhost"));
        storage.accounts().insert(new Account("acc_1", "One", Plan.DEFAULT, START));
        monitor = new Monitor("mon_1", "acc_1", "Shop", new MonitorTarget.Website("https://shop.example", null,
                List.of(200)), 60, 5_000, 2, List.of(), false, MonitorStatus.PENDING, 0, null, null, null, null, null,
                START, START);
        storage.monitors().insert(monitor);
    }

    @Test
    void checksBeforeTheSloExistedAreNotCountedUntilItIsBackfilled() {
        recorder.record(monitor, CheckOutcome.up(100));
        Slo slo = slo("slo_late", Slo.Sli.AVAILABILITY, null, false, false);
        storage.slos().insert(slo);

        assertThat(storage.slos().days("acc_1", "slo_late", DAY, DAY.plusDays(1))).isEmpty();

        new SloEngine(storage).backfill(slo, clock.instant());

        assertThat(storage.slos().days("acc_1", "slo_late", DAY, DAY.plusDays(1)))
                .containsExactly(new DayRollup(DAY, new DayCounts(1, 1, 0)));
    }

    @Test
    void eachCheckCountsForEverySloWithItsOwnSliAndExclusions() {
        Slo plain = slo("slo_plain", Slo.Sli.AVAILABILITY, null, false, false);
        Slo fast = slo("slo_fast", Slo.Sli.LATENCY, 200, true, true);
        storage.slos().insert(plain);
        storage.slos().insert(fast);

        recorder.record(monitor, CheckOutcome.up(100));
        tick();
        recorder.record(monitor, CheckOutcome.up(900));
        tick();
        recorder.record(monitor, CheckOutcome.down(null, "refused"));
        tick();
        storage.monitorPauses().paused("acc_1", "mon_1", clock.instant());
        recorder.record(monitor, CheckOutcome.up(50));
        tick();
        storage.monitorPauses().resumed("acc_1", "mon_1", clock.instant());
        storage.maintenanceWindows().insert(new MaintenanceWindow("mw_1", "acc_1", "deploy", clock.instant(),
                clock.instant().plusSeconds(600), List.of("mon_1"), "key_1", clock.instant()));
        recorder.record(monitor, CheckOutcome.down(null, "deploying"));

        assertThat(storage.slos().days("acc_1", "slo_plain", DAY, DAY.plusDays(1)))
                .containsExactly(new DayRollup(DAY, new DayCounts(3, 5, 0)));
        assertThat(storage.slos().days("acc_1", "slo_fast", DAY, DAY.plusDays(1)))
                .containsExactly(new DayRollup(DAY, new DayCounts(1, 3, 2)));
    }

    private void tick() {
        clock.advance(Duration.ofMinutes(1));
    }

    private static Slo slo(String id, Slo.Sli sli, Integer threshold, boolean maintenance, boolean paused) {
        return new Slo(id, "acc_1", "mon_1", id, null, sli, new BigDecimal("99.9"), new Slo.Window.Rolling(30),
                threshold, maintenance, paused, Slo.BurnAlertPolicy.BALANCED, START, START);
    }
}
