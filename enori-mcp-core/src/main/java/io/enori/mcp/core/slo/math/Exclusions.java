package io.enori.mcp.core.slo.math;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
        for (Span span : spans) {
            if (span.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** Minutes of {@code within} that are excluded, overlaps counted once. */
    public double minutesWithin(Span within) {
        return excludedWithin(within).toNanos() / 60e9;
    }

    /** Excluded time within {@code within}: the union of the spans clipped to it, overlaps counted once. */
    Duration excludedWithin(Span within) {
        List<Span> clipped = new ArrayList<>(spans.size());
        for (Span span : spans) {
            Span c = span.intersect(within);
            if (c.end().isAfter(c.start())) {
                clipped.add(c);
            }
        }
        clipped.sort(Comparator.comparing(Span::start));
        Duration total = Duration.ZERO;
        Instant runStart = null;
        Instant runEnd = null;
        for (Span c : clipped) {
            if (runEnd == null || c.start().isAfter(runEnd)) {
                if (runEnd != null) {
                    total = total.plus(Duration.between(runStart, runEnd));
                }
                runStart = c.start();
                runEnd = c.end();
            } else if (c.end().isAfter(runEnd)) {
                runEnd = c.end();
            }
        }
        if (runEnd != null) {
            total = total.plus(Duration.between(runStart, runEnd));
        }
        return total;
    }
}
