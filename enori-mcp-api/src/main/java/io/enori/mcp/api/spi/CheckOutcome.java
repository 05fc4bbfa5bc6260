package io.enori.mcp.api.spi;

import io.enori.mcp.api.CheckStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * What a checker observed; the core turns it into a stored {@link io.enori.mcp.api.CheckResult}.
 *
 * @param error           why the check is down, in words; {@code null} when up
 * @param sslExpiresAt    the TLS certificate's expiry, when a Website check over https saw one
 * @param domainExpiresAt the domain's registration expiry, when a Domain check read one over RDAP
 * @param traceId         the W3C trace id the check sent in {@code traceparent} (Website checks), else {@code null}
 */
public record CheckOutcome(CheckStatus status, Integer responseTimeMs, Integer statusCode, String error,
                           Boolean contentMatched, Instant sslExpiresAt, Instant domainExpiresAt, String traceId) {
    public CheckOutcome {
        Objects.requireNonNull(status, "status");
        if (status == CheckStatus.DOWN && (error == null || error.isBlank())) {
            throw new IllegalArgumentException("a down outcome says why");
        }
    }

    /** An outcome without a trace id; kept so existing {@code CheckExecutor} implementations compile. */
    public CheckOutcome(CheckStatus status, Integer responseTimeMs, Integer statusCode, String error,
                        Boolean contentMatched, Instant sslExpiresAt, Instant domainExpiresAt) {
        this(status, responseTimeMs, statusCode, error, contentMatched, sslExpiresAt, domainExpiresAt, null);
    }

    /** This outcome, carrying the trace id the check propagated. */
    public CheckOutcome withTraceId(String traceId) {
        return new CheckOutcome(status, responseTimeMs, statusCode, error, contentMatched, sslExpiresAt,
                domainExpiresAt, traceId);
    }

    public static CheckOutcome up(int responseTimeMs) {
        return new CheckOutcome(CheckStatus.UP, responseTimeMs, null, null, null, null, null);
    }

    public static CheckOutcome down(Integer responseTimeMs, String error) {
        return new CheckOutcome(CheckStatus.DOWN, responseTimeMs, null, error, null, null, null);
    }
}
