package io.enori.mcp.core.store;

import io.enori.mcp.api.Alert;
import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.spi.AlertFilter;
import io.enori.mcp.api.spi.AlertStore;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiAlertStore implements AlertStore {

    /** The width of the reason column; a longer reason is cut rather than failing the write. */
    static final int MAX_REASON_LENGTH = 1000;

    private static final String COLUMNS = "id, account_id, monitor_id, incident_id, channel_id, channel_type, event, "
            + "status, reason, attempts, created_at, updated_at, delivered_at";

    private static final String PENDING = Alert.Status.PENDING.name();

    private final Jdbi jdbi;

    JdbiAlertStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        Sql.run("insert alert " + alert.id(), () -> jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO alerts (" + COLUMNS + ") VALUES (:id, :accountId, :monitorId, :incidentId, "
                                + ":channelId, :channelType, :event, :status, :reason, :attempts, :createdAt, "
                                + ":updatedAt, :deliveredAt)")
                .bind("id", alert.id())
                .bind("accountId", alert.accountId())
                .bind("monitorId", alert.monitorId())
                .bind("incidentId", alert.incidentId())
                .bind("channelId", alert.channelId())
                .bind("channelType", alert.channelType().name())
                .bind("event", alert.event().name())
                .bind("status", alert.status().name())
                .bind("reason", clip(alert.reason()))
                .bind("attempts", alert.attempts())
                .bind("createdAt", Sql.instant(alert.createdAt()))
                .bind("updatedAt", Sql.instant(alert.updatedAt()))
                .bind("deliveredAt", Sql.instant(alert.deliveredAt()))
                .execute()));
    }

    @Override
    public Optional<Alert> find(String accountId, String alertId) {
        return Sql.call("find alert " + alertId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM alerts WHERE account_id = :accountId AND id = :id")
                .bind("accountId", accountId)
                .bind("id", alertId)
                .map(JdbiAlertStore::map)
                .findOne()));
    }

    /**
     * Newest first by {@code (created_at, id)}; the page key is {@code <epoch microseconds>:<id>} of the last item.
     *
     * @throws IllegalArgumentException when {@code page.afterKey()} is not a key this store produced
     */
    @Override
    public Page<Alert> list(String accountId, AlertFilter filter, Instant since, Instant until, PageRequest page) {
        Objects.requireNonNull(page, "page");
        AlertFilter f = filter == null ? AlertFilter.ANY : filter;
        TimeIdKey after = page.afterKey() == null ? null : TimeIdKey.parse(page.afterKey(), "alert");
        StringBuilder where = new StringBuilder("account_id = :accountId");
        if (f.monitorId() != null) {
            where.append(" AND monitor_id = :monitorId");
        }
        if (f.status() != null) {
            where.append(" AND status = :status");
        }
        if (since != null) {
            where.append(" AND created_at >= :since");
        }
        if (until != null) {
            where.append(" AND created_at < :until");
        }
        if (after != null) {
            where.append(" AND (created_at < :afterAt OR (created_at = :afterAt AND id < :afterId))");
        }
        String sql = "SELECT " + COLUMNS + " FROM alerts WHERE " + where
                + " ORDER BY created_at DESC, id DESC LIMIT :limit";
        List<Alert> rows = Sql.call("list alerts of account " + accountId, () -> jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("accountId", accountId).bind("limit", page.limit() + 1);
            if (f.monitorId() != null) {
                query.bind("monitorId", f.monitorId());
            }
            if (f.status() != null) {
                query.bind("status", f.status().name());
            }
            TimeIdKey.bindWindow(query, since, until, after);
            return query.map(JdbiAlertStore::map).list();
        }));
        return TimeIdKey.pageOf(rows, page.limit(), a -> new TimeIdKey(a.createdAt(), a.id()));
    }

    /** Compare-and-set on status and lease: of two claimants only one finds the row claimable. */
    @Override
    public boolean claim(String accountId, String alertId, String claimant, Instant now, Instant leaseUntil) {
        Objects.requireNonNull(claimant, "claimant");
        return Sql.call("claim alert " + alertId, () -> jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE alerts SET claimed_by = :claimant, claim_expires_at = :leaseUntil "
                                + "WHERE account_id = :accountId AND id = :id AND status = :pending "
                                + "AND (claimed_by IS NULL OR claim_expires_at <= :now)")
                .bind("claimant", claimant)
                .bind("leaseUntil", Sql.instant(leaseUntil))
                .bind("accountId", accountId)
                .bind("id", alertId)
                .bind("pending", PENDING)
                .bind("now", Sql.instant(now))
                .execute()) == 1);
    }

    @Override
    public boolean complete(Alert updated, String claimant) {
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(claimant, "claimant");
        return Sql.call("complete alert " + updated.id(), () -> jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE alerts SET status = :status, reason = :reason, attempts = :attempts, "
                                + "updated_at = :updatedAt, delivered_at = :deliveredAt, claimed_by = NULL, "
                                + "claim_expires_at = NULL WHERE account_id = :accountId AND id = :id "
                                + "AND status = :pending AND claimed_by = :claimant")
                .bind("status", updated.status().name())
                .bind("reason", clip(updated.reason()))
                .bind("attempts", updated.attempts())
                .bind("updatedAt", Sql.instant(updated.updatedAt()))
                .bind("deliveredAt", Sql.instant(updated.deliveredAt()))
                .bind("accountId", updated.accountId())
                .bind("id", updated.id())
                .bind("pending", PENDING)
                .bind("claimant", claimant)
                .execute()) == 1);
    }

    @Override
    public List<Alert> listClaimable(Instant now, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        return Sql.call("list pending alerts", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM alerts WHERE status = :pending "
                                + "AND (claimed_by IS NULL OR claim_expires_at <= :now) "
                                + "ORDER BY created_at, id LIMIT :limit")
                .bind("pending", PENDING)
                .bind("now", Sql.instant(now))
                .bind("limit", limit)
                .map(JdbiAlertStore::map)
                .list()));
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH);
    }

    private static Alert map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Alert(rs.getString("id"), rs.getString("account_id"), rs.getString("monitor_id"),
                rs.getString("incident_id"), rs.getString("channel_id"),
                AlertChannel.Type.valueOf(rs.getString("channel_type")), Alert.Event.valueOf(rs.getString("event")),
                Alert.Status.valueOf(rs.getString("status")), rs.getString("reason"), rs.getInt("attempts"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), Sql.instant(rs, "delivered_at"));
    }
}
