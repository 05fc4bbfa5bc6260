package io.enori.mcp.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A service level objective on one monitor: which checks count as good (the SLI), the target share of good checks,
 * and the window it is measured over.
 *
 * @param target             percent of valid checks that must be good, 90.000–99.999 with at most 3 decimals;
 *                           a {@link BigDecimal} so that 99.999 stays 99.999 on every round trip
 * @param latencyThresholdMs for {@link Sli#LATENCY}: the slowest response that still counts as good; else null
 * @param excludeMaintenance checks inside the monitor's maintenance windows count neither good nor bad
 * @param excludePaused      checks while the monitor was paused count neither good nor bad
 */
public record Slo(String id, String accountId, String monitorId, String name, String description, Sli sli,
                  BigDecimal target, Window window, Integer latencyThresholdMs, boolean excludeMaintenance,
                  boolean excludePaused, BurnAlertPolicy burnAlertPolicy, Instant createdAt, Instant updatedAt) {

    public static final BigDecimal MIN_TARGET = new BigDecimal("90.000");
    public static final BigDecimal MAX_TARGET = new BigDecimal("99.999");
    public static final int MAX_LATENCY_THRESHOLD_MS = 60_000;

    public Slo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(monitorId, "monitorId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sli, "sli");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(burnAlertPolicy, "burnAlertPolicy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (target.compareTo(MIN_TARGET) < 0 || target.compareTo(MAX_TARGET) > 0 || target.stripTrailingZeros().scale() > 3) {
            throw new IllegalArgumentException("target must be 90.000-99.999 with at most 3 decimals: " + target);
        }
        if (sli == Sli.LATENCY) {
            if (latencyThresholdMs == null || latencyThresholdMs < 1 || latencyThresholdMs > MAX_LATENCY_THRESHOLD_MS) {
                throw new IllegalArgumentException("a latency SLO needs latencyThresholdMs 1-60000");
            }
        } else if (latencyThresholdMs != null) {
            throw new IllegalArgumentException("latencyThresholdMs is only for latency SLOs");
        }
    }

    /** The error budget as a fraction of valid events: {@code 1 - target/100} (0.001 for 99.9). */
    public double errorBudget() {
        return BigDecimal.ONE.subtract(target.movePointLeft(2)).doubleValue();
    }

    /** What makes a check good. */
    public enum Sli {
        /** The check succeeded. */
        AVAILABILITY,
        /** The check succeeded within {@link #latencyThresholdMs()}. */
        LATENCY,
        /** The check succeeded and its content matched. */
        CONTENT_MATCH;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Sli> parse(String text) {
            return Arrays.stream(values()).filter(v -> v.wireName().equalsIgnoreCase(text.trim())).findFirst();
        }
    }

    /** Which burn-rate alerts are evaluated (SRE Workbook multi-window, multi-burn-rate). */
    public enum BurnAlertPolicy {
        NONE, FAST, SLOW, BALANCED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean fast() {
            return this == FAST || this == BALANCED;
        }

        public boolean slow() {
            return this == SLOW || this == BALANCED;
        }

        public static Optional<BurnAlertPolicy> parse(String text) {
            return Arrays.stream(values()).filter(v -> v.wireName().equalsIgnoreCase(text.trim())).findFirst();
        }
    }

    /** Calendar cycles, aligned to UTC boundaries (weeks start Monday, quarters Jan/Apr/Jul/Oct). */
    public enum CalendarCycle {
        WEEKLY, MONTHLY, QUARTERLY, YEARLY;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<CalendarCycle> parse(String text) {
            return Arrays.stream(values()).filter(v -> v.wireName().equalsIgnoreCase(text.trim())).findFirst();
        }
    }

    /** The window an SLO is measured over. */
    public sealed interface Window {
        /** The last {@code days} days, ending now. */
        record Rolling(int days) implements Window {
            public static final java.util.List<Integer> ALLOWED_DAYS = java.util.List.of(7, 28, 30, 90, 365);

            public Rolling {
                if (!ALLOWED_DAYS.contains(days)) {
                    throw new IllegalArgumentException("windowLengthDays must be one of 7, 28, 30, 90, 365");
                }
            }
        }

        /** The current calendar week, month, quarter or year (UTC). */
        record Calendar(CalendarCycle cycle) implements Window {
            public Calendar {
                Objects.requireNonNull(cycle, "cycle");
            }
        }
    }
}
