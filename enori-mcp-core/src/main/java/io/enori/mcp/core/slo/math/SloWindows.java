package io.enori.mcp.core.slo.math;

import io.enori.mcp.api.Slo;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** Window boundaries: rolling windows end now; calendar windows are whole UTC weeks (Monday), months, quarters, years. */
public final class SloWindows {
    private SloWindows() {
    }

    /** The window {@code now} falls in: rolling {@code [now - days, now)}; calendar the whole current period. */
    public static Span current(Slo.Window window, Instant now) {
        if (window instanceof Slo.Window.Rolling r) {
            return new Span(now.minus(Duration.ofDays(r.days())), now);
        }
        Slo.CalendarCycle cycle = ((Slo.Window.Calendar) window).cycle();
        LocalDate start = periodStart(cycle, now.atZone(ZoneOffset.UTC).toLocalDate());
        return new Span(atUtcMidnight(start), atUtcMidnight(next(cycle, start)));
    }

    /** The period just before {@code period} (same length for rolling windows; the previous calendar period). */
    public static Span previous(Slo.Window window, Span period) {
        if (window instanceof Slo.Window.Rolling r) {
            return new Span(period.start().minus(Duration.ofDays(r.days())), period.start());
        }
        return current(window, period.start().minusNanos(1));
    }

    /**
     * The window's full length at {@code now}: the rolling length, or the real length of the calendar period
     * containing {@code now} (a leap February is 696 h).
     */
    public static Duration length(Slo.Window window, Instant now) {
        return current(window, now).length();
    }

    private static LocalDate periodStart(Slo.CalendarCycle cycle, LocalDate day) {
        return switch (cycle) {
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
            case QUARTERLY -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEARLY -> LocalDate.of(day.getYear(), 1, 1);
        };
    }

    private static LocalDate next(Slo.CalendarCycle cycle, LocalDate start) {
        return switch (cycle) {
            case WEEKLY -> start.plusWeeks(1);
            case MONTHLY -> start.plusMonths(1);
            case QUARTERLY -> start.plusMonths(3);
            case YEARLY -> start.plusYears(1);
        };
    }

    private static Instant atUtcMidnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
