package io.enori.mcp.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One incident change to push to one Live Activity.
 *
 * @param kind           what happened (acknowledged, update, resolved, recovered, …)
 * @param incidentStatus the incident's status after the change, for the activity's content state
 * @param message        the timeline entry's text
 * @param at             when the change happened
 */
public record LiveActivityPush(String token, String platform, String accountId, String incidentId,
                               IncidentEvent.Kind kind, IncidentStatus incidentStatus, String message, Instant at) {
    public LiveActivityPush {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(incidentStatus, "incidentStatus");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }

    /** Whether the incident is over, so the Live Activity should end. */
    public boolean ends() {
        return incidentStatus == IncidentStatus.RESOLVED;
    }
}
