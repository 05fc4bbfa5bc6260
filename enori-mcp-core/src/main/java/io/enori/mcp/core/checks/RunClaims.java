package io.enori.mcp.core.checks;

import java.time.Instant;

/**
 * Decides which node runs a scheduled check when several schedulers share one database. Every node plans every
 * unpaused monitor on the same grid ({@link Cadence}); before running a due grid point a scheduler claims it here,
 * and only the node whose claim wins runs it. Runs asked for by someone ({@code check_now}) are never claimed.
 *
 * <p>{@link #local()} (one node, the default) always wins; {@link JdbiRunClaims} claims through the database,
 * one atomic insert per due run, so two nodes can never both win the same grid point. A node that dies simply
 * stops claiming: the others claim the next grid point, so its monitors move within one interval.
 *
 * <p>Implementations are thread-safe.
 */
public interface RunClaims {

    /**
     * Tries to claim the run of {@code monitorId} due at {@code dueAt} (a grid point all nodes agree on).
     *
     * @param intervalSeconds the monitor's interval; the claim is contested only until {@code dueAt} plus it
     * @return true when this node won and must run the check; false when another node has it (or the claim
     *         could not be made, e.g. the database is unreachable, in which case nobody records a result anyway)
     */
    boolean claim(String monitorId, Instant dueAt, int intervalSeconds);

    /** Forgets claims nobody can contest any more as of {@code now}. Cheap; called now and then by the scheduler. */
    default void purge(Instant now) {
    }

    /** One node: every claim wins, nothing is stored. */
    static RunClaims local() {
        return (monitorId, dueAt, intervalSeconds) -> true;
    }
}
