package io.enori.mcp.core.slo;

import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.Slo;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.InvalidArgument;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The SLO fields create_slo and update_slo share (update is PUT: every field replaced), declared once and
 * validated once, so both tools answer a bad field with the same message.
 */
final class SloSettings {
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 1000;
    static final List<String> SLI_TYPES = List.of("availability", "latency", "content_match");
    static final List<String> WINDOW_TYPES = List.of("rolling", "calendar");
    static final List<String> CYCLES = List.of("weekly", "monthly", "quarterly", "yearly");
    static final List<String> POLICIES = List.of("none", "fast", "slow", "balanced");

    private SloSettings() {
    }

    /** The shared fields as bound from the arguments, before the rules that span fields are checked. */
    record Fields(String name, String description, String sliType, BigDecimal target, String windowType,
                  Integer windowLengthDays, String calendarCycle, Integer latencyThresholdMs,
                  Boolean excludeMaintenance, Boolean excludePaused, String burnAlertPolicy) {
    }

    static <I extends Record> InputSpec.Builder<I> declare(InputSpec.Builder<I> b) {
        return b
                .requiredText("name", MAX_NAME, "Display name.")
                .text("description", MAX_DESCRIPTION, "Why it exists.")
                .oneOf("sliType", SLI_TYPES, "availability", "What a good check is.")
                .requiredDecimal("target", Slo.MIN_TARGET, Slo.MAX_TARGET, 3, "Good checks %, max 3 decimals.")
                .requiredOneOf("windowType", WINDOW_TYPES, "Window kind.")
                .integerOneOf("windowLengthDays", Slo.Window.Rolling.ALLOWED_DAYS, "rolling only.")
                .oneOf("calendarCycle", CYCLES, null, "calendar only (UTC).")
                .integer("latencyThresholdMs", 1, Slo.MAX_LATENCY_THRESHOLD_MS, null, "latency only.")
                .bool("excludeMaintenance", false, "Skip maintenance windows.")
                .bool("excludePaused", false, "Skip paused time.")
                .oneOf("burnAlertPolicy", POLICIES, "balanced", "balanced = fast + slow.");
    }

    /**
     * Checks the rules that span fields and builds the SLO.
     *
     * @throws InvalidArgument naming the field at fault and what is allowed
     */
    static Slo build(String id, String accountId, Monitor monitor, Fields f, Instant createdAt, Instant now) {
        Slo.Sli sli = Slo.Sli.parse(f.sliType()).orElseThrow();
        if (sli == Slo.Sli.LATENCY && f.latencyThresholdMs() == null) {
            throw new InvalidArgument("latencyThresholdMs", "is required for sliType latency (1-60000 ms)");
        }
        if (sli != Slo.Sli.LATENCY && f.latencyThresholdMs() != null) {
            throw new InvalidArgument("latencyThresholdMs", "is only for sliType latency; omit it for " + f.sliType());
        }
        if (sli == Slo.Sli.CONTENT_MATCH && !hasKeyword(monitor)) {
            throw new InvalidArgument("sliType", "content_match needs a website monitor with a keyword "
                    + "(set one with update_monitor); use availability or latency");
        }
        Slo.Window window;
        if (f.windowType().equals("rolling")) {
            if (f.windowLengthDays() == null) {
                throw new InvalidArgument("windowLengthDays", "is required for windowType rolling; one of 7, 28, 30, 90, 365");
            }
            if (f.calendarCycle() != null) {
                throw new InvalidArgument("calendarCycle", "is only for windowType calendar; omit it for rolling");
            }
            window = new Slo.Window.Rolling(f.windowLengthDays());
        } else {
            if (f.calendarCycle() == null) {
                throw new InvalidArgument("calendarCycle", "is required for windowType calendar; one of "
                        + String.join(", ", CYCLES));
            }
            if (f.windowLengthDays() != null) {
                throw new InvalidArgument("windowLengthDays", "is only for windowType rolling; omit it for calendar");
            }
            window = new Slo.Window.Calendar(Slo.CalendarCycle.parse(f.calendarCycle()).orElseThrow());
        }
        return new Slo(id, accountId, monitor.id(), f.name(), f.description(), sli, f.target(), window,
                f.latencyThresholdMs(), Boolean.TRUE.equals(f.excludeMaintenance()),
                Boolean.TRUE.equals(f.excludePaused()), Slo.BurnAlertPolicy.parse(f.burnAlertPolicy()).orElseThrow(),
                createdAt, now);
    }

    private static boolean hasKeyword(Monitor monitor) {
        return monitor.target() instanceof MonitorTarget.Website w && w.keyword() != null && !w.keyword().isBlank();
    }
}
