package io.enori.mcp.core.incidents;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentEvent;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.ToolFailure;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Function;

/** How incidents look to a client, and the lookup every incident tool shares. */
final class IncidentViews {
    static final String INCIDENT_NOT_FOUND = "Incident not found";

    private IncidentViews() {
    }

    /** One incident; {@code durationMinutes} runs to now while it is active. */
    record IncidentView(String id, String monitorId, String status, String cause, OffsetDateTime startedAt,
                        OffsetDateTime acknowledgedAt, String acknowledgedBy, OffsetDateTime resolvedAt,
                        String resolvedBy, String resolutionNote, double durationMinutes) {
    }

    record TimelineEntry(String kind, String message, String author, OffsetDateTime at) {
    }

    static IncidentView view(Incident i, Instant now, Function<Instant, OffsetDateTime> local) {
        Instant end = i.resolvedAt() != null ? i.resolvedAt() : now;
        double minutes = Math.round(Duration.between(i.startedAt(), end).toSeconds() / 6.0) / 10.0;
        return new IncidentView(i.id(), i.monitorId(), i.status().wireName(), i.cause(), local.apply(i.startedAt()),
                local.apply(i.acknowledgedAt()), i.acknowledgedBy(), local.apply(i.resolvedAt()), i.resolvedBy(),
                i.resolutionNote(), Math.max(0, minutes));
    }

    static TimelineEntry entry(IncidentEvent e, Function<Instant, OffsetDateTime> local) {
        return new TimelineEntry(e.kind().wireName(), e.message(), e.author(), local.apply(e.at()));
    }

    /** UTC rendering for tools without a {@code tz} argument. */
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    static Incident require(CoreContext context, Caller caller, String incidentId) {
        return context.storage().incidents().find(caller.accountId(), incidentId)
                .orElseThrow(() -> new ToolFailure(ToolError.notFound(INCIDENT_NOT_FOUND, "incidentId", incidentId)));
    }
}
