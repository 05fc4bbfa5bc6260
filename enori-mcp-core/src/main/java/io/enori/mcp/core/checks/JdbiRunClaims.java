package io.enori.mcp.core.checks;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RunClaims} through the {@code monitor_leases} table (migration V13), for several nodes on one database:
 * a claim is one {@code INSERT} of (monitor, due time); the primary key lets exactly one node's insert succeed.
 * On PostgreSQL the losers' inserts do nothing ({@code ON CONFLICT DO NOTHING}, so the server log stays quiet);
 * on H2 they fail with a unique violation, read as a lost claim.
 *
 * <p>Rows are purged by {@code lease_until} (due time plus interval) once {@link #PURGE_MARGIN} has passed, which
 * tolerates that much clock skew between nodes; the table holds about one row per monitor.
 */
public final class JdbiRunClaims implements RunClaims {
    /** How long after a claim stops being contested it is deleted; must exceed the clock skew between nodes. */
    static final Duration PURGE_MARGIN = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(JdbiRunClaims.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String INSERT = "INSERT INTO monitor_leases (monitor_id, due_at, node_id, lease_until) "
            + "VALUES (:monitorId, :dueAt, :nodeId, :leaseUntil)";

    private final Jdbi jdbi;
    private final String nodeId;
    private final String insert;

    private JdbiRunClaims(Jdbi jdbi, String nodeId) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        boolean postgres;
        try {
            postgres = jdbi.withHandle(h -> h.getConnection().getMetaData().getDatabaseProductName())
                    .toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("could not tell which database holds the run claims", e);
        }
        this.insert = postgres ? INSERT + " ON CONFLICT (monitor_id, due_at) DO NOTHING" : INSERT;
    }

    /** Claims for this node, named {@code nodeId} in the table (diagnostics only). */
    public static JdbiRunClaims create(Jdbi jdbi, String nodeId) {
        return new JdbiRunClaims(jdbi, nodeId);
    }

    /** Claims for this node under a random node id. */
    public static JdbiRunClaims create(Jdbi jdbi) {
        return create(jdbi, "node_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    public String nodeId() {
        return nodeId;
    }

    @Override
    public boolean claim(String monitorId, Instant dueAt, int intervalSeconds) {
        try {
            return jdbi.withHandle(h -> h.createUpdate(insert)
                    .bind("monitorId", monitorId)
                    .bind("dueAt", instant(dueAt))
                    .bind("nodeId", nodeId)
                    .bind("leaseUntil", instant(dueAt.plusSeconds(intervalSeconds)))
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
    public void purge(Instant now) {
        try {
            int deleted = jdbi.withHandle(h -> h.createUpdate("DELETE FROM monitor_leases WHERE lease_until < :cutoff")
                    .bind("cutoff", instant(now.minus(PURGE_MARGIN)))
                    .execute());
            LOG.debug("purged {} run claims", deleted);
        } catch (JdbiException e) {
            LOG.warn("could not purge old run claims: {}", e.toString());
        }
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
