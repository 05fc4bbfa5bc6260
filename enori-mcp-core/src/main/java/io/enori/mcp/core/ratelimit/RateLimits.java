package io.enori.mcp.core.ratelimit;

import io.enori.mcp.api.Caller;
import java.util.Map;

/**
 * Per-principal rolling-minute limits on tool calls: API keys get one tier, OAuth grants another. The in-memory
 * {@link RateLimiter} serves one node; {@link PostgresRateLimiter} shares the count between the nodes of a
 * cluster through PostgreSQL. Both answer the same {@link Decision}.
 */
public interface RateLimits {

    /** The verdict for one call. */
    sealed interface Decision permits Decision.Admitted, Decision.Rejected {
        record Admitted(int limit, int remaining) implements Decision {
        }

        record Rejected(int limit, long retryAfterSeconds) implements Decision {
        }
    }

    /** Counts the call against the caller's limit when admitted; a rejected call is not counted. */
    Decision tryAcquire(Caller caller);

    /** The limit that applies to a caller: OAuth grants get the higher tier. */
    int limitFor(Caller caller);

    /** Calls admitted in the current window per principal that has any, for the admin flavor. */
    Map<String, Integer> usage();

    /** The per-minute limits: API keys, OAuth grants. */
    int[] limits();
}
