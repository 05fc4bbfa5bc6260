package io.enori.mcp.api;

import java.time.Instant;
import java.util.Objects;

/** A read-only public link to one monitor's status. Only the token's hash is stored. */
public record ShareLink(String id, String accountId, String monitorId, String tokenHash, Instant createdAt,
                        Instant revokedAt) {
    public ShareLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(monitorId, "monitorId");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isActive() {
        return revokedAt == null;
    }
}
