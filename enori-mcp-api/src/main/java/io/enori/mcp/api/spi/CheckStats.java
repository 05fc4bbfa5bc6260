package io.enori.mcp.api.spi;

import java.time.Instant;

/**
 * Aggregates of one monitor's checks over a range.
 *
 * @param avgResponseMs   mean response time of checks that reported one, {@code null} without any
 * @param p95ResponseMs   95th percentile of the same, {@code null} without any
 * @param downtimeSeconds time spent down: from each down check to the next check (or the range's end)
 */
public record CheckStats(String monitorId, long total, long failed, Double avgResponseMs, Double p95ResponseMs,
                         Instant lastSuccessAt, long downtimeSeconds) {

    public static CheckStats empty(String monitorId) {
        return new CheckStats(monitorId, 0, 0, null, null, null, 0);
    }
}
