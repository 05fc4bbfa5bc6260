package io.enori.mcp.core.slo.math;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An SLO's state at one instant (SPEC §7). Percentages are 0–100; nothing is NaN: without valid events the figures
 * that need them are null and {@code noData} is true.
 *
 * @param window                the window measured (calendar windows: the whole period; elapsed part up to now)
 * @param coveragePercent       share of the elapsed window (from when the monitor began reporting) with valid events
 * @param achievedPercent       good / valid × 100; null without valid events
 * @param budgetBurnedPercent   bad / (budget × projected valid events for the whole window) × 100; null without data
 * @param budgetRemainingPercent 100 − burned (may go below 0); null without data
 * @param burnRate1h            (bad/valid over the last hour) / budget; null without valid events in that hour
 * @param exhaustionEta         when the budget runs out at the 1 h burn rate; null when not burning, when already
 *                              exhausted, or when the window ends first (a rolling window never ends: null when the
 *                              ETA is a whole window length or more away)
 * @param onTrack               burned ≤ elapsed share of the window (the linear ideal); the elapsed share counts
 *                              from when the monitor began reporting, if later than the window start
 * @param health                red / amber / green per SPEC §7; without data green (nothing burned) unless an
 *                              alert fires
 * @param explanation           why the status is what it is, in words
 */
public record SloStatus(Span window, BigDecimal target, double errorBudgetPercent, Counts counts,
                        double excludedMinutes, boolean noData, double coveragePercent, Double achievedPercent,
                        Double budgetBurnedPercent, Double budgetRemainingPercent, Double burnRate1h,
                        Instant exhaustionEta, boolean onTrack, List<BurnAlert> alerts, Health health,
                        String explanation) {

    public enum Health { GREEN, AMBER, RED }
}
