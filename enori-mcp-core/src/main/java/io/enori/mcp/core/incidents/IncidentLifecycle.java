package io.enori.mcp.core.incidents;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentEvent;
import io.enori.mcp.api.IncidentStatus;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.core.tool.CoreContext;
import java.time.Instant;
import java.util.Optional;

/**
 * What a check result means for incidents: the check that reaches the monitor's failure threshold opens one
 * (unless one is active), and the first successful check after that resolves it with a note. Opening is
 * guarded by the store's one-active-incident-per-monitor rule, so concurrent checks cannot open two.
 */
public final class IncidentLifecycle {
    private final CoreContext context;

    public IncidentLifecycle(CoreContext context) {
        this.context = context;
    }

    /** The incident a check opened or resolved, if it did either. */
    public Optional<Incident> onCheck(Monitor after, CheckResult result) {
        if (result.status() == CheckStatus.DOWN) {
            return maybeOpen(after, result);
        }
        return maybeRecover(after, result);
    }

    private Optional<Incident> maybeOpen(Monitor monitor, CheckResult result) {
        // A paused monitor is being worked on by someone who said so; a manual check does not page anyone.
        if (monitor.paused() || monitor.consecutiveFailures() < monitor.alertAfterFailures()) {
            return Optional.empty();
        }
        if (context.storage().incidents().findActive(monitor.accountId(), monitor.id()).isPresent()) {
            return Optional.empty();
        }
        Instant now = result.checkedAt();
        String cause = monitor.consecutiveFailures() + " consecutive failed checks; last: "
                + (result.error() == null ? "down" : result.error());
        Incident incident = new Incident(context.ids().next("inc_"), monitor.accountId(), monitor.id(),
                IncidentStatus.OPEN, cause, now, null, null, null, null, null, now);
        IncidentEvent opened = new IncidentEvent(context.ids().next("evt_"), monitor.accountId(), incident.id(),
                IncidentEvent.Kind.OPENED, "Incident opened: " + cause, IncidentEvent.SYSTEM, now);
        if (!context.storage().incidents().open(incident, opened)) {
            return Optional.empty();
        }
        context.incidentEvents().publish(incident, opened);
        return Optional.of(incident);
    }

    private Optional<Incident> maybeRecover(Monitor monitor, CheckResult result) {
        Optional<Incident> active = context.storage().incidents().findActive(monitor.accountId(), monitor.id());
        if (active.isEmpty()) {
            return Optional.empty();
        }
        Incident current = active.get();
        Instant now = result.checkedAt();
        String note = "Recovered: check " + result.id() + " is up"
                + (result.statusCode() == null ? "" : " (HTTP " + result.statusCode() + ")")
                + (result.responseTimeMs() == null ? "" : " in " + result.responseTimeMs() + " ms");
        Incident resolved = new Incident(current.id(), current.accountId(), current.monitorId(), IncidentStatus.RESOLVED,
                current.cause(), current.startedAt(), current.acknowledgedAt(), current.acknowledgedBy(), now, null,
                note, now);
        IncidentEvent event = new IncidentEvent(context.ids().next("evt_"), current.accountId(), current.id(),
                IncidentEvent.Kind.RECOVERED, note, IncidentEvent.SYSTEM, now);
        if (!context.storage().incidents().transition(resolved, current.status(), event)) {
            return Optional.empty();
        }
        context.incidentEvents().publish(resolved, event);
        return Optional.of(resolved);
    }
}
