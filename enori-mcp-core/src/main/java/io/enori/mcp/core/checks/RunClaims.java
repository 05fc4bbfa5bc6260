package io.enori.mcp.core.checks;

import java.time.Instant;

/**
 * Decides which node runs a scheduled check when several schedulers share one database. Every node plans every
 * unpaused monitor on the same grid ({@link Cadence}); before running a due grid point a scheduler claims it here,
 * and only the node whose claim wins runs it. Runs asked for by someone ({@code check_now}) are never claimed.
 *
 * <p>A won claim holds its monitor until the run ends ({@link #finished}) or until the {@code runningUntil} it was
 * claimed with, whichever comes first: a later grid point of the same monitor cannot be won meanwhile, on any
 * node, so a slow check never overlaps the next one. The scheduler gives up on a claimed run itself once its
 * clock reaches {@code runningUntil}, so the two bounds agree.
 *
 * <p>A node that dies stops claiming, and its unfinished claims stop blocking at their {@code runningUntil}:
 * its monitors move to the other nodes at the first grid point at or after it, that is within one interval of
 * the last run it claimed when the check's timeout plus the scheduler's hang margin does not exceed the
 * interval, and within {@code ceil((timeout + margin) / interval)} intervals otherwise.
 *
 * <p>{@link #local()} (one node, the default) always wins and stores nothing; {@link JdbiRunClaims} claims
 * through the database, one atomic statement per due run.
 *
 * <p>Implementations are thread-safe.
 */
public interface RunClaims {

    /**
     * Tries to claim the run of {@code monitorId} due at {@code dueAt} (a grid point all nodes agree on).
     *
     * @param intervalSeconds the monitor's interval; the grid point is contested only until {@code dueAt} plus it
     * @param runningUntil    the latest the run may end (not before {@code dueAt}); until then, unless
     *                        {@link #finished} is called first, no later grid point of the monitor can be won
     * @return true when this node won and must run the check, then call {@link #finished} when the run ends
     *         however it ends; false when another node has this grid point, when an earlier run of the monitor
     *         is still going (anywhere), when a later grid point was already claimed, or when the claim could not
     *         be made (e.g. the database is unreachable, in which case nobody records a result anyway)
     */
    boolean claim(String monitorId, Instant dueAt, int intervalSeconds, Instant runningUntil);

    /**
     * Marks the run claimed for {@code monitorId} at {@code dueAt} as ended (recorded, failed, abandoned, or
     * never started), so the monitor's next grid point can be won at once. Does nothing if that claim is no
     * longer the monitor's latest. Never throws: a mark that cannot be stored leaves the claim blocking until
     * its {@code runningUntil}.
     */
    default void finished(String monitorId, Instant dueAt) {
    }

    /**
     * Whether the claims are contested by other nodes. When they are, the scheduler ends each claimed run by its
     * {@code runningUntil} (by its clock); a lone node keeps to its timeout alone.
     */
    default boolean shared() {
        return true;
    }

    /** Forgets claims nobody can contest any more as of {@code now}. Cheap; called now and then by the scheduler. */
    default void purge(Instant now) {
    }

    /** One node: every claim wins, nothing is stored. */
    static RunClaims local() {
        return LocalRunClaims.INSTANCE;
    }
}
