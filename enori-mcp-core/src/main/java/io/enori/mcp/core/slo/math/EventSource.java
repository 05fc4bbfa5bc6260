package io.enori.mcp.core.slo.math;

/**
 * Counts an SLO's events over a span. The storage implementation reads daily rollups for whole UTC days and raw
 * checks for the partial edges; tests use in-memory histories. Implementations apply the SLO's SLI and exclusions.
 */
@FunctionalInterface
public interface EventSource {
    Counts count(Span span);
}
