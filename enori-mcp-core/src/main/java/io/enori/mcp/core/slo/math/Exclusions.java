package io.enori.mcp.core.slo.math;

import java.time.Instant;
import java.util.List;

/**
 * The spans an SLO does not count (maintenance windows when it excludes maintenance, paused periods when it excludes
 * pauses), possibly overlapping.
 */
public record Exclusions(List<Span> spans) {
    public static final Exclusions NONE = new Exclusions(List.of());

    public Exclusions {
        spans = List.copyOf(spans);
    }

    /** Whether a check at {@code t} is excluded. */
    public boolean covers(Instant t) {
        throw new UnsupportedOperationException("TODO slo math");
    }

    /** Minutes of {@code within} that are excluded, overlaps counted once. */
    public double minutesWithin(Span within) {
        throw new UnsupportedOperationException("TODO slo math");
    }
}
