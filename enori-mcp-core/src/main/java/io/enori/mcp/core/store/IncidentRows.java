package io.enori.mcp.core.store;

import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentEvent;
import io.enori.mcp.api.IncidentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps incidents and timeline events to their rows and back. An inserted incident is active, so its
 * {@code active_monitor_id} is its monitor.
 */
final class IncidentRows {

    /** The width of the cause, note and message columns; longer texts are cut rather than failing the write. */
    static final int MAX_TEXT_LENGTH = 4000;

    static final String COLUMNS = "id, account_id, monitor_id, status, cause, started_at, acknowledged_at, "
            + "acknowledged_by, resolved_at, resolved_by, resolution_note, updated_at";

    static final String EVENT_COLUMNS = "id, account_id, incident_id, kind, message, author, occurred_at";

    private IncidentRows() {
    }

    static int insertIncident(Handle h, Incident incident) {
        return h.createUpdate("INSERT INTO incidents (" + COLUMNS + ", active_monitor_id) VALUES (:id, "
                        + ":accountId, :monitorId, :status, :cause, :startedAt, :acknowledgedAt, :acknowledgedBy, "
                        + ":resolvedAt, :resolvedBy, :note, :updatedAt, :monitorId)")
                .bind("id", incident.id())
                .bind("accountId", incident.accountId())
                .bind("monitorId", incident.monitorId())
                .bind("status", incident.status().name())
                .bind("cause", clip(incident.cause()))
                .bind("startedAt", Sql.instant(incident.startedAt()))
                .bind("acknowledgedAt", Sql.instant(incident.acknowledgedAt()))
                .bind("acknowledgedBy", incident.acknowledgedBy())
                .bind("resolvedAt", Sql.instant(incident.resolvedAt()))
                .bind("resolvedBy", incident.resolvedBy())
                .bind("note", clip(incident.resolutionNote()))
                .bind("updatedAt", Sql.instant(incident.updatedAt()))
                .execute();
    }

    static void insertEvent(Handle h, IncidentEvent event) {
        h.createUpdate("INSERT INTO incident_events (" + EVENT_COLUMNS + ") VALUES (:id, :accountId, :incidentId, "
                        + ":kind, :message, :author, :at)")
                .bind("id", event.id())
                .bind("accountId", event.accountId())
                .bind("incidentId", event.incidentId())
                .bind("kind", event.kind().name())
                .bind("message", clip(event.message()))
                .bind("author", event.author())
                .bind("at", Sql.instant(event.at()))
                .execute();
    }

    static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT_LENGTH ? text : text.substring(0, MAX_TEXT_LENGTH);
    }

    static Incident map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Incident(rs.getString("id"), rs.getString("account_id"), rs.getString("monitor_id"),
                IncidentStatus.valueOf(rs.getString("status")), rs.getString("cause"), Sql.instant(rs, "started_at"),
                Sql.instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"), Sql.instant(rs, "resolved_at"),
                rs.getString("resolved_by"), rs.getString("resolution_note"), Sql.instant(rs, "updated_at"));
    }

    static IncidentEvent mapEvent(ResultSet rs, StatementContext ctx) throws SQLException {
        return new IncidentEvent(rs.getString("id"), rs.getString("account_id"), rs.getString("incident_id"),
                IncidentEvent.Kind.valueOf(rs.getString("kind")), rs.getString("message"), rs.getString("author"),
                Sql.instant(rs, "occurred_at"));
    }
}
