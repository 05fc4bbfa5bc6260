package io.enori.mcp.api;

import java.time.Instant;
import java.util.Objects;

/** One principal's silence on one monitor's alerts until {@code until}; others are still notified. */
public record Snooze(String accountId, String monitorId, String principalId, Instant until, Instant createdAt) {
    public Snooze {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(monitorId, "monitorId");
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isActiveAt(Instant now) {
        return until.isAfter(now);
    }
}
