package io.enori.mcp.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of one check of one monitor, as stored.
 *
 * @param contentMatched  whether the keyword was found; {@code null} when the monitor has no keyword
 * @param sslExpiresAt    the TLS certificate's expiry seen by this check, if any
 * @param domainExpiresAt the domain's registration expiry read by this check over RDAP, if any
 */
public record CheckResult(String id, String accountId, String monitorId, CheckStatus status, Integer responseTimeMs,
                          Integer statusCode, String error, Boolean contentMatched, Instant sslExpiresAt,
                          Instant domainExpiresAt, Instant checkedAt) {
    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(monitorId, "monitorId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }
}
