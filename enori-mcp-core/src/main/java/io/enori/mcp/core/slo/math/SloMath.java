package io.enori.mcp.core.slo.math;

import io.enori.mcp.api.Slo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SLO math of SPEC §7 as pure functions over an {@link EventSource}: no I/O, the instant is passed in.
 *
 * <p>Choices the spec leaves open, decided here once:
 * <ul>
 *   <li><b>Elapsed share</b> (the linear ideal behind {@code onTrack}) is the covered share of the window: the
 *       elapsed part, counted from when the monitor began reporting if that is later, over the window length.
 *       Rolling windows are fully elapsed once the monitor has reported for a whole window.</li>
 *   <li><b>Coverage</b> is covered time / elapsed time of the window, in percent; 0 when there are no valid
 *       events (no part of the window has any).</li>
 *   <li><b>No data</b> (no valid events in the window): achieved, burned and remaining are null, nothing is
 *       burned, and health is GREEN with an explanation starting "no data" — unless a burn alert fires (possible
 *       only for a calendar window just begun, whose alert lookbacks reach into the previous period).</li>
 *   <li><b>Burn rates</b> look back from now regardless of window boundaries: they measure how fast the SLI is
 *       failing right now.</li>
 *   <li><b>Exhaustion ETA</b> is null without a positive 1 h burn rate, when the budget is already exhausted, when
 *       a calendar window ends first, and for rolling windows (which never end) when it lies a whole window
 *       length or more ahead: by then every event measured now has aged out of the window.</li>
 * </ul>
 * Percentages are rounded at the edge: achieved to 4 decimals; budget burned/remaining, coverage, burn rates and
 * alert thresholds to 2. Comparisons that decide a state (met, exhausted, on track, an alert firing) are made on
 * exact counts, never on the rounded figures.
 */
public final class SloMath {
    private static final Duration ONE_HOUR = Duration.ofHours(1);

    private SloMath() {
    }

    /**
     * The SLO's status at {@code now}.
     *
     * @param reportingSince when the monitor began reporting (its first check), or null when it never has; coverage
     *                       and projection count from the later of this and the window start
     */
    public static SloStatus status(Slo slo, Instant now, Instant reportingSince, EventSource events,
                                   Exclusions exclusions) {
        Span window = SloWindows.current(slo.window(), now);
        Measurement m = Measurement.of(slo, window, now, reportingSince, events, exclusions);
        BigDecimal budget = Numbers.budget(slo);
        double budgetDouble = budget.doubleValue();
        Duration windowLength = window.length();

        List<BurnAlert> alerts = new ArrayList<>(3);
        for (AlertSpec spec : AlertSpec.forPolicy(slo.burnAlertPolicy())) {
            alerts.add(evaluate(spec, now, windowLength, budget, events));
        }

        Double burnRate1h = Numbers.burnRate(events.count(new Span(now.minus(ONE_HOUR), now)), budgetDouble);
        Double burned = m.noData() ? null : m.burned();
        Double remaining = m.noData() ? null : 1 - m.burned();
        Instant eta = eta(slo.window(), window, now, remaining, burnRate1h);

        SloStatus.Health health;
        List<String> reasons = new ArrayList<>();
        boolean fastFiring = alerts.stream().anyMatch(a -> a.firing() && a.name().startsWith("fast"));
        boolean slowFiring = alerts.stream().anyMatch(a -> a.firing() && a.name().startsWith("slow"));
        if (m.exhausted() || fastFiring) {
            health = SloStatus.Health.RED;
            if (m.exhausted()) {
                reasons.add("budget exhausted: " + Numbers.words(burned * 100) + " % of budget spent, achieved "
                        + Numbers.words(Numbers.round(m.achievedPercent(), 4), 4) + " % against a target of "
                        + slo.target().toPlainString() + " %");
            }
            alerts.stream().filter(a -> a.firing() && a.name().startsWith("fast"))
                    .forEach(a -> reasons.add(a.explanation()));
        } else if (slowFiring || (remaining != null && remaining < 0.25)) {
            health = SloStatus.Health.AMBER;
            alerts.stream().filter(a -> a.firing()).forEach(a -> reasons.add(a.explanation()));
            if (remaining != null && remaining < 0.25) {
                reasons.add("low budget: " + Numbers.words(remaining * 100) + " % of budget remaining");
            }
        } else {
            health = SloStatus.Health.GREEN;
            if (m.noData()) {
                reasons.add("no data: no valid checks in the window yet, so no budget is spent");
            } else {
                reasons.add((m.onTrack() ? "on track: " : "burning faster than the linear ideal: ")
                        + Numbers.words(burned * 100) + " % of budget spent, "
                        + Numbers.words(m.coveredShare() * 100) + " % of the window elapsed");
            }
        }
        return new SloStatus(window, slo.target(), budget.movePointRight(2).doubleValue(), m.counts(),
                Numbers.round(m.excludedMinutes(), 2), m.noData(), Numbers.round(m.coveragePercent(), 2),
                Numbers.round(m.achievedPercent(), 4), burned == null ? null : Numbers.round(burned * 100, 2),
                remaining == null ? null : Numbers.round(remaining * 100, 2), Numbers.round(burnRate1h, 2), eta,
                m.onTrack(), List.copyOf(alerts), health, String.join("; ", reasons));
    }

    /** One period of the SLA report: {@code period} may be past or current (then measured up to {@code now}). */
    public static PeriodReport report(Slo slo, Span period, Instant now, Instant reportingSince, EventSource events,
                                      Exclusions exclusions) {
        return Measurement.of(slo, period, now, reportingSince, events, exclusions).toReport();
    }

    /**
     * Burn-alert firings over {@code range} from a time-ordered history of verdicts: each firing's start (both its
     * windows over threshold) and end (either back under; null while still firing at the range end).
     *
     * <p>At an instant {@code x} an alert's windows hold the checks in {@code (x − lookback, x]}, which is what
     * {@link #status} sees just after the check at {@code x}. So a firing starts at the check that tipped it over,
     * and ends at the check that brings a window back under or at the instant a bad check ages out of a window.
     * A firing already on at {@code range.start} is reported as starting there. Its peak burn rate is the highest
     * long-window multiplier while it fired. Calendar windows use the real length of the period at each instant.
     */
    public static List<Firing> firings(Slo slo, Span range, List<TimedVerdict> history) {
        return BurnFirings.sweep(slo, range, history);
    }

    static BurnAlert evaluate(AlertSpec spec, Instant now, Duration windowLength, BigDecimal budget,
                              EventSource events) {
        Counts longCounts = events.count(new Span(now.minus(spec.longWindow), now));
        Counts shortCounts = events.count(new Span(now.minus(spec.shortWindow), now));
        double threshold = spec.threshold(windowLength);
        Double longRate = Numbers.burnRate(longCounts, budget.doubleValue());
        Double shortRate = Numbers.burnRate(shortCounts, budget.doubleValue());
        boolean longOver = spec.reaches(longCounts, budget, windowLength);
        boolean shortOver = spec.reaches(shortCounts, budget, windowLength);
        boolean firing = longOver && shortOver;
        return new BurnAlert(spec.alertName, spec.budgetFraction(), spec.longWindow, spec.shortWindow,
                Numbers.round(threshold, 2), Numbers.round(longRate, 2), Numbers.round(shortRate, 2), firing,
                explain(spec, windowLength, threshold, longRate, shortRate, longOver, shortOver));
    }

    static String explain(AlertSpec spec, Duration windowLength, double threshold, Double longRate,
                          Double shortRate, boolean longOver, boolean shortOver) {
        String kind = spec.fast ? "fast burn" : "slow burn";
        String budgetWords = Numbers.words(spec.budgetPercent);
        if (longRate == null) {
            return spec.alertName + " quiet: no valid checks in " + spec.lookbackWords;
        }
        double spentPercent = longRate * spec.longWindow.toMillis() / windowLength.toMillis() * 100;
        String spent = Numbers.words(spentPercent) + " % of budget spent in " + spec.lookbackWords
                + ", threshold " + budgetWords + " %";
        String shortWords = "last " + words(spec.shortWindow) + " at "
                + (shortRate == null ? "no data" : Numbers.words(shortRate) + "×");
        String rates = " (burn rate " + Numbers.words(longRate) + "×, " + shortWords + ", threshold "
                + Numbers.words(threshold) + "×)";
        if (longOver && shortOver) {
            return kind + ": " + spent + rates;
        }
        if (longOver) {
            return spec.alertName + " clearing: " + spent + ", but the last " + words(spec.shortWindow)
                    + " is back under" + rates;
        }
        return spec.alertName + " quiet: " + spent + rates;
    }

    static String words(Duration d) {
        return d.toHours() >= 1 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    private static Instant eta(Slo.Window window, Span span, Instant now, Double remaining, Double rate) {
        if (remaining == null || rate == null || rate <= 0 || remaining <= 0) {
            return null;
        }
        double millis = remaining * span.length().toMillis() / rate;
        Instant horizon = window instanceof Slo.Window.Rolling ? now.plus(span.length()) : span.end();
        if (millis >= Duration.between(now, horizon).toMillis()) {
            return null;
        }
        return now.plusMillis(Math.round(millis));
    }

    /** One check's verdict at its time. */
    public record TimedVerdict(Instant at, Verdict verdict) {
        public TimedVerdict {
            java.util.Objects.requireNonNull(at, "at");
            java.util.Objects.requireNonNull(verdict, "verdict");
        }
    }

    /** A burn alert that fired from {@code start} until {@code end} (null: still firing). */
    public record Firing(String alert, Instant start, Instant end, double peakBurnRate, String explanation) {
    }
}
