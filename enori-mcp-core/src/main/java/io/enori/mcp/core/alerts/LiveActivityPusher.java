package io.enori.mcp.core.alerts;

import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentEvent;
import io.enori.mcp.api.LiveActivityPush;
import io.enori.mcp.api.LiveActivityToken;
import io.enori.mcp.api.spi.LiveActivityStore;
import io.enori.mcp.api.spi.PushNotifier;
import io.enori.mcp.core.incidents.IncidentEvents;
import io.enori.mcp.core.tool.CoreContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every timeline change of an incident to the {@link PushNotifier}, once per Live Activity token
 * registered for it. The tokens are read when the change is published, so a token only ever sees changes after
 * its registration; the pushes themselves run on the alert workers. Every push is recorded with its outcome; with
 * no notifier configured, the record says so and nothing is sent.
 */
final class LiveActivityPusher implements IncidentEvents.Listener {
    static final String NO_NOTIFIER = "no push notifier configured";
    private static final Logger LOG = LoggerFactory.getLogger(LiveActivityPusher.class);

    private final CoreContext context;
    private final PushNotifier notifier;
    private final AlertWorkers workers;

    /** @param notifier {@code null} when none is configured */
    LiveActivityPusher(CoreContext context, PushNotifier notifier, AlertWorkers workers) {
        this.context = context;
        this.notifier = notifier;
        this.workers = workers;
    }

    @Override
    public void onEvent(Incident incident, IncidentEvent event) {
        List<LiveActivityToken> tokens = context.storage().liveActivities()
                .listForIncident(incident.accountId(), incident.id());
        for (LiveActivityToken token : tokens) {
            LiveActivityPush push = new LiveActivityPush(token.token(), token.platform(), incident.accountId(),
                    incident.id(), event.kind(), incident.status(), event.message(), event.at());
            if (!workers.submit("push:" + event.id() + ":" + token.token(), () -> push(push))) {
                record(push, false, "push queue full; dropped");
            }
        }
    }

    private void push(LiveActivityPush push) {
        if (notifier == null) {
            LOG.debug("Live Activity push for incident {} ({}) not sent: {}", push.incidentId(), push.kind(),
                    NO_NOTIFIER);
            record(push, false, NO_NOTIFIER);
            return;
        }
        try {
            notifier.push(push);
            record(push, true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            record(push, false, "interrupted: the core was closing");
        } catch (Exception e) {
            LOG.warn("Live Activity push for incident {} ({}) failed: {}", push.incidentId(), push.kind(), e.toString());
            record(push, false, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void record(LiveActivityPush push, boolean delivered, String error) {
        try {
            context.storage().liveActivities().recordPush(new LiveActivityStore.PushAttempt(
                    context.ids().next("lap_"), push.accountId(), push.incidentId(), push.token(), push.kind(),
                    delivered, error, context.clock().instant()));
        } catch (RuntimeException e) {
            LOG.error("could not record a Live Activity push for incident {}", push.incidentId(), e);
        }
    }
}
