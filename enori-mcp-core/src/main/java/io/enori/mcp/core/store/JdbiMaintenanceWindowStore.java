package io.enori.mcp.core.store;

import io.enori.mcp.api.MaintenanceWindow;
import io.enori.mcp.api.spi.MaintenanceWindowFilter;
import io.enori.mcp.api.spi.MaintenanceWindowStore;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Windows in {@code maintenance_windows}, their monitors in {@code maintenance_window_monitors}. Reads load a
 * page of windows, then the monitors of all of them in one more query.
 */
final class JdbiMaintenanceWindowStore implements MaintenanceWindowStore {

    private static final String COLUMNS = "w.id, w.account_id, w.name, w.starts_at, w.ends_at, w.all_monitors, "
            + "w.created_by, w.created_at";

    /** Not over yet at {@code :at} and already started: the active half of the end-time index's range. */
    private static final String ACTIVE_AT = "w.account_id = :accountId AND w.ends_at > :at AND w.starts_at <= :at";

    private final Jdbi jdbi;

    JdbiMaintenanceWindowStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One transaction: a window never exists without its monitors. */
    @Override
    public void insert(MaintenanceWindow window) {
        Objects.requireNonNull(window, "window");
        Sql.run("insert maintenance window " + window.id(), () -> jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO maintenance_windows (id, account_id, name, starts_at, ends_at, all_monitors, "
                            + "created_by, created_at) VALUES (:id, :accountId, :name, :startsAt, :endsAt, "
                            + ":allMonitors, :createdBy, :createdAt)")
                    .bind("id", window.id())
                    .bind("accountId", window.accountId())
                    .bind("name", window.name())
                    .bind("startsAt", Sql.instant(window.startsAt()))
                    .bind("endsAt", Sql.instant(window.endsAt()))
                    .bind("allMonitors", window.coversAllMonitors())
                    .bind("createdBy", window.createdBy())
                    .bind("createdAt", Sql.instant(window.createdAt()))
                    .execute();
            if (!window.monitorIds().isEmpty()) {
                PreparedBatch batch = h.prepareBatch("INSERT INTO maintenance_window_monitors (account_id, window_id, "
                        + "monitor_id, seq) VALUES (:accountId, :windowId, :monitorId, :seq)");
                for (int i = 0; i < window.monitorIds().size(); i++) {
                    batch.bind("accountId", window.accountId()).bind("windowId", window.id())
                            .bind("monitorId", window.monitorIds().get(i)).bind("seq", i).add();
                }
                batch.execute();
            }
        }));
    }

    @Override
    public Optional<MaintenanceWindow> find(String accountId, String windowId) {
        return Sql.call("find maintenance window " + windowId, () -> jdbi.withHandle(h -> withMonitors(h, accountId,
                h.createQuery("SELECT " + COLUMNS + " FROM maintenance_windows w WHERE w.account_id = :accountId "
                                + "AND w.id = :id")
                        .bind("accountId", accountId)
                        .bind("id", windowId)
                        .map(JdbiMaintenanceWindowStore::map)
                        .list())).stream().findFirst());
    }

    /**
     * Latest start first by {@code (starts_at, id)}; the page key is {@code <epoch microseconds>:<id>} of the last
     * item's start.
     *
     * @throws IllegalArgumentException when {@code page.afterKey()} is not a key this store produced
     */
    @Override
    public Page<MaintenanceWindow> list(String accountId, MaintenanceWindowFilter filter, PageRequest page) {
        Objects.requireNonNull(page, "page");
        MaintenanceWindowFilter f = filter == null ? MaintenanceWindowFilter.ANY : filter;
        TimeIdKey after = page.afterKey() == null ? null : TimeIdKey.parse(page.afterKey(), "maintenance window");
        StringBuilder where = new StringBuilder("w.account_id = :accountId");
        if (f.state() != null) {
            where.append(switch (f.state()) {
                case SCHEDULED -> " AND w.starts_at > :at";
                case ACTIVE -> " AND w.starts_at <= :at AND w.ends_at > :at";
                case COMPLETED -> " AND w.ends_at <= :at";
            });
        }
        // Overlap with [since, until): ends after since, starts before until.
        if (f.since() != null) {
            where.append(" AND w.ends_at > :since");
        }
        if (f.until() != null) {
            where.append(" AND w.starts_at < :until");
        }
        if (after != null) {
            where.append(" AND (w.starts_at < :afterAt OR (w.starts_at = :afterAt AND w.id < :afterId))");
        }
        String sql = "SELECT " + COLUMNS + " FROM maintenance_windows w WHERE " + where
                + " ORDER BY w.starts_at DESC, w.id DESC LIMIT :limit";
        return Sql.call("list maintenance windows of account " + accountId, () -> jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("accountId", accountId).bind("limit", page.limit() + 1);
            if (f.state() != null) {
                query.bind("at", Sql.instant(f.at()));
            }
            TimeIdKey.bindWindow(query, f.since(), f.until(), after);
            // The page is cut from the rows as read, so a window dropped below cannot hide a next page.
            Page<Row> rows = TimeIdKey.pageOf(query.map(JdbiMaintenanceWindowStore::map).list(), page.limit(),
                    r -> new TimeIdKey(r.window().startsAt(), r.window().id()));
            return new Page<>(withMonitors(h, accountId, rows.items()), rows.nextKey());
        }));
    }

    @Override
    public int countNotCompleted(String accountId, Instant at) {
        Objects.requireNonNull(at, "at");
        return Sql.call("count maintenance windows of account " + accountId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM maintenance_windows w WHERE w.account_id = :accountId AND w.ends_at > :at")
                .bind("accountId", accountId)
                .bind("at", Sql.instant(at))
                .mapTo(Long.class)
                .one())).intValue();
    }

    /**
     * Range-scans the account's windows that end after {@code at} (the end-time index), keeps those started by
     * then, and probes the monitor index for the ones that name monitors.
     */
    @Override
    public List<MaintenanceWindow> covering(String accountId, String monitorId, Instant at) {
        Objects.requireNonNull(monitorId, "monitorId");
        Objects.requireNonNull(at, "at");
        return Sql.call("find maintenance windows covering monitor " + monitorId, () -> jdbi.withHandle(h ->
                withMonitors(h, accountId, h.createQuery("SELECT " + COLUMNS + " FROM maintenance_windows w WHERE "
                                + ACTIVE_AT + " AND (w.all_monitors = TRUE OR EXISTS (SELECT 1 FROM "
                                + "maintenance_window_monitors m WHERE m.account_id = :accountId "
                                + "AND m.monitor_id = :monitorId AND m.window_id = w.id)) ORDER BY w.ends_at, w.id")
                        .bind("accountId", accountId)
                        .bind("monitorId", monitorId)
                        .bind("at", Sql.instant(at))
                        .map(JdbiMaintenanceWindowStore::map)
                        .list())));
    }

    @Override
    public List<MaintenanceWindow> activeAt(String accountId, Instant at) {
        Objects.requireNonNull(at, "at");
        return Sql.call("list active maintenance windows of account " + accountId, () -> jdbi.withHandle(h ->
                withMonitors(h, accountId, h.createQuery("SELECT " + COLUMNS + " FROM maintenance_windows w WHERE "
                                + ACTIVE_AT + " ORDER BY w.ends_at, w.id")
                        .bind("accountId", accountId)
                        .bind("at", Sql.instant(at))
                        .map(JdbiMaintenanceWindowStore::map)
                        .list())));
    }

    /** Fills in the monitors of windows read without them, with one query for all. */
    private static List<MaintenanceWindow> withMonitors(Handle h, String accountId, List<Row> rows) {
        List<String> naming = rows.stream().filter(r -> !r.allMonitors()).map(r -> r.window().id())
                .collect(Collectors.toList());
        Map<String, List<String>> monitors = new HashMap<>();
        if (!naming.isEmpty()) {
            h.createQuery("SELECT window_id, monitor_id FROM maintenance_window_monitors "
                            + "WHERE account_id = :accountId AND window_id IN (<ids>) ORDER BY window_id, seq")
                    .bind("accountId", accountId)
                    .bindList("ids", naming)
                    .map((rs, ctx) -> Map.entry(rs.getString("window_id"), rs.getString("monitor_id")))
                    .forEach(e -> monitors.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        List<MaintenanceWindow> windows = new ArrayList<>(rows.size());
        for (Row row : rows) {
            MaintenanceWindow w = row.window();
            List<String> ids = monitors.getOrDefault(w.id(), List.of());
            if (!row.allMonitors() && ids.isEmpty()) {
                // Every monitor it named was deleted: it covers nothing now, which must not read as "all monitors".
                continue;
            }
            windows.add(new MaintenanceWindow(w.id(), w.accountId(), w.name(), w.startsAt(), w.endsAt(), ids,
                    w.createdBy(), w.createdAt()));
        }
        return windows;
    }

    /** A window as read from its own table, before its monitors are attached. */
    private record Row(MaintenanceWindow window, boolean allMonitors) {
    }

    private static Row map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Row(new MaintenanceWindow(rs.getString("id"), rs.getString("account_id"), rs.getString("name"),
                Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"), List.of(), rs.getString("created_by"),
                Sql.instant(rs, "created_at")), rs.getBoolean("all_monitors"));
    }
}
