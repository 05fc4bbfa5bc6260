package io.enori.mcp.core.ratelimit;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.EnoriMcpException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The rate limit of cluster mode, shared by every node on one PostgreSQL database: per principal, calls are
 * counted in one-second buckets and a call is admitted when fewer than the limit were admitted in the last 60
 * buckets. Each call is one statement (the {@code enori_rate_acquire} function, PostgreSQL migrations V12 and V15)
 * that locks the principal for its transaction, so concurrent callers on any number of nodes are admitted
 * exactly {@code limit} times per window, never one more.
 *
 * <p>Windows move in whole seconds (the in-memory {@link RateLimiter} uses milliseconds), so a rejected call's
 * retry-after is the time until the oldest bucket leaves the window, rounded up to whole seconds. The clock is
 * each node's own; nodes are expected to keep time by NTP.
 */
public final class PostgresRateLimiter implements RateLimits {
    private final Jdbi jdbi;
    private final Clock clock;
    private final int apiKeyLimit;
    private final int oauthLimit;

    public PostgresRateLimiter(Jdbi jdbi, Clock clock, int apiKeyLimit, int oauthLimit) {
        if (apiKeyLimit < 1 || oauthLimit < 1) {
            throw new IllegalArgumentException("rate limits must be >= 1");
        }
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.apiKeyLimit = apiKeyLimit;
        this.oauthLimit = oauthLimit;
    }

    @Override
    public int limitFor(Caller caller) {
        return caller.kind() == Caller.Kind.OAUTH ? oauthLimit : apiKeyLimit;
    }

    @Override
    public Decision tryAcquire(Caller caller) {
        int limit = limitFor(caller);
        long now = clock.millis();
        try {
            return jdbi.withHandle(h -> h.createQuery(
                            "SELECT admitted, used, oldest_second FROM enori_rate_acquire(:principal, :now, :limit)")
                    .bind("principal", caller.principalId())
                    .bind("now", now)
                    .bind("limit", limit)
                    .map((rs, ctx) -> {
                        if (rs.getBoolean("admitted")) {
                            return (Decision) new Decision.Admitted(limit, Math.max(0, limit - rs.getInt("used")));
                        }
                        long oldest = rs.getLong("oldest_second");
                        long freesAtMillis = (oldest + 60) * 1000;
                        return new Decision.Rejected(limit, Math.max(1, (freesAtMillis - now + 999) / 1000));
                    })
                    .one());
        } catch (JdbiException e) {
            throw new EnoriMcpException("Storage could not count the call against the rate limit", e);
        }
    }

    @Override
    public Map<String, Integer> usage() {
        long second = Math.floorDiv(clock.millis(), 1000);
        try {
            Map<String, Integer> out = new TreeMap<>();
            jdbi.useHandle(h -> h.createQuery("SELECT principal, SUM(calls) AS used FROM rate_limit_buckets "
                            + "WHERE window_second > :from GROUP BY principal")
                    .bind("from", second - 60)
                    .map((rs, ctx) -> Map.entry(rs.getString("principal"), rs.getInt("used")))
                    .forEach(e -> out.put(e.getKey(), e.getValue())));
            return out;
        } catch (JdbiException e) {
            throw new EnoriMcpException("Storage could not read the rate-limit usage", e);
        }
    }

    @Override
    public int[] limits() {
        return new int[] {apiKeyLimit, oauthLimit};
    }
}
