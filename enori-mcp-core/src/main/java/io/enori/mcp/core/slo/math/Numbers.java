package io.enori.mcp.core.slo.math;

import io.enori.mcp.api.Slo;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Budget arithmetic and the rounding applied at the edge; the math itself stays in double. */
final class Numbers {
    private Numbers() {
    }

    /** {@code 1 − target/100}, exact: 0.00001 for 99.999. */
    static BigDecimal budget(Slo slo) {
        return BigDecimal.ONE.subtract(slo.target().movePointLeft(2));
    }

    /** Burn-rate multiplier {@code (bad/valid)/budget}; null without valid events. */
    static Double burnRate(Counts counts, double budget) {
        if (counts.valid() == 0) {
            return null;
        }
        return ((double) counts.bad() / counts.valid()) / budget;
    }

    static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    static Double round(Double value, int places) {
        return value == null ? null : round(value.doubleValue(), places);
    }

    /** For explanations: at most two decimals, no trailing zeros ("2", "14.4", "3.06"). */
    static String words(double value) {
        return words(value, 2);
    }

    static String words(double value, int places) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
