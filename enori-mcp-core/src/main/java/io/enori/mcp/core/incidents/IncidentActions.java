package io.enori.mcp.core.incidents;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentEvent;
import io.enori.mcp.api.IncidentStatus;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.ToolFailure;
import java.time.Instant;
import java.util.Map;

/**
 * The people's side of the lifecycle, shared by acknowledge_incident, resolve_incident and add_incident_update:
 * every change is a compare-and-set on the incident's status plus a timeline entry, so a resolve racing an
 * acknowledge (or recovery) cannot both win.
 */
final class IncidentActions {
    static final String ALREADY_RESOLVED = "Incident already resolved";

    private final CoreContext context;

    IncidentActions(CoreContext context) {
        this.context = context;
    }

    /** The incident after the change and whether anything changed. */
    record Result(Incident incident, boolean changed) {
    }

    Result acknowledge(Caller caller, String incidentId, String note) {
        Incident current = IncidentViews.require(context, caller, incidentId);
        requireActive(current);
        if (current.status() == IncidentStatus.ACKNOWLEDGED) {
            return new Result(current, false);
        }
        Instant now = context.clock().instant();
        Incident acknowledged = new Incident(current.id(), current.accountId(), current.monitorId(),
                IncidentStatus.ACKNOWLEDGED, current.cause(), current.startedAt(), now, caller.principalId(), null, null,
                null, now);
        String message = note == null ? "Acknowledged" : "Acknowledged: " + note;
        return commit(current, acknowledged, IncidentEvent.Kind.ACKNOWLEDGED, message, caller, now);
    }

    Result resolve(Caller caller, String incidentId, String resolutionNote) {
        Incident current = IncidentViews.require(context, caller, incidentId);
        requireActive(current);
        Instant now = context.clock().instant();
        Incident resolved = new Incident(current.id(), current.accountId(), current.monitorId(), IncidentStatus.RESOLVED,
                current.cause(), current.startedAt(), current.acknowledgedAt(), current.acknowledgedBy(), now,
                caller.principalId(), resolutionNote, now);
        return commit(current, resolved, IncidentEvent.Kind.RESOLVED, "Resolved: " + resolutionNote, caller, now);
    }

    Incident addUpdate(Caller caller, String incidentId, String message) {
        Incident current = IncidentViews.require(context, caller, incidentId);
        IncidentEvent update = new IncidentEvent(context.ids().next("evt_"), caller.accountId(), current.id(),
                IncidentEvent.Kind.UPDATE, message, caller.principalId(), context.clock().instant());
        context.storage().incidents().append(update);
        context.incidentEvents().publish(current, update);
        return current;
    }

    private Result commit(Incident current, Incident next, IncidentEvent.Kind kind, String message, Caller caller,
                          Instant now) {
        IncidentEvent event = new IncidentEvent(context.ids().next("evt_"), caller.accountId(), current.id(), kind,
                message, caller.principalId(), now);
        if (context.storage().incidents().transition(next, current.status(), event)) {
            context.incidentEvents().publish(next, event);
            return new Result(next, true);
        }
        // Someone else (or recovery) changed it in between: answer with what it is now.
        Incident now2 = IncidentViews.require(context, caller, current.id());
        requireActive(now2);
        throw new ToolFailure(new ToolError("Incident changed meanwhile; read it again with get_incident",
                Map.of("incidentId", current.id(), "status", now2.status().wireName())));
    }

    private static void requireActive(Incident incident) {
        if (!incident.isActive()) {
            throw new ToolFailure(new ToolError(ALREADY_RESOLVED, Map.of("incidentId", incident.id(),
                    "resolvedAt", incident.resolvedAt().toString())));
        }
    }
}
