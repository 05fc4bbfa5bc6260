package io.enori.mcp.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A stored API key. Only the hash of the secret is kept; the plaintext is shown once at creation.
 *
 * @param prefix the first characters of the key, safe to show so people can tell keys apart
 */
public record ApiKey(String id, String accountId, String name, String prefix, String secretHash,
                     Set<Scope> scopes, Instant createdAt, Instant revokedAt) {
    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        scopes = Set.copyOf(scopes);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("an API key needs at least one scope");
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
