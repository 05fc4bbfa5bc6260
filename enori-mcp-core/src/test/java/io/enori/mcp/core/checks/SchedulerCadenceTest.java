package io.enori.mcp.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.core.tool.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchedulerCadenceTest {
    private static final Instant NOW = Instant.parse("2025-11-10T12:00:00.123Z");

    @Test
    void firstDueIsWithinOneIntervalAndOnTheMonitorsGrid() {
        for (String id : ids(200)) {
            Instant due = Cadence.firstDue(id, 60, NOW);
            assertThat(due).isBetween(NOW, NOW.plusSeconds(60).minusMillis(1));
            assertThat(Math.floorMod(due.toEpochMilli(), 60_000L)).isEqualTo(Cadence.offsetMillis(id, 60));
        }
    }

    @Test
    void offsetsAreStableForAnId() {
        assertThat(Cadence.offsetMillis("mon_01JCABCDEF0000XYZ12345", 300))
                .isEqualTo(Cadence.offsetMillis("mon_01JCABCDEF0000XYZ12345", 300));
    }

    @Test
    void idsMadeTogetherSpreadOverTheWholeInterval() {
        Set<Long> seconds = new HashSet<>();
        for (String id : ids(1000)) {
            seconds.add(Cadence.offsetMillis(id, 30) / 1000);
        }
        assertThat(seconds).as("every second of a 30 s interval gets some monitors").hasSize(30);
    }

    @Test
    void nextAfterADueTimeIsOneIntervalLater() {
        Instant due = NOW.minusMillis(5);
        assertThat(Cadence.nextAfter(due, 30, NOW)).isEqualTo(due.plusSeconds(30));
    }

    @Test
    void nextAfterALongGapSkipsEveryMissedRunAndKeepsTheGrid() {
        Instant due = NOW;
        Instant later = NOW.plus(Duration.ofSeconds(30 * 10 + 7));
        Instant next = Cadence.nextAfter(due, 30, later);
        assertThat(next).isAfter(later).isBeforeOrEqualTo(later.plusSeconds(30));
        assertThat(Duration.between(due, next).toMillis() % 30_000).isZero();
    }

    @Test
    void aDueTimeStillAheadIsKept() {
        Instant due = NOW.plusSeconds(3);
        assertThat(Cadence.nextAfter(due, 30, NOW)).isEqualTo(due);
    }

    /** Ids made in one millisecond by one process: the worst case for a plain hash. */
    private static Set<String> ids(int count) {
        Ids ids = new Ids(Clock.fixed(NOW, ZoneOffset.UTC));
        Set<String> made = new HashSet<>();
        for (int i = 0; i < count; i++) {
            made.add(ids.next("mon_"));
        }
        return made;
    }
}
