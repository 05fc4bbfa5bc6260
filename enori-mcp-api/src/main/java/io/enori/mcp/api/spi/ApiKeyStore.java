package io.enori.mcp.api.spi;

import io.enori.mcp.api.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys, looked up by the hash of their secret; the plaintext is never stored. */
public interface ApiKeyStore {
    void insert(ApiKey key);

    Optional<ApiKey> findBySecretHash(String secretHash);

    /** Keys of one account, or of every account when {@code accountId} is {@code null}; oldest first. */
    List<ApiKey> list(String accountId);

    /** @return whether a key that was not yet revoked is revoked now */
    boolean revoke(String keyId, Instant at);
}
