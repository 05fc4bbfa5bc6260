package io.enori.mcp.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeRangeTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void defaultsToTheLast24HoursEndingNow() {
        TimeRange range = TimeRange.resolve(null, null, null, clock);
        assertThat(range.since()).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(range.until()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(range.zoneId()).isEqualTo("UTC");
    }

    @Test
    void readsDatesAndLocalTimesInTheCallersZoneAndEchoesItsOffset() {
        TimeRange range = TimeRange.resolve("2026-11-20", "2026-11-21T06:00", "Europe/Berlin", clock);
        assertThat(range.since()).isEqualTo(Instant.parse("2026-11-19T23:00:00Z"));
        assertThat(range.until()).isEqualTo(Instant.parse("2026-11-21T05:00:00Z"));
        assertThat(range.sinceLocal().toString()).isEqualTo("2026-11-20T00:00+01:00");
    }

    @Test
    void honoursExplicitOffsets() {
        TimeRange range = TimeRange.resolve("2026-11-25T01:00:00-05:00", null, null, clock);
        assertThat(range.since()).isEqualTo(Instant.parse("2026-11-25T06:00:00Z"));
    }

    @Test
    void rejectsBadInputNamingTheField() {
        assertThatThrownBy(() -> TimeRange.resolve("yesterday", null, null, clock))
                .hasMessageStartingWith("Invalid argument: since must be ISO-8601");
        assertThatThrownBy(() -> TimeRange.resolve(null, null, "Mars/Olympus", clock))
                .hasMessageStartingWith("Invalid argument: tz must be an IANA time zone");
        assertThatThrownBy(() -> TimeRange.resolve("2026-11-26", "2026-11-25", null, clock))
                .hasMessageStartingWith("Invalid argument: since must be before until");
        assertThatThrownBy(() -> TimeRange.resolve("2024-01-01", null, null, clock))
                .hasMessageStartingWith("Invalid argument: since must be at most 400 days before until");
    }
}
