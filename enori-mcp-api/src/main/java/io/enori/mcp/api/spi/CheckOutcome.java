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
 */
public record CheckOutcome(CheckStatus status, Integer responseTimeMs, Integer statusCode, String error,
                           Boolean contentMatched, Instant sslExpiresAt, Instant domainExpiresAt) {
    public CheckOutcome {
        Objects.requireNonNull(status, "status");
        if (status == CheckStatus.DOWN && (error == null || error.isBlank())) {
            throw new IllegalArgumentException("a down outcome says why");
        }
    }

    public static CheckOutcome up(int responseTimeMs) {
        return new CheckOutcome(CheckStatus.UP, responseTimeMs, null, null, null, null, null);
    }

    public static CheckOutcome down(Integer responseTimeMs, String error) {
        return new CheckOutcome(CheckStatus.DOWN, responseTimeMs, null, error, null, null, null);
    }
}
