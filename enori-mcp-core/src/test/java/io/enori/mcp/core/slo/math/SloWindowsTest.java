package io.enori.mcp.core.slo.math;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Slo;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SloWindowsTest {
    private static final Slo.Window MONTHLY = new Slo.Window.Calendar(Slo.CalendarCycle.MONTHLY);
    private static final Slo.Window QUARTERLY = new Slo.Window.Calendar(Slo.CalendarCycle.QUARTERLY);
    private static final Slo.Window WEEKLY = new Slo.Window.Calendar(Slo.CalendarCycle.WEEKLY);
    private static final Slo.Window YEARLY = new Slo.Window.Calendar(Slo.CalendarCycle.YEARLY);

    private static Span span(String start, String end) {
        return new Span(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void leapFebruaryIs696Hours() {
        Span feb = SloWindows.current(MONTHLY, Instant.parse("2028-02-15T12:00:00Z"));
        assertThat(feb).isEqualTo(span("2028-02-01T00:00:00Z", "2028-03-01T00:00:00Z"));
        assertThat(feb.length()).isEqualTo(Duration.ofHours(696));
        assertThat(SloWindows.current(MONTHLY, Instant.parse("2027-02-15T12:00:00Z")).length())
                .isEqualTo(Duration.ofHours(672));
    }

    @Test
    void lastMinuteOfMarchIsQ1AndAprilFirstStartsQ2() {
        assertThat(SloWindows.current(QUARTERLY, Instant.parse("2026-03-31T23:59:00Z")))
                .isEqualTo(span("2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z"));
        Span q2 = SloWindows.current(QUARTERLY, Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(q2).isEqualTo(span("2026-04-01T00:00:00Z", "2026-07-01T00:00:00Z"));
        assertThat(SloWindows.previous(QUARTERLY, q2)).isEqualTo(span("2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z"));
        assertThat(SloWindows.current(QUARTERLY, Instant.parse("2026-12-31T23:59:59Z")))
                .isEqualTo(span("2026-10-01T00:00:00Z", "2027-01-01T00:00:00Z"));
    }

    @Test
    void weeksStartMondayMidnightUtc() {
        // 2026-11-25 is a Wednesday
        Span week = span("2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z");
        assertThat(SloWindows.current(WEEKLY, Instant.parse("2026-11-25T18:00:00Z"))).isEqualTo(week);
        assertThat(SloWindows.current(WEEKLY, Instant.parse("2026-11-23T00:00:00Z"))).isEqualTo(week);
        assertThat(SloWindows.current(WEEKLY, Instant.parse("2026-11-29T23:59:59Z"))).isEqualTo(week);
        assertThat(SloWindows.current(WEEKLY, Instant.parse("2026-11-30T00:00:00Z")))
                .isEqualTo(span("2026-11-30T00:00:00Z", "2026-12-07T00:00:00Z"));
        assertThat(SloWindows.previous(WEEKLY, week)).isEqualTo(span("2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z"));
    }

    @Test
    void monthsHaveTheirRealLengthAndPreviousCrossesTheYear() {
        Span jan = SloWindows.current(MONTHLY, Instant.parse("2027-01-10T00:00:00Z"));
        assertThat(jan).isEqualTo(span("2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z"));
        assertThat(SloWindows.previous(MONTHLY, jan)).isEqualTo(span("2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"));
        assertThat(SloWindows.current(MONTHLY, Instant.parse("2026-11-04T00:00:00Z")).length())
                .isEqualTo(Duration.ofDays(30));
    }

    @Test
    void leapYearIs366Days() {
        assertThat(SloWindows.current(YEARLY, Instant.parse("2028-07-01T00:00:00Z")))
                .isEqualTo(span("2028-01-01T00:00:00Z", "2029-01-01T00:00:00Z"));
        assertThat(SloWindows.length(YEARLY, Instant.parse("2028-07-01T00:00:00Z"))).isEqualTo(Duration.ofDays(366));
    }

    @Test
    void rollingWindowsEndNowAndPreviousIsTheSameLengthBefore() {
        Instant now = Instant.parse("2026-11-25T18:27:13Z");
        Span current = SloWindows.current(new Slo.Window.Rolling(30), now);
        assertThat(current).isEqualTo(span("2026-10-26T18:27:13Z", "2026-11-25T18:27:13Z"));
        assertThat(SloWindows.previous(new Slo.Window.Rolling(30), current))
                .isEqualTo(span("2026-09-26T18:27:13Z", "2026-10-26T18:27:13Z"));
    }

    @Test
    void thirtyDayThresholdsAreExactly14point4And6And1() {
        Duration thirtyDays = Duration.ofDays(30);
        assertThat(AlertSpec.FAST_1H.threshold(thirtyDays)).isEqualTo(14.4);
        assertThat(AlertSpec.FAST_6H.threshold(thirtyDays)).isEqualTo(6.0);
        assertThat(AlertSpec.SLOW_3D.threshold(thirtyDays)).isEqualTo(1.0);
        // calendar windows use their real length: a leap February (696 h)
        assertThat(AlertSpec.FAST_1H.threshold(Duration.ofHours(696))).isEqualTo(13.92);
    }
}
