package io.enori.mcp.core.store;

import io.enori.mcp.api.Snooze;
import io.enori.mcp.api.spi.SnoozeStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiSnoozeStore implements SnoozeStore {

    private static final String COLUMNS = "account_id, monitor_id, principal_id, snoozed_until, created_at";

    private static final String KEY =
            "account_id = :accountId AND monitor_id = :monitorId AND principal_id = :principalId";

    private final Jdbi jdbi;

    JdbiSnoozeStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Update, else insert: one portable path for H2 and PostgreSQL (no MERGE or ON CONFLICT dialects). When a
     * concurrent upsert inserts the same key first, ours loses the insert and replaces that row instead.
     */
    @Override
    public void upsert(Snooze snooze) {
        Objects.requireNonNull(snooze, "snooze");
        Sql.run("snooze monitor " + snooze.monitorId(), () -> {
            if (jdbi.withHandle(h -> update(h, snooze)) == 1) {
                return;
            }
            try {
                jdbi.useHandle(h -> h.createUpdate("INSERT INTO snoozes (" + COLUMNS + ") VALUES (:accountId, "
                                + ":monitorId, :principalId, :until, :createdAt)")
                        .bind("accountId", snooze.accountId())
                        .bind("monitorId", snooze.monitorId())
                        .bind("principalId", snooze.principalId())
                        .bind("until", Sql.instant(snooze.until()))
                        .bind("createdAt", Sql.instant(snooze.createdAt()))
                        .execute());
            } catch (JdbiException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                jdbi.useHandle(h -> update(h, snooze));
            }
        });
    }

    private static int update(Handle h, Snooze snooze) {
        return h.createUpdate("UPDATE snoozes SET snoozed_until = :until, created_at = :createdAt WHERE " + KEY)
                .bind("until", Sql.instant(snooze.until()))
                .bind("createdAt", Sql.instant(snooze.createdAt()))
                .bind("accountId", snooze.accountId())
                .bind("monitorId", snooze.monitorId())
                .bind("principalId", snooze.principalId())
                .execute();
    }

    @Override
    public Optional<Snooze> find(String accountId, String monitorId, String principalId) {
        return Sql.call("find snooze on monitor " + monitorId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM snoozes WHERE " + KEY)
                .bind("accountId", accountId)
                .bind("monitorId", monitorId)
                .bind("principalId", principalId)
                .map(JdbiSnoozeStore::map)
                .findOne()));
    }

    @Override
    public boolean delete(String accountId, String monitorId, String principalId) {
        return Sql.call("delete snooze on monitor " + monitorId, () -> jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM snoozes WHERE " + KEY)
                .bind("accountId", accountId)
                .bind("monitorId", monitorId)
                .bind("principalId", principalId)
                .execute()) > 0);
    }

    @Override
    public List<Snooze> listForMonitor(String accountId, String monitorId) {
        return Sql.call("list snoozes on monitor " + monitorId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM snoozes WHERE account_id = :accountId AND monitor_id = :monitorId "
                                + "ORDER BY created_at, principal_id")
                .bind("accountId", accountId)
                .bind("monitorId", monitorId)
                .map(JdbiSnoozeStore::map)
                .list()));
    }

    private static Snooze map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Snooze(rs.getString("account_id"), rs.getString("monitor_id"), rs.getString("principal_id"),
                Sql.instant(rs, "snoozed_until"), Sql.instant(rs, "created_at"));
    }
}
