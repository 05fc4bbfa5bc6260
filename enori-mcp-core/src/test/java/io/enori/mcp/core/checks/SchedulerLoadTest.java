package io.enori.mcp.core.checks;

import static io.enori.mcp.core.checks.SchedulerHarness.START;
import static io.enori.mcp.core.checks.SchedulerHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many monitors on loopback while the clock moves through three intervals one second at a time. */
class SchedulerLoadTest {
    private static final int MONITORS = 500;
    private static final int INTERVAL = 30;
    private static final int SECONDS = 3 * INTERVAL;

    private SchedulerHarness h;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void fiveHundredMonitorsRunOnScheduleWithoutDriftOrOverlap() {
        Scheduler.Options options = new Scheduler.Options(Duration.ofMillis(5), Duration.ofSeconds(60), 1024,
                Duration.ofSeconds(5), Duration.ofSeconds(2));
        h = new SchedulerHarness(SchedulerHarness.CHECKS, 16, options, new Plan("load", MONITORS, 1, 1, 1));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MONITORS; i++) {
            ids.add(h.website("m" + i, INTERVAL));
        }
        h.scheduler.start();
        assertThat(h.scheduler.scheduledCount()).isEqualTo(MONITORS);
        Instant end = START.plusSeconds(SECONDS);
        long expected = ids.stream().mapToLong(id -> dues(id, end).size()).sum();

        for (int second = 1; second <= SECONDS; second++) {
            h.clock.advance(Duration.ofSeconds(1));
            long target = ids.stream().mapToLong(id -> dues(id, h.clock.instant()).size()).sum();
            // Keep the loop at most a second behind the fake clock, as a real clock would allow.
            await("due runs by " + h.clock.instant(), () -> h.scheduler.stats().runs() >= target);
        }
        await("all runs", () -> h.scheduler.stats().runs() == expected);

        assertThat(h.scheduler.stats()).isEqualTo(new Scheduler.Stats(expected, 0, 0, 0));
        for (int i = 0; i < MONITORS; i++) {
            String id = ids.get(i);
            List<Instant> dues = dues(id, end);
            List<CheckResult> results = new ArrayList<>(h.stored(id));
            results.sort((a, b) -> a.checkedAt().compareTo(b.checkedAt()));
            assertThat(results).as("results of %s", id).hasSameSizeAs(dues);
            for (int k = 0; k < dues.size(); k++) {
                assertThat(results.get(k).checkedAt()).as("run %d of %s", k, id)
                        .isBetween(dues.get(k), dues.get(k).plusSeconds(INTERVAL - 1));
            }
            SchedulerHarness.assertNoOverlap(h.site, "m" + i);
        }
    }

    /** The monitor's grid points from the start up to and including {@code until}. */
    private static List<Instant> dues(String id, Instant until) {
        List<Instant> dues = new ArrayList<>();
        for (Instant due = Cadence.firstDue(id, INTERVAL, START); !due.isAfter(until); due = due.plusSeconds(INTERVAL)) {
            dues.add(due);
        }
        return dues;
    }
}
