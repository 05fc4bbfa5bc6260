package io.enori.mcp.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An iOS Live Activity push token registered for an incident: every later change of the incident's timeline is
 * handed to the {@link io.enori.mcp.api.spi.PushNotifier} with this token.
 *
 * @param platform    e.g. {@code ios}
 * @param label       the registrant's own name for the device, may be {@code null}
 * @param principalId who registered it
 */
public record LiveActivityToken(String accountId, String incidentId, String token, String platform, String label,
                                String principalId, Instant createdAt) {
    public LiveActivityToken {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
