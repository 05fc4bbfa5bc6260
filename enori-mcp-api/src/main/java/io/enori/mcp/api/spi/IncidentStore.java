package io.enori.mcp.api.spi;

import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentEvent;
import io.enori.mcp.api.IncidentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Incidents and their append-only timelines. Every read and write names the account. A state change and its
 * timeline entry are written together or not at all.
 */
public interface IncidentStore {

    /**
     * Opens an incident with its first timeline entry.
     *
     * @return {@code false}, writing nothing, when the monitor already has an active incident (one per monitor,
     *         enforced by the database so two nodes or two threads cannot both open one)
     */
    boolean open(Incident incident, IncidentEvent opened);

    Optional<Incident> find(String accountId, String incidentId);

    /** The monitor's active (open or acknowledged) incident, if any. */
    Optional<Incident> findActive(String accountId, String monitorId);

    /** Newest first by start time, keyset-paged; range on {@code startedAt}, half-open, either end optional. */
    Page<Incident> list(String accountId, IncidentFilter filter, Instant since, Instant until, PageRequest page);

    /**
     * Writes the incident's new state and appends the event, if the stored incident is still in
     * {@code expectedStatus} (so a resolve racing an acknowledge cannot both win).
     *
     * @return whether it was written
     */
    boolean transition(Incident updated, IncidentStatus expectedStatus, IncidentEvent event);

    /** Appends an event without changing the incident's state (e.g. a status update). */
    void append(IncidentEvent event);

    /** The timeline, oldest first. */
    List<IncidentEvent> timeline(String accountId, String incidentId);

    /** Figures over incidents that started in {@code [since, until)}. */
    IncidentStats stats(String accountId, Instant since, Instant until);
}
