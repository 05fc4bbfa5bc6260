package io.enori.mcp.core.status;

import io.enori.mcp.api.Incident;
import io.enori.mcp.api.MaintenanceWindow;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorStatus;
import io.enori.mcp.api.spi.IncidentFilter;
import io.enori.mcp.api.spi.PageRequest;
import io.enori.mcp.core.tool.CoreContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What component health is derived from, read once per call in three queries (monitors, active incidents,
 * active maintenance windows), however many pages and components are shown.
 */
final class HealthSnapshot {

    /** One component's derived health and the facts behind it. */
    record Verdict(Health health, String reason, Monitor monitor, Incident incident, MaintenanceWindow window) {
    }

    private final Instant now;
    private final Map<String, Monitor> monitors;
    private final Map<String, Incident> activeIncidents;
    private final List<MaintenanceWindow> activeWindows;

    private HealthSnapshot(Instant now, Map<String, Monitor> monitors, Map<String, Incident> activeIncidents,
                           List<MaintenanceWindow> activeWindows) {
        this.now = now;
        this.monitors = monitors;
        this.activeIncidents = activeIncidents;
        this.activeWindows = activeWindows;
    }

    static HealthSnapshot load(CoreContext context, String accountId) {
        Instant now = context.clock().instant();
        Map<String, Monitor> monitors = context.storage().monitors().listAll(accountId).stream()
                .collect(Collectors.toMap(Monitor::id, Function.identity()));
        // At most one active incident per monitor, so one page of that size holds them all.
        Map<String, Incident> incidents = context.storage().incidents().list(accountId,
                        new IncidentFilter(null, null, true), null, null, PageRequest.first(Math.max(1, monitors.size())))
                .items().stream().collect(Collectors.toMap(Incident::monitorId, Function.identity(), (a, b) -> a));
        List<MaintenanceWindow> windows = context.storage().maintenanceWindows().activeAt(accountId, now);
        return new HealthSnapshot(now, monitors, incidents, windows);
    }

    Instant now() {
        return now;
    }

    /**
     * Maintenance wins (an outage inside a window is expected), then paused, never checked, down with an
     * incident, failing or recovering, else operational.
     */
    Verdict of(String monitorId) {
        Monitor m = monitors.get(monitorId);
        if (m == null) {
            // Components of a deleted monitor are deleted with it; this only shows a race with that delete.
            return new Verdict(Health.PENDING, "Its monitor no longer exists.", null, null, null);
        }
        Incident incident = activeIncidents.get(monitorId);
        Optional<MaintenanceWindow> window = activeWindows.stream().filter(w -> w.covers(monitorId, now)).findFirst();
        if (window.isPresent()) {
            return new Verdict(Health.UNDER_MAINTENANCE, "In maintenance window '" + window.get().name() + "' until "
                    + window.get().endsAt() + "." + (m.status() == MonitorStatus.DOWN && !m.paused()
                    ? " Its last check failed; checks continue during maintenance." : ""), m, incident, window.get());
        }
        if (m.paused()) {
            return new Verdict(Health.PAUSED, "Monitoring is paused, so its current health is unknown.", m, incident,
                    null);
        }
        if (m.status() == MonitorStatus.PENDING) {
            return new Verdict(Health.PENDING, "Not checked yet.", m, incident, null);
        }
        if (m.status() == MonitorStatus.DOWN && incident != null) {
            return new Verdict(Health.MAJOR_OUTAGE, "Down since " + incident.startedAt() + ": " + incident.cause()
                    + ".", m, incident, null);
        }
        if (m.status() == MonitorStatus.DOWN) {
            return new Verdict(Health.DEGRADED, "Its last " + (m.consecutiveFailures() == 1 ? "check" : 
                    m.consecutiveFailures() + " checks") + " failed; an incident opens after "
                    + m.alertAfterFailures() + " in a row.", m, null, null);
        }
        if (incident != null) {
            return new Verdict(Health.DEGRADED, "Checks pass again but incident " + incident.id() + " is still "
                    + incident.status().wireName() + ".", m, incident, null);
        }
        return new Verdict(Health.OPERATIONAL, null, m, null, null);
    }
}
