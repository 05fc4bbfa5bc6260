package io.enori.mcp.core.slo.math;

import java.time.Duration;

/**
 * One multi-window burn-rate alert as evaluated now.
 *
 * @param name           {@code fast_1h}, {@code fast_6h} or {@code slow_3d}
 * @param budgetFraction the share of the window's budget this alert is about (0.02, 0.05, 0.10)
 * @param threshold      the burn-rate multiplier both windows must reach: fraction × window hours / lookback hours
 * @param longBurnRate   burn-rate multiplier over the long window; null without valid events there
 * @param shortBurnRate  burn-rate multiplier over the short window; null without valid events there
 * @param explanation    in words, e.g. "fast burn: 3.1 % of budget spent in the last hour, threshold 2 %"
 */
public record BurnAlert(String name, double budgetFraction, Duration longWindow, Duration shortWindow,
                        double threshold, Double longBurnRate, Double shortBurnRate, boolean firing,
                        String explanation) {
}
