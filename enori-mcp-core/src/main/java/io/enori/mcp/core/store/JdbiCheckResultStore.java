package io.enori.mcp.core.store;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.spi.CheckResultStore;
import io.enori.mcp.api.spi.CheckStats;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiCheckResultStore implements CheckResultStore {

    /** The column's width; a longer error text is cut rather than failing the write of a check. */
    static final int MAX_ERROR_LENGTH = 4000;

    private static final String COLUMNS = "id, account_id, monitor_id, status, response_time_ms, status_code, error, "
            + "content_matched, ssl_expires_at, domain_expires_at, checked_at, trace_id";

    private final Jdbi jdbi;
    private final CheckStatsQuery statsQuery;

    JdbiCheckResultStore(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.statsQuery = new CheckStatsQuery(jdbi);
    }

    @Override
    public void insert(CheckResult result) {
        Objects.requireNonNull(result, "result");
        String error = result.error() == null || result.error().length() <= MAX_ERROR_LENGTH
                ? result.error() : result.error().substring(0, MAX_ERROR_LENGTH);
        Sql.run("insert check result " + result.id(), () -> jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO check_results (" + COLUMNS + ") VALUES (:id, :accountId, :monitorId, :status, "
                                + ":responseTimeMs, :statusCode, :error, :contentMatched, :sslExpiresAt, :domainExpiresAt, :checkedAt, :traceId)")
                .bind("id", result.id())
                .bind("accountId", result.accountId())
                .bind("monitorId", result.monitorId())
                .bind("status", result.status().name())
                .bind("responseTimeMs", result.responseTimeMs())
                .bind("statusCode", result.statusCode())
                .bind("error", error)
                .bind("contentMatched", result.contentMatched())
                .bind("sslExpiresAt", Sql.instant(result.sslExpiresAt()))
                .bind("domainExpiresAt", Sql.instant(result.domainExpiresAt()))
                .bind("checkedAt", Sql.instant(result.checkedAt()))
                .bind("traceId", result.traceId())
                .execute()));
    }

    /**
     * Newest first by {@code (checked_at, id)}. {@code since} and {@code until} may be {@code null} for an open
     * end. The page key is {@code <epoch microseconds>:<id>} of the last item.
     *
     * @throws IllegalArgumentException when {@code page.afterKey()} is not a key this store produced
     */
    @Override
    public Page<CheckResult> list(String accountId, String monitorId, CheckStatus status, Instant since,
                                  Instant until, PageRequest page) {
        Objects.requireNonNull(page, "page");
        TimeIdKey after = page.afterKey() == null ? null : TimeIdKey.parse(page.afterKey(), "check result");
        StringBuilder where = new StringBuilder("account_id = :accountId AND monitor_id = :monitorId");
        if (status != null) {
            where.append(" AND status = :status");
        }
        if (since != null) {
            where.append(" AND checked_at >= :since");
        }
        if (until != null) {
            where.append(" AND checked_at < :until");
        }
        if (after != null) {
            where.append(" AND (checked_at < :afterAt OR (checked_at = :afterAt AND id < :afterId))");
        }
        String sql = "SELECT " + COLUMNS + " FROM check_results WHERE " + where
                + " ORDER BY checked_at DESC, id DESC LIMIT :limit";
        List<CheckResult> rows = Sql.call("list check results of monitor " + monitorId, () -> jdbi.withHandle(h -> {
            Query query = h.createQuery(sql)
                    .bind("accountId", accountId)
                    .bind("monitorId", monitorId)
                    .bind("limit", page.limit() + 1);
            if (status != null) {
                query.bind("status", status.name());
            }
            TimeIdKey.bindWindow(query, since, until, after);
            return query.map(JdbiCheckResultStore::map).list();
        }));
        return TimeIdKey.pageOf(rows, page.limit(), r -> new TimeIdKey(r.checkedAt(), r.id()));
    }

    @Override
    public CheckStats stats(String accountId, String monitorId, Instant since, Instant until) {
        return statsQuery.forMonitor(accountId, monitorId, since, until);
    }

    @Override
    public Map<String, CheckStats> statsByMonitor(String accountId, Instant since, Instant until) {
        return statsQuery.forAccount(accountId, since, until);
    }

    private static CheckResult map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new CheckResult(rs.getString("id"), rs.getString("account_id"), rs.getString("monitor_id"),
                CheckStatus.valueOf(rs.getString("status")), Sql.integer(rs, "response_time_ms"),
                Sql.integer(rs, "status_code"), rs.getString("error"), Sql.bool(rs, "content_matched"),
                Sql.instant(rs, "ssl_expires_at"), Sql.instant(rs, "domain_expires_at"),
                Sql.instant(rs, "checked_at"), rs.getString("trace_id"));
    }
}
