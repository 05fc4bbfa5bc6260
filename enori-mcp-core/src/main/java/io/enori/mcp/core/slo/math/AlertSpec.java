package io.enori.mcp.core.slo.math;

import io.enori.mcp.api.Slo;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The three multi-window, multi-burn-rate alerts of SPEC §7 (SRE Workbook, chapter 5). */
enum AlertSpec {
    FAST_1H("fast_1h", true, 2, Duration.ofHours(1), Duration.ofMinutes(5), "the last hour"),
    FAST_6H("fast_6h", true, 5, Duration.ofHours(6), Duration.ofMinutes(30), "the last 6 hours"),
    SLOW_3D("slow_3d", false, 10, Duration.ofDays(3), Duration.ofHours(6), "the last 3 days");

    final String alertName;
    final boolean fast;
    /** Share of the window's budget, in whole percent, so thresholds are exact ratios of integers. */
    final int budgetPercent;
    final Duration longWindow;
    final Duration shortWindow;
    final String lookbackWords;

    AlertSpec(String alertName, boolean fast, int budgetPercent, Duration longWindow, Duration shortWindow,
              String lookbackWords) {
        this.alertName = alertName;
        this.fast = fast;
        this.budgetPercent = budgetPercent;
        this.longWindow = longWindow;
        this.shortWindow = shortWindow;
        this.lookbackWords = lookbackWords;
    }

    static List<AlertSpec> forPolicy(Slo.BurnAlertPolicy policy) {
        List<AlertSpec> specs = new ArrayList<>(3);
        if (policy.fast()) {
            specs.add(FAST_1H);
            specs.add(FAST_6H);
        }
        if (policy.slow()) {
            specs.add(SLOW_3D);
        }
        return specs;
    }

    double budgetFraction() {
        return budgetPercent / 100.0;
    }

    /**
     * {@code fraction × window hours / lookback hours}, computed from whole seconds so that a 30-day window gives
     * exactly 14.4, 6 and 1.
     */
    double threshold(Duration windowLength) {
        return (double) (budgetPercent * windowLength.toSeconds()) / (100.0 * longWindow.toSeconds());
    }

    /**
     * Whether {@code bad/valid/budget ≥ threshold}, decided exactly (cross-multiplied in BigDecimal) so that a
     * burn rate sitting right on the threshold fires. Never with no valid events.
     */
    boolean reaches(Counts counts, BigDecimal budget, Duration windowLength) {
        if (counts.valid() == 0) {
            return false;
        }
        BigDecimal lhs = BigDecimal.valueOf(counts.bad()).multiply(BigDecimal.valueOf(100L * longWindow.toSeconds()));
        BigDecimal rhs = BigDecimal.valueOf(budgetPercent).multiply(BigDecimal.valueOf(windowLength.toSeconds()))
                .multiply(BigDecimal.valueOf(counts.valid())).multiply(budget);
        return lhs.compareTo(rhs) >= 0;
    }
}
