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
    record SloView(String id, String monitorId, String name, String description, String sliType, BigDecimal target,
                   String windowType, Integer windowLengthDays, String calendarCycle, Integer latencyThresholdMs,
                   boolean excludeMaintenance, boolean excludePaused, String burnAlertPolicy,
                   OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** The headline of a status, for lists and write results. */
    record StatusSummary(String status, OffsetDateTime windowStart, OffsetDateTime windowEnd, Double achievedPercent,
                         Double budgetBurnedPercent, Double budgetRemainingPercent, boolean noData, boolean onTrack,
                         String explanation) {
    }

    /** The measured window: {@code end} is the period end for calendar windows, now for rolling ones. */
    record WindowView(OffsetDateTime start, OffsetDateTime end, double elapsedDays, double elapsedPercent) {
    }

    record AlertView(String name, boolean firing, double threshold, Double longBurnRate, Double shortBurnRate,
                     String explanation) {
    }

    record Exclusions(long checks, double minutes) {
    }

    /** One period of the SLA report. */
    record PeriodView(OffsetDateTime start, OffsetDateTime end, boolean inProgress, Double achievedPercent,
                      Boolean met, Double budgetBurnedPercent, boolean budgetExhausted, boolean noData,
                      double coveragePercent, long goodChecks, long badChecks, Exclusions excluded) {
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
        return new SloView(s.id(), s.monitorId(), s.name(), s.description(), s.sli().wireName(), target(s.target()),
                days != null ? "rolling" : "calendar", days, cycle, s.latencyThresholdMs(), s.excludeMaintenance(),
                s.excludePaused(), s.burnAlertPolicy().wireName(), utc(s.createdAt()), utc(s.updatedAt()));
    }

    /** e.g. "rolling 30 days" or "calendar monthly". */
    static String windowName(Slo slo) {
        return slo.window() instanceof Slo.Window.Rolling r ? "rolling " + r.days() + " days"
                : "calendar " + ((Slo.Window.Calendar) slo.window()).cycle().wireName();
    }

    static String health(SloStatus.Health health) {
        return health.name().toLowerCase(Locale.ROOT);
    }

    static StatusSummary summary(SloStatus s) {
        return new StatusSummary(health(s.health()), utc(s.window().start()), utc(s.window().end()),
                achieved(s.achievedPercent()), round(s.budgetBurnedPercent(), 2), round(s.budgetRemainingPercent(), 2),
                s.noData(), s.onTrack(), s.explanation());
    }

    static WindowView window(Span window, Instant now) {
        Instant elapsedEnd = now.isBefore(window.end()) ? now : window.end();
        Duration elapsed = elapsedEnd.isBefore(window.start()) ? Duration.ZERO : Duration.between(window.start(), elapsedEnd);
        double length = window.length().toSeconds();
        return new WindowView(utc(window.start()), utc(window.end()), round(elapsed.toSeconds() / 86_400.0, 2),
                length == 0 ? 100.0 : round(elapsed.toSeconds() * 100.0 / length, 2));
    }

    static List<AlertView> alerts(List<BurnAlert> alerts) {
        return alerts.stream().map(a -> new AlertView(a.name(), a.firing(), round(a.threshold(), 2),
                round(a.longBurnRate(), 2), round(a.shortBurnRate(), 2), a.explanation())).collect(Collectors.toList());
    }

    static PeriodView period(PeriodReport r, Instant now, Function<Instant, OffsetDateTime> local) {
        return new PeriodView(local.apply(r.period().start()), local.apply(r.period().end()),
                r.period().end().isAfter(now), achieved(r.achievedPercent()), r.met(),
                round(r.budgetBurnedPercent(), 2), r.budgetExhausted(), r.noData(), round(r.coveragePercent(), 2),
                r.counts().good(), r.counts().bad(), new Exclusions(r.counts().excludedChecks(),
                round(r.excludedMinutes(), 1)));
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
