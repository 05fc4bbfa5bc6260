package io.enori.mcp.api.spi;

import io.enori.mcp.api.IncidentEvent;
import io.enori.mcp.api.LiveActivityToken;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Live Activity push tokens per incident, and a record of every push handed to the notifier. */
public interface LiveActivityStore {

    /**
     * One push handed to the {@link PushNotifier}.
     *
     * @param delivered whether the notifier accepted it
     * @param error     why not, when it did not
     */
    record PushAttempt(String id, String accountId, String incidentId, String token, IncidentEvent.Kind kind,
                       boolean delivered, String error, Instant at) {
        public PushAttempt {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(incidentId, "incidentId");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Registers a token for an incident; registering the same token again only replaces its platform and label.
     *
     * @return whether the token was new for this incident
     */
    boolean register(LiveActivityToken token);

    /** The incident's tokens, oldest first. */
    List<LiveActivityToken> listForIncident(String accountId, String incidentId);

    void recordPush(PushAttempt attempt);

    /** Pushes made for the incident, oldest first. */
    List<PushAttempt> pushes(String accountId, String incidentId);
}
