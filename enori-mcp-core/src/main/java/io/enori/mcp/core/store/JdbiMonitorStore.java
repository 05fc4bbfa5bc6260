package io.enori.mcp.core.store;

import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorStatus;
import io.enori.mcp.api.spi.MonitorFilter;
import io.enori.mcp.api.spi.MonitorStore;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

final class JdbiMonitorStore implements MonitorStore {

    private final Jdbi jdbi;

    JdbiMonitorStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Monitor monitor) {
        Objects.requireNonNull(monitor, "monitor");
        String status = MonitorRows.checkedStatus(monitor);
        String channelIds = Sql.joinList(monitor.channelIds(), "channel id");
        Sql.run("insert monitor " + monitor.id(), () -> jdbi.useHandle(h -> insertRow(h, monitor, status, channelIds)));
    }

    /** The insert on a given handle, so a caller can put it in its own transaction. */
    static void insertRow(org.jdbi.v3.core.Handle h, Monitor monitor, String status, String channelIds) {
        MonitorRows.bindTarget(h.createUpdate(
                        "INSERT INTO monitors (" + MonitorRows.COLUMNS + ") VALUES (:id, :accountId, :name, "
                                + MonitorRows.TARGET_VALUES + ", :intervalSeconds, :timeoutMs, :alertAfterFailures, "
                                + ":channelIds, :paused, :status, :consecutiveFailures, :lastCheckedAt, "
                                + ":lastResponseTimeMs, :lastSuccessAt, :sslExpiresAt, :domainExpiresAt, :createdAt, :updatedAt)"),
                        monitor.target())
                .bind("id", monitor.id())
                .bind("accountId", monitor.accountId())
                .bind("name", monitor.name())
                .bind("intervalSeconds", monitor.intervalSeconds())
                .bind("timeoutMs", monitor.timeoutMs())
                .bind("alertAfterFailures", monitor.alertAfterFailures())
                .bind("channelIds", channelIds)
                .bind("paused", monitor.paused())
                .bind("status", status)
                .bind("consecutiveFailures", monitor.consecutiveFailures())
                .bind("lastCheckedAt", Sql.instant(monitor.lastCheckedAt()))
                .bind("lastResponseTimeMs", monitor.lastResponseTimeMs())
                .bind("lastSuccessAt", Sql.instant(monitor.lastSuccessAt()))
                .bind("sslExpiresAt", Sql.instant(monitor.sslExpiresAt()))
                .bind("domainExpiresAt", Sql.instant(monitor.domainExpiresAt()))
                .bind("createdAt", Sql.instant(monitor.createdAt()))
                .bind("updatedAt", Sql.instant(monitor.updatedAt()))
                .execute();
    }

    @Override
    public Optional<Monitor> find(String accountId, String monitorId) {
        return Sql.call("find monitor " + monitorId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + MonitorRows.COLUMNS + " FROM monitors WHERE account_id = :accountId AND id = :id")
                .bind("accountId", accountId)
                .bind("id", monitorId)
                .map(MonitorRows::map)
                .findOne()));
    }

    @Override
    public Page<Monitor> list(String accountId, MonitorFilter filter, PageRequest page) {
        Objects.requireNonNull(page, "page");
        MonitorFilter f = filter == null ? MonitorFilter.ANY : filter;
        // Only the clause's shape depends on which filters are present; every value is bound.
        StringBuilder where = new StringBuilder("account_id = :accountId");
        if (page.afterKey() != null) {
            where.append(" AND id > :afterKey");
        }
        if (f.status() == MonitorStatus.PAUSED) {
            where.append(" AND paused = :paused");
        } else if (f.status() != null) {
            // The status column keeps the last check's verdict while paused; a paused monitor is not "up".
            where.append(" AND paused = :paused AND status = :status");
        }
        if (f.type() != null) {
            where.append(" AND type = :type");
        }
        if (f.nameContains() != null) {
            where.append(" AND LOWER(name) LIKE :namePattern ESCAPE '!'");
        }
        String sql = "SELECT " + MonitorRows.COLUMNS + " FROM monitors WHERE " + where + " ORDER BY id LIMIT :limit";
        List<Monitor> rows = Sql.call("list monitors of account " + accountId, () -> jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("accountId", accountId).bind("limit", page.limit() + 1);
            if (page.afterKey() != null) {
                query.bind("afterKey", page.afterKey());
            }
            if (f.status() != null) {
                query.bind("paused", f.status() == MonitorStatus.PAUSED);
                if (f.status() != MonitorStatus.PAUSED) {
                    query.bind("status", f.status().name());
                }
            }
            if (f.type() != null) {
                query.bind("type", f.type().name());
            }
            if (f.nameContains() != null) {
                query.bind("namePattern", "%" + escapeLike(f.nameContains().toLowerCase(Locale.ROOT)) + "%");
            }
            return query.map(MonitorRows::map).list();
        }));
        // One row beyond the limit was fetched only to learn whether another page exists.
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, null);
        }
        List<Monitor> items = rows.subList(0, page.limit());
        return new Page<>(items, items.get(items.size() - 1).id());
    }

    @Override
    public List<Monitor> listAll(String accountId) {
        return Sql.call("list monitors of account " + accountId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + MonitorRows.COLUMNS + " FROM monitors WHERE account_id = :accountId ORDER BY id")
                .bind("accountId", accountId)
                .map(MonitorRows::map)
                .list()));
    }

    /** The scheduler's cross-account read; see {@link MonitorStore#listAllUnpaused()}. */
    @Override
    public List<Monitor> listAllUnpaused() {
        return Sql.call("list unpaused monitors", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + MonitorRows.COLUMNS + " FROM monitors WHERE paused = :paused ORDER BY id")
                .bind("paused", false)
                .map(MonitorRows::map)
                .list()));
    }

    @Override
    public int count(String accountId) {
        return Sql.call("count monitors of account " + accountId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM monitors WHERE account_id = :accountId")
                .bind("accountId", accountId)
                .mapTo(Long.class)
                .one())).intValue();
    }

    @Override
    public boolean updateConfig(Monitor monitor) {
        Objects.requireNonNull(monitor, "monitor");
        String channelIds = Sql.joinList(monitor.channelIds(), "channel id");
        return Sql.call("update monitor " + monitor.id(), () -> jdbi.withHandle(h -> MonitorRows.bindTarget(
                        h.createUpdate("UPDATE monitors SET name = :name, " + MonitorRows.TARGET_ASSIGNMENTS
                                + ", interval_seconds = :intervalSeconds, timeout_ms = :timeoutMs, "
                                + "alert_after_failures = :alertAfterFailures, channel_ids = :channelIds, "
                                + "paused = :paused, updated_at = :updatedAt "
                                + "WHERE account_id = :accountId AND id = :id"),
                        monitor.target())
                .bind("name", monitor.name())
                .bind("intervalSeconds", monitor.intervalSeconds())
                .bind("timeoutMs", monitor.timeoutMs())
                .bind("alertAfterFailures", monitor.alertAfterFailures())
                .bind("channelIds", channelIds)
                .bind("paused", monitor.paused())
                .bind("updatedAt", Sql.instant(monitor.updatedAt()))
                .bind("accountId", monitor.accountId())
                .bind("id", monitor.id())
                .execute()) == 1);
    }

    @Override
    public boolean updateState(Monitor monitor) {
        Objects.requireNonNull(monitor, "monitor");
        String status = MonitorRows.checkedStatus(monitor);
        return Sql.call("update state of monitor " + monitor.id(), () -> jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE monitors SET status = :status, consecutive_failures = :consecutiveFailures, "
                                + "last_checked_at = :lastCheckedAt, last_response_time_ms = :lastResponseTimeMs, "
                                + "last_success_at = :lastSuccessAt, ssl_expires_at = :sslExpiresAt, "
                                + "domain_expires_at = :domainExpiresAt "
                                + "WHERE account_id = :accountId AND id = :id")
                .bind("status", status)
                .bind("consecutiveFailures", monitor.consecutiveFailures())
                .bind("lastCheckedAt", Sql.instant(monitor.lastCheckedAt()))
                .bind("lastResponseTimeMs", monitor.lastResponseTimeMs())
                .bind("lastSuccessAt", Sql.instant(monitor.lastSuccessAt()))
                .bind("sslExpiresAt", Sql.instant(monitor.sslExpiresAt()))
                .bind("domainExpiresAt", Sql.instant(monitor.domainExpiresAt()))
                .bind("accountId", monitor.accountId())
                .bind("id", monitor.id())
                .execute()) == 1);
    }

    /**
     * Makes {@code %}, {@code _} and the escape character itself match literally. The escape is {@code !}, not a
     * backslash, because JDBI's statement parser reads a backslash inside a quoted literal as an escape.
     */
    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
