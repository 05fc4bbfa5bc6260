package io.enori.mcp.core.slo.math;

import io.enori.mcp.api.Slo;
import java.time.Instant;
import java.util.List;

/** The SLO math of SPEC §7 as pure functions over an {@link EventSource}: no I/O, the instant is passed in. */
public final class SloMath {
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
        throw new UnsupportedOperationException("TODO slo math");
    }

    /** One period of the SLA report: {@code period} may be past or current (then measured up to {@code now}). */
    public static PeriodReport report(Slo slo, Span period, Instant now, Instant reportingSince, EventSource events,
                                      Exclusions exclusions) {
        throw new UnsupportedOperationException("TODO slo math");
    }

    /**
     * Burn-alert firings over {@code range} from a time-ordered history of verdicts: each firing's start (both its
     * windows over threshold) and end (either back under; null while still firing at the range end).
     */
    public static List<Firing> firings(Slo slo, Span range, List<TimedVerdict> history) {
        throw new UnsupportedOperationException("TODO slo math");
    }

    /** One check's verdict at its time. */
    public record TimedVerdict(Instant at, Verdict verdict) {
    }

    /** A burn alert that fired from {@code start} until {@code end} (null: still firing). */
    public record Firing(String alert, Instant start, Instant end, double peakBurnRate, String explanation) {
    }
}
