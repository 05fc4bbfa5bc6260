package io.enori.mcp.core.store;

import io.enori.mcp.api.JobPing;
import io.enori.mcp.api.spi.JobPingStore;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiJobPingStore implements JobPingStore {

    private static final String COLUMNS = "id, account_id, monitor_id, kind, run_id, received_at";

    private final Jdbi jdbi;

    JdbiJobPingStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(JobPing ping) {
        Objects.requireNonNull(ping, "ping");
        Sql.run("insert job ping " + ping.id(), () -> jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO job_pings (" + COLUMNS + ") VALUES (:id, :accountId, :monitorId, :kind, :runId, "
                                + ":receivedAt)")
                .bind("id", ping.id())
                .bind("accountId", ping.accountId())
                .bind("monitorId", ping.monitorId())
                .bind("kind", ping.kind().name())
                .bind("runId", ping.runId())
                .bind("receivedAt", Sql.instant(ping.receivedAt()))
                .execute()));
    }

    @Override
    public Optional<JobPing> latest(String accountId, String monitorId) {
        return newest(accountId, monitorId, null);
    }

    @Override
    public Optional<JobPing> latest(String accountId, String monitorId, JobPing.Kind kind) {
        return newest(accountId, monitorId, Objects.requireNonNull(kind, "kind"));
    }

    /**
     * Newest first by {@code (received_at, id)}. The page key is {@code <epoch microseconds>:<id>} of the last
     * item.
     */
    @Override
    public Page<JobPing> list(String accountId, String monitorId, PageRequest page) {
        Objects.requireNonNull(page, "page");
        TimeIdKey after = page.afterKey() == null ? null : TimeIdKey.parse(page.afterKey(), "job ping");
        String sql = "SELECT " + COLUMNS + " FROM job_pings WHERE account_id = :accountId AND monitor_id = :monitorId"
                + (after == null ? "" : " AND (received_at < :afterAt OR (received_at = :afterAt AND id < :afterId))")
                + " ORDER BY received_at DESC, id DESC LIMIT :limit";
        List<JobPing> rows = Sql.call("list job pings of monitor " + monitorId, () -> jdbi.withHandle(h -> {
            Query query = h.createQuery(sql)
                    .bind("accountId", accountId)
                    .bind("monitorId", monitorId)
                    .bind("limit", page.limit() + 1);
            TimeIdKey.bindWindow(query, null, null, after);
            return query.map(JdbiJobPingStore::map).list();
        }));
        return TimeIdKey.pageOf(rows, page.limit(), p -> new TimeIdKey(p.receivedAt(), p.id()));
    }

    private Optional<JobPing> newest(String accountId, String monitorId, JobPing.Kind kind) {
        String sql = "SELECT " + COLUMNS + " FROM job_pings WHERE account_id = :accountId AND monitor_id = :monitorId"
                + (kind == null ? "" : " AND kind = :kind") + " ORDER BY received_at DESC, id DESC LIMIT 1";
        return Sql.call("find the latest job ping of monitor " + monitorId, () -> jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("accountId", accountId).bind("monitorId", monitorId);
            if (kind != null) {
                query.bind("kind", kind.name());
            }
            return query.map(JdbiJobPingStore::map).findOne();
        }));
    }

    private static JobPing map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new JobPing(rs.getString("id"), rs.getString("account_id"), rs.getString("monitor_id"),
                JobPing.Kind.valueOf(rs.getString("kind")), rs.getString("run_id"), Sql.instant(rs, "received_at"));
    }
}
