package io.enori.mcp.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of one check of one monitor, as stored.
 *
 * @param contentMatched  whether the keyword was found; {@code null} when the monitor has no keyword
 * @param sslExpiresAt    the TLS certificate's expiry seen by this check, if any
 * @param domainExpiresAt the domain's registration expiry read by this check over RDAP, if any
 * @param traceId         the W3C trace id (32 lowercase hex) a Website check sent in {@code traceparent}, if any
 */
public record CheckResult(String id, String accountId, String monitorId, CheckStatus status, Integer responseTimeMs,
                          Integer statusCode, String error, Boolean contentMatched, Instant sslExpiresAt,
                          Instant domainExpiresAt, Instant checkedAt, String traceId) {
    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(monitorId, "monitorId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkedAt, "checkedAt");
        if (traceId != null && !traceId.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("traceId must be 32 lowercase hex digits");
        }
    }

    /** A result without a trace id (every check type but Website); kept so existing callers compile. */
    public CheckResult(String id, String accountId, String monitorId, CheckStatus status, Integer responseTimeMs,
                       Integer statusCode, String error, Boolean contentMatched, Instant sslExpiresAt,
                       Instant domainExpiresAt, Instant checkedAt) {
        this(id, accountId, monitorId, status, responseTimeMs, statusCode, error, contentMatched, sslExpiresAt,
                domainExpiresAt, checkedAt, null);
    }
}
