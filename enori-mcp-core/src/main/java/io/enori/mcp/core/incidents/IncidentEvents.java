package io.enori.mcp.core.incidents;

import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentEvent;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells subscribers of every timeline entry after it is stored: opened, acknowledged, updated, resolved,
 * recovered. Alerts and Live Activity pushes hang off this, so the lifecycle and the tools that change an
 * incident do not need to know who listens. Subscribers run on the publishing thread (often under a monitor's
 * lock), so they must hand slow work (network) to their own executor; one failing subscriber never stops the
 * others or the change that was published.
 */
public final class IncidentEvents {
    private static final Logger LOG = LoggerFactory.getLogger(IncidentEvents.class);

    /** Reacts to one stored timeline entry. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param incident the incident as it is after the change
         * @param event    the timeline entry just stored
         */
        void onEvent(Incident incident, IncidentEvent event);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Hands a stored entry to every subscriber. */
    public void publish(Incident incident, IncidentEvent event) {
        for (Listener listener : listeners) {
            try {
                listener.onEvent(incident, event);
            } catch (RuntimeException e) {
                LOG.error("incident listener {} failed on {} of {}", listener, event.kind(), incident.id(), e);
            }
        }
    }
}
