package io.enori.mcp.api.spi;

import io.enori.mcp.api.ShareLink;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Public read-only share links of monitors. */
public interface ShareLinkStore {
    void insert(ShareLink link);

    List<ShareLink> listActive(String accountId, String monitorId);

    Optional<ShareLink> findActiveByTokenHash(String tokenHash);

    /** @return how many active links were revoked */
    int revokeAll(String accountId, String monitorId, Instant at);
}
