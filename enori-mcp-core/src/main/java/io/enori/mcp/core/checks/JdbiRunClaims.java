package io.enori.mcp.core.checks;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RunClaims} through the {@code monitor_leases} table (migrations V13 and V14), for several nodes on one
 * database. The table holds one row per monitor: the latest grid point claimed, by which node, until when its
 * run may go ({@code running_until}) and when it ended ({@code finished_at}). A claim is one statement that
 * inserts the row, or replaces it when the claimed grid point is later than the row's and the row's run has
 * finished or outlived its {@code running_until}. So a grid point is won at most once, a stale (earlier) grid
 * point never, and a later one not while the run before it is still going.
 *
 * <p>The row's {@code running_until} is compared with the claimed grid point, not with anybody's clock: every
 * node reaches the same verdict for the same grid point, whenever within the interval it asks, and a dead node's
 * claim stops blocking at the first grid point at or after its {@code running_until}.
 *
 * <p>No race is left. On PostgreSQL the claim is {@code INSERT … ON CONFLICT (monitor_id) DO UPDATE … WHERE},
 * which either inserts or locks the existing row and evaluates the condition on its latest committed version:
 * concurrent claims of one monitor are decided one after another, each seeing the winner before it. (With one
 * row per grid point instead, two claims of different grid points could each miss the other's uncommitted row
 * and both win.) On H2 it is a {@code MERGE}, which takes the same row lock; two inserts of a new monitor's row
 * collide on the primary key and the loser reads that as a lost claim.
 *
 * <p>Rows are purged once their grid point is no longer contested ({@code lease_until}: due time plus interval)
 * and their run is not still going, after {@link #PURGE_MARGIN}, which tolerates that much clock skew between
 * nodes; the table holds at most one row per monitor anyway.
 */
public final class JdbiRunClaims implements RunClaims {
    /** How long after a claim stops being contested it is deleted; must exceed the clock skew between nodes. */
    static final Duration PURGE_MARGIN = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(JdbiRunClaims.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String POSTGRES_CLAIM = "INSERT INTO monitor_leases AS l "
            + "(monitor_id, due_at, node_id, lease_until, running_until) "
            + "VALUES (:monitorId, :dueAt, :nodeId, :leaseUntil, :runningUntil) "
            + "ON CONFLICT (monitor_id) DO UPDATE SET " + replace("EXCLUDED") + " WHERE " + replaceable("EXCLUDED");

    private static final String H2_CLAIM = "MERGE INTO monitor_leases l USING (SELECT "
            + "CAST(:monitorId AS VARCHAR(64)) AS monitor_id, "
            + "CAST(:dueAt AS TIMESTAMP(6) WITH TIME ZONE) AS due_at, "
            + "CAST(:nodeId AS VARCHAR(100)) AS node_id, "
            + "CAST(:leaseUntil AS TIMESTAMP(6) WITH TIME ZONE) AS lease_until, "
            + "CAST(:runningUntil AS TIMESTAMP(6) WITH TIME ZONE) AS running_until) s "
            + "ON l.monitor_id = s.monitor_id "
            + "WHEN MATCHED AND " + replaceable("s") + " THEN UPDATE SET " + replace("s") + " "
            + "WHEN NOT MATCHED THEN INSERT (monitor_id, due_at, node_id, lease_until, running_until) "
            + "VALUES (s.monitor_id, s.due_at, s.node_id, s.lease_until, s.running_until)";

    private static final String FINISH = "UPDATE monitor_leases SET finished_at = :now "
            + "WHERE monitor_id = :monitorId AND due_at = :dueAt AND node_id = :nodeId AND finished_at IS NULL";

    /** A run still going keeps its row past lease_until: the next grid point's claim must find it and wait. */
    private static final String PURGE = "DELETE FROM monitor_leases WHERE lease_until < :cutoff "
            + "AND (finished_at IS NOT NULL OR running_until < :cutoff)";

    private final Jdbi jdbi;
    private final String nodeId;
    private final Clock clock;
    private final String claim;

    private JdbiRunClaims(Jdbi jdbi, String nodeId, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.clock = Objects.requireNonNull(clock, "clock");
        boolean postgres;
        try {
            postgres = jdbi.withHandle(h -> h.getConnection().getMetaData().getDatabaseProductName())
                    .toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("could not tell which database holds the run claims", e);
        }
        this.claim = postgres ? POSTGRES_CLAIM : H2_CLAIM;
    }

    /**
     * Claims for this node, named {@code nodeId} in the table (diagnostics only); {@code clock} dates the ends
     * of runs (diagnostics only, too: no decision reads it).
     */
    public static JdbiRunClaims create(Jdbi jdbi, String nodeId, Clock clock) {
        return new JdbiRunClaims(jdbi, nodeId, clock);
    }

    /** Claims for this node, named {@code nodeId}, dating run ends by the system clock. */
    public static JdbiRunClaims create(Jdbi jdbi, String nodeId) {
        return create(jdbi, nodeId, Clock.systemUTC());
    }

    /** Claims for this node under a random node id. */
    public static JdbiRunClaims create(Jdbi jdbi, Clock clock) {
        return create(jdbi, "node_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), clock);
    }

    /** Claims for this node under a random node id, dating run ends by the system clock. */
    public static JdbiRunClaims create(Jdbi jdbi) {
        return create(jdbi, Clock.systemUTC());
    }

    public String nodeId() {
        return nodeId;
    }

    @Override
    public boolean claim(String monitorId, Instant dueAt, int intervalSeconds, Instant runningUntil) {
        Objects.requireNonNull(monitorId, "monitorId");
        if (runningUntil.isBefore(dueAt)) {
            throw new IllegalArgumentException("runningUntil " + runningUntil + " is before dueAt " + dueAt);
        }
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException("intervalSeconds must be positive: " + intervalSeconds);
        }
        try {
            return jdbi.withHandle(h -> h.createUpdate(claim)
                    .bind("monitorId", monitorId)
                    .bind("dueAt", instant(dueAt))
                    .bind("nodeId", nodeId)
                    .bind("leaseUntil", instant(dueAt.plusSeconds(intervalSeconds)))
                    .bind("runningUntil", instant(runningUntil))
                    .execute()) == 1;
        } catch (JdbiException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            LOG.warn("could not claim the run of {} due at {}; leaving it to the other nodes: {}", monitorId, dueAt,
                    e.toString());
            return false;
        }
    }

    @Override
    public void finished(String monitorId, Instant dueAt) {
        try {
            jdbi.useHandle(h -> h.createUpdate(FINISH)
                    .bind("now", instant(clock.instant()))
                    .bind("monitorId", monitorId)
                    .bind("dueAt", instant(dueAt))
                    .bind("nodeId", nodeId)
                    .execute());
        } catch (JdbiException e) {
            LOG.warn("could not mark the run of {} due at {} as ended; its claim blocks until its deadline: {}",
                    monitorId, dueAt, e.toString());
        }
    }

    @Override
    public void purge(Instant now) {
        try {
            int deleted = jdbi.withHandle(h -> h.createUpdate(PURGE)
                    .bind("cutoff", instant(now.minus(PURGE_MARGIN)))
                    .execute());
            LOG.debug("purged {} run claims", deleted);
        } catch (JdbiException e) {
            LOG.warn("could not purge old run claims: {}", e.toString());
        }
    }

    /** When a claim ({@code claim}: its alias) wins over an existing row {@code l} of its monitor. */
    private static String replaceable(String claim) {
        return "l.due_at < " + claim + ".due_at AND (l.finished_at IS NOT NULL OR l.running_until <= " + claim
                + ".due_at)";
    }

    /** The row becomes the claim's, its run not finished. */
    private static String replace(String claim) {
        return "due_at = " + claim + ".due_at, node_id = " + claim + ".node_id, lease_until = " + claim
                + ".lease_until, running_until = " + claim + ".running_until, finished_at = NULL";
    }

    private static Argument instant(Instant instant) {
        OffsetDateTime value = OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        return (position, statement, ctx) -> statement.setObject(position, value);
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
