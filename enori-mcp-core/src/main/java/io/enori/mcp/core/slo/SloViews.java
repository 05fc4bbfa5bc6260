package io.enori.mcp.core.slo;

import io.enori.mcp.api.Slo;
import io.enori.mcp.core.slo.math.BurnAlert;
import io.enori.mcp.core.slo.math.PeriodReport;
import io.enori.mcp.core.slo.math.SloMath;
import io.enori.mcp.core.slo.math.SloStatus;
import io.enori.mcp.core.slo.math.Span;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How SLOs and their computed figures look to a client: percentages rounded at this edge, times with offset. */
final class SloViews {
    private SloViews() {
    }

    /** An SLO's settings, in the field names create_slo takes. */
    record SloView(String id, String name, String description, String sliType, BigDecimal target,
                   String windowType, Integer windowLengthDays, String calendarCycle, Integer latencyThresholdMs,
                   boolean excludeMaintenance, boolean excludePaused, String burnAlertPolicy) {
    }

    /** An SLO in one line: its window as words, e.g. "calendar monthly" or "rolling 30 days". */
    record SloBrief(String id, String name, String sliType, BigDecimal target, String window) {
    }

    /** One burn-rate alert; the explanation carries its burn rates and threshold. */
    record AlertView(String name, boolean firing, String explanation) {
    }

    /** One period of the SLA report. */
    record PeriodView(OffsetDateTime start, OffsetDateTime end, boolean inProgress, Double achievedPercent,
                      Boolean met, Double budgetBurnedPercent, boolean noData, long validChecks, long badChecks,
                      long excludedChecks, double excludedMinutes) {
    }

    /** A period that missed its target ({@code missed}) or spent its whole budget ({@code budget_exhausted}). */
    record BreachView(OffsetDateTime start, OffsetDateTime end, String reason, Double achievedPercent,
                      Double budgetBurnedPercent) {
    }

    record FiringView(String alert, OffsetDateTime start, OffsetDateTime end, double peakBurnRate, String explanation) {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The target as written: 99.5 stays 99.5, 99.999 stays 99.999 (no float noise, no trailing zeros). */
    static BigDecimal target(BigDecimal target) {
        return new BigDecimal(target.stripTrailingZeros().toPlainString());
    }

    static SloView slo(Slo s) {
        Integer days = s.window() instanceof Slo.Window.Rolling r ? r.days() : null;
        String cycle = s.window() instanceof Slo.Window.Calendar c ? c.cycle().wireName() : null;
        return new SloView(s.id(), s.name(), s.description(), s.sli().wireName(), target(s.target()),
                days != null ? "rolling" : "calendar", days, cycle, s.latencyThresholdMs(), s.excludeMaintenance(),
                s.excludePaused(), s.burnAlertPolicy().wireName());
    }

    static SloBrief brief(Slo s) {
        return new SloBrief(s.id(), s.name(), s.sli().wireName(), target(s.target()), windowName(s));
    }

    /** e.g. "rolling 30 days" or "calendar monthly". */
    static String windowName(Slo slo) {
        return slo.window() instanceof Slo.Window.Rolling r ? "rolling " + r.days() + " days"
                : "calendar " + ((Slo.Window.Calendar) slo.window()).cycle().wireName();
    }

    static String health(SloStatus.Health health) {
        return health.name().toLowerCase(Locale.ROOT);
    }

    /** Share of the window elapsed at {@code now}, 0–100. */
    static double elapsedPercent(Span window, Instant now) {
        Instant elapsedEnd = now.isBefore(window.end()) ? now : window.end();
        Duration elapsed = elapsedEnd.isBefore(window.start()) ? Duration.ZERO : Duration.between(window.start(), elapsedEnd);
        double length = window.length().toSeconds();
        return length == 0 ? 100.0 : round(elapsed.toSeconds() * 100.0 / length, 2);
    }

    static List<AlertView> alerts(List<BurnAlert> alerts) {
        return alerts.stream().map(a -> new AlertView(a.name(), a.firing(), a.explanation()))
                .collect(Collectors.toList());
    }

    static PeriodView period(PeriodReport r, Instant now, Function<Instant, OffsetDateTime> local) {
        return new PeriodView(local.apply(r.period().start()), local.apply(r.period().end()),
                r.period().end().isAfter(now), achieved(r.achievedPercent()), r.met(),
                round(r.budgetBurnedPercent(), 2), r.noData(), r.counts().valid(), r.counts().bad(),
                r.counts().excludedChecks(), round(r.excludedMinutes(), 1));
    }

    /** A period in progress cannot have missed yet; it is listed once its budget is spent. */
    static BreachView breach(PeriodReport r, boolean inProgress, Function<Instant, OffsetDateTime> local) {
        return new BreachView(local.apply(r.period().start()), local.apply(r.period().end()),
                !inProgress && Boolean.FALSE.equals(r.met()) ? "missed" : "budget_exhausted", achieved(r.achievedPercent()),
                round(r.budgetBurnedPercent(), 2));
    }

    static FiringView firing(SloMath.Firing f, Function<Instant, OffsetDateTime> local) {
        return new FiringView(f.alert(), local.apply(f.start()), local.apply(f.end()), round(f.peakBurnRate(), 2),
                f.explanation());
    }

    /** Achieved % to 4 decimals, rounded down: 99.99996 must not read as 100. */
    static Double achieved(Double value) {
        return value == null || value.isNaN() ? null
                : BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.FLOOR).doubleValue();
    }

    static Double round(Double value, int decimals) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return null;
        }
        return BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    static double round(double value, int decimals) {
        Double r = round(Double.valueOf(value), decimals);
        return r == null ? 0 : r;
    }
}
