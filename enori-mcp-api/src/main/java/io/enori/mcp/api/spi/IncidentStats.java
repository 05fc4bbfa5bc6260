package io.enori.mcp.api.spi;

/**
 * Incident figures over a range (incidents that started in it).
 *
 * @param meanSecondsToAcknowledge MTTA over the acknowledged ones, {@code null} without any
 * @param meanSecondsToResolve     MTTR over the resolved ones, {@code null} without any
 */
public record IncidentStats(long total, long active, long acknowledged, long resolved,
                            Double meanSecondsToAcknowledge, Double meanSecondsToResolve) {
}
