package io.enori.mcp.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A period in which a monitor was failing, from the check that crossed its failure threshold to recovery (or a
 * person resolving it). At most one active incident per monitor.
 *
 * @param cause          why it opened, in words (the failing check's error)
 * @param acknowledgedBy the principal who said "I'm on it"
 * @param resolvedBy     the principal who resolved it, or {@code null} when recovery resolved it
 */
public record Incident(String id, String accountId, String monitorId, IncidentStatus status, String cause,
                       Instant startedAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt,
                       String resolvedBy, String resolutionNote, Instant updatedAt) {
    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(monitorId, "monitorId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (status == IncidentStatus.RESOLVED && resolvedAt == null) {
            throw new IllegalArgumentException("a resolved incident has resolvedAt");
        }
        if (resolvedAt != null && resolvedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("an incident cannot be resolved before it started");
        }
    }

    public boolean isActive() {
        return status.isActive();
    }
}
