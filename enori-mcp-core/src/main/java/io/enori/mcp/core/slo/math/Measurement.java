package io.enori.mcp.core.slo.math;

import io.enori.mcp.api.Slo;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The window figures of SPEC §7 for one period measured up to an instant: counts, coverage, achieved, and the
 * projected budget burn. Shared by {@link SloMath#status} and {@link SloMath#report}. Unrounded.
 *
 * @param measured      {@code [period.start, min(now, period.end))}: the elapsed part of the period
 * @param covered       the elapsed part from when the monitor began reporting (the later of the two starts)
 * @param burned        bad / (budget × projected valid), a fraction; NaN-free, 0 without data (see noData)
 * @param coveredShare  covered / period length: the "elapsed share" the linear ideal is measured against
 */
record Measurement(Span period, Span measured, Span covered, Counts counts, double excludedMinutes,
                   boolean noData, double coveragePercent, Double achievedPercent, double burned,
                   boolean exhausted, boolean onTrack, double coveredShare, Boolean met) {

    static Measurement of(Slo slo, Span period, Instant now, Instant reportingSince, EventSource events,
                          Exclusions exclusions) {
        Instant measuredEnd = now.isBefore(period.end()) ? now : period.end();
        if (measuredEnd.isBefore(period.start())) {
            measuredEnd = period.start();
        }
        Span measured = new Span(period.start(), measuredEnd);
        Instant coveredStart = period.start();
        if (reportingSince != null && reportingSince.isAfter(coveredStart)) {
            coveredStart = reportingSince.isBefore(measuredEnd) ? reportingSince : measuredEnd;
        }
        Span covered = new Span(coveredStart, measuredEnd);
        Counts counts = measured.length().isZero() ? Counts.ZERO : events.count(measured);
        double excludedMinutes = exclusions.minutesWithin(measured);

        BigDecimal budget = Numbers.budget(slo);
        long windowMillis = period.length().toMillis();
        long coveredMillis = covered.length().toMillis();
        double coveredShare = windowMillis == 0 ? 0 : (double) coveredMillis / windowMillis;
        if (counts.valid() == 0) {
            return new Measurement(period, measured, covered, counts, excludedMinutes, true, 0, null, 0, false,
                    true, coveredShare, null);
        }
        double coverage = measured.length().isZero() ? 0
                : 100.0 * coveredMillis / measured.length().toMillis();
        double achieved = 100.0 * counts.good() / counts.valid();
        // projected valid = valid × window / covered; without any covered time (inconsistent input: events but no
        // reporting) nothing is projected and burned is the plain (bad/valid)/budget.
        double projected = coveredMillis == 0 ? counts.valid()
                : (double) counts.valid() * windowMillis / coveredMillis;
        double burned = counts.bad() / (budget.doubleValue() * projected);
        // exhausted when bad ≥ budget × projected, i.e. bad × covered ≥ budget × valid × window; decided exactly
        BigDecimal bad = BigDecimal.valueOf(counts.bad());
        BigDecimal allowedBad = budget.multiply(BigDecimal.valueOf(counts.valid()));
        boolean exhausted = coveredMillis == 0 ? bad.compareTo(allowedBad) >= 0
                : bad.multiply(BigDecimal.valueOf(coveredMillis))
                        .compareTo(allowedBad.multiply(BigDecimal.valueOf(windowMillis))) >= 0;
        // burned ≤ covered/window reduces, through the projection, to bad ≤ budget × valid
        boolean onTrack = bad.compareTo(allowedBad) <= 0;
        boolean met = BigDecimal.valueOf(counts.good()).movePointRight(2)
                .compareTo(slo.target().multiply(BigDecimal.valueOf(counts.valid()))) >= 0;
        return new Measurement(period, measured, covered, counts, excludedMinutes, false, coverage, achieved,
                burned, exhausted, onTrack, coveredShare, met);
    }

    PeriodReport toReport() {
        return new PeriodReport(period, counts, Numbers.round(excludedMinutes, 2), noData,
                Numbers.round(coveragePercent, 2), Numbers.round(achievedPercent, 4),
                noData ? null : Numbers.round(burned * 100, 2), met, exhausted);
    }
}
