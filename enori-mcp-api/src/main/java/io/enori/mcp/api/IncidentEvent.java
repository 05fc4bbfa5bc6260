package io.enori.mcp.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of an incident's timeline: who did what, when. The timeline is append-only.
 *
 * @param author the principal, or {@code "system"} for the monitoring loop
 */
public record IncidentEvent(String id, String accountId, String incidentId, Kind kind, String message, String author,
                            Instant at) {

    /** The author of entries the monitoring loop writes. */
    public static final String SYSTEM = "system";

    /** What happened. */
    public enum Kind {
        OPENED, ACKNOWLEDGED, UPDATE, RESOLVED, RECOVERED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public IncidentEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(at, "at");
    }
}
