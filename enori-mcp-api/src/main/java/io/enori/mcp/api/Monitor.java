package io.enori.mcp.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A monitor's configuration and current state.
 *
 * @param consecutiveFailures failed checks in a row since the last success; incidents open at
 *                            {@code alertAfterFailures}
 * @param sslExpiresAt        the TLS certificate's expiry seen by the last https check, if any
 * @param domainExpiresAt     the domain's registration expiry read by the last Domain check, if any
 */
public record Monitor(String id, String accountId, String name, MonitorTarget target, int intervalSeconds,
                      int timeoutMs, int alertAfterFailures, List<String> channelIds, boolean paused,
                      MonitorStatus status, int consecutiveFailures, Instant lastCheckedAt,
                      Integer lastResponseTimeMs, Instant lastSuccessAt, Instant sslExpiresAt,
                      Instant domainExpiresAt, Instant createdAt, Instant updatedAt) {

    public static final int MIN_INTERVAL_SECONDS = 30;
    public static final int MAX_INTERVAL_SECONDS = 86_400;
    public static final int DEFAULT_INTERVAL_SECONDS = 300;
    public static final int MIN_TIMEOUT_MS = 100;
    public static final int MAX_TIMEOUT_MS = 60_000;
    public static final int DEFAULT_TIMEOUT_MS = 10_000;
    public static final int DEFAULT_ALERT_AFTER_FAILURES = 2;
    public static final int MAX_ALERT_AFTER_FAILURES = 20;

    public Monitor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        channelIds = channelIds == null ? List.of() : List.copyOf(channelIds);
        if (intervalSeconds < MIN_INTERVAL_SECONDS || intervalSeconds > MAX_INTERVAL_SECONDS) {
            throw new IllegalArgumentException("intervalSeconds out of range: " + intervalSeconds);
        }
        if (timeoutMs < MIN_TIMEOUT_MS || timeoutMs > MAX_TIMEOUT_MS) {
            throw new IllegalArgumentException("timeoutMs out of range: " + timeoutMs);
        }
        if (alertAfterFailures < 1 || alertAfterFailures > MAX_ALERT_AFTER_FAILURES) {
            throw new IllegalArgumentException("alertAfterFailures out of range: " + alertAfterFailures);
        }
    }

    public MonitorType type() {
        return target.type();
    }
}
