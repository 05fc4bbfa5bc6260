package io.enori.mcp.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsMadeInTheSameMillisecondSortInTheOrderTheyWereMade() {
        Ids ids = new Ids(Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            made.add(ids.next("evt_"));
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made).allSatisfy(id -> assertThat(id).matches("evt_[0-9A-Z]{22}"));
    }

    @Test
    void laterMillisecondsSortAfterEarlierOnes() {
        Ids early = new Ids(Clock.fixed(Instant.parse("2026-11-25T12:00:00.001Z"), ZoneOffset.UTC));
        Ids late = new Ids(Clock.fixed(Instant.parse("2026-11-25T12:00:00.002Z"), ZoneOffset.UTC));
        String first = early.next("mon_");
        for (int i = 0; i < 50; i++) {
            early.next("mon_");
        }
        assertThat(late.next("mon_")).isGreaterThan(first);
    }
}
