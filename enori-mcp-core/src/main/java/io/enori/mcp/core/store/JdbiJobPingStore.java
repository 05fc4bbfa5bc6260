package io.enori.mcp.core.store;

import io.enori.mcp.api.JobPing;
import io.enori.mcp.api.spi.JobPingStore;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiJobPingStore implements JobPingStore {

    private static final String COLUMNS = "id, account_id, monitor_id, kind, run_id, received_at, duration_ms, message";

    private final Jdbi jdbi;
    private final JobMetricQueries metrics;

    JdbiJobPingStore(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.metrics = new JobMetricQueries(jdbi);
    }

    @Override
    public void insert(JobPing ping) {
        Objects.requireNonNull(ping, "ping");
        Sql.run("insert job ping " + ping.id(), () -> jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO job_pings (" + COLUMNS + ") VALUES (:id, :accountId, :monitorId, :kind, "
                            + ":runId, :receivedAt, :durationMs, :message)")
                    .bind("id", ping.id())
                    .bind("accountId", ping.accountId())
                    .bind("monitorId", ping.monitorId())
                    .bind("kind", ping.kind().name())
                    .bind("runId", ping.runId())
                    .bind("receivedAt", Sql.instant(ping.receivedAt()))
                    .bind("durationMs", ping.durationMs())
                    .bind("message", ping.message())
                    .execute();
            if (ping.metrics().isEmpty()) {
                return;
            }
            PreparedBatch batch = h.prepareBatch("INSERT INTO job_ping_metrics (ping_id, account_id, monitor_id, "
                    + "metric_key, metric_value, run_id, t, t_ms) VALUES (:pingId, :accountId, :monitorId, :key, "
                    + ":value, :runId, :t, :tMs)");
            for (Map.Entry<String, Double> metric : ping.metrics().entrySet()) {
                batch.bind("pingId", ping.id())
                        .bind("accountId", ping.accountId())
                        .bind("monitorId", ping.monitorId())
                        .bind("key", metric.getKey())
                        .bind("value", metric.getValue())
                        .bind("runId", ping.runId())
                        .bind("t", Sql.instant(ping.receivedAt()))
                        .bind("tMs", ping.receivedAt().toEpochMilli())
                        .add();
            }
            batch.execute();
        }));
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
    public Page<JobPing> list(String accountId, String monitorId, Filter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
        TimeIdKey after = page.afterKey() == null ? null : TimeIdKey.parse(page.afterKey(), "job ping");
        String sql = "SELECT " + COLUMNS + " FROM job_pings WHERE account_id = :accountId AND monitor_id = :monitorId"
                + (filter.since() == null ? "" : " AND received_at >= :since")
                + (filter.until() == null ? "" : " AND received_at < :until")
                + (filter.kind() == null ? "" : " AND kind = :kind")
                + (filter.runId() == null ? "" : " AND run_id = :runId")
                + (after == null ? "" : " AND (received_at < :afterAt OR (received_at = :afterAt AND id < :afterId))")
                + " ORDER BY received_at DESC, id DESC LIMIT :limit";
        List<JobPing> rows = Sql.call("list job pings of monitor " + monitorId, () -> jdbi.withHandle(h -> {
            Query query = h.createQuery(sql)
                    .bind("accountId", accountId)
                    .bind("monitorId", monitorId)
                    .bind("limit", page.limit() + 1);
            if (filter.kind() != null) {
                query.bind("kind", filter.kind().name());
            }
            if (filter.runId() != null) {
                query.bind("runId", filter.runId());
            }
            TimeIdKey.bindWindow(query, filter.since(), filter.until(), after);
            return withMetrics(h, accountId, monitorId, query.map(JdbiJobPingStore::map).list());
        }));
        return TimeIdKey.pageOf(rows, page.limit(), p -> new TimeIdKey(p.receivedAt(), p.id()));
    }

    @Override
    public List<MetricKey> metricKeys(String accountId, String monitorId, Instant since, Instant until) {
        return metrics.keys(accountId, monitorId, since, until);
    }

    @Override
    public long countMetricPoints(String accountId, String monitorId, String key, Instant since, Instant until) {
        return metrics.count(accountId, monitorId, key, since, until);
    }

    @Override
    public List<MetricPoint> metricPoints(String accountId, String monitorId, String key, Instant since,
                                          Instant until, int limit) {
        return metrics.points(accountId, monitorId, key, since, until, limit);
    }

    @Override
    public List<MetricBucket> metricBuckets(String accountId, String monitorId, String key, Instant since,
                                            Instant until, Duration size) {
        return metrics.buckets(accountId, monitorId, key, since, until, size);
    }

    @Override
    public String ensureToken(String accountId, String monitorId, String token, Instant createdAt) {
        Objects.requireNonNull(token, "token");
        Optional<String> existing = token(accountId, monitorId);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            Sql.run("store the heartbeat token of monitor " + monitorId, () -> jdbi.useHandle(h -> h.createUpdate(
                            "INSERT INTO job_heartbeat_tokens (token, account_id, monitor_id, created_at) "
                                    + "VALUES (:token, :accountId, :monitorId, :createdAt)")
                    .bind("token", token)
                    .bind("accountId", accountId)
                    .bind("monitorId", monitorId)
                    .bind("createdAt", Sql.instant(createdAt))
                    .execute()));
            return token;
        } catch (RuntimeException e) {
            // A concurrent caller gave the monitor its token first: that one stands.
            return token(accountId, monitorId).orElseThrow(() -> e);
        }
    }

    @Override
    public Optional<String> token(String accountId, String monitorId) {
        return Sql.call("find the heartbeat token of monitor " + monitorId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT token FROM job_heartbeat_tokens WHERE account_id = :accountId AND monitor_id = :monitorId")
                .bind("accountId", accountId)
                .bind("monitorId", monitorId)
                .mapTo(String.class)
                .findOne()));
    }

    @Override
    public Optional<TokenOwner> findByToken(String token) {
        Objects.requireNonNull(token, "token");
        return Sql.call("find a heartbeat token", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT account_id, monitor_id FROM job_heartbeat_tokens WHERE token = :token")
                .bind("token", token)
                .map((rs, ctx) -> new TokenOwner(rs.getString("account_id"), rs.getString("monitor_id")))
                .findOne()));
    }

    private Optional<JobPing> newest(String accountId, String monitorId, JobPing.Kind kind) {
        String sql = "SELECT " + COLUMNS + " FROM job_pings WHERE account_id = :accountId AND monitor_id = :monitorId"
                + (kind == null ? "" : " AND kind = :kind") + " ORDER BY received_at DESC, id DESC LIMIT 1";
        return Sql.call("find the latest job ping of monitor " + monitorId, () -> jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("accountId", accountId).bind("monitorId", monitorId);
            if (kind != null) {
                query.bind("kind", kind.name());
            }
            return withMetrics(h, accountId, monitorId, query.map(JdbiJobPingStore::map).list()).stream().findFirst();
        }));
    }

    /** The pings with their metrics, read in one query for the whole page. */
    private static List<JobPing> withMetrics(Handle h, String accountId, String monitorId, List<JobPing> pings) {
        if (pings.isEmpty()) {
            return pings;
        }
        Map<String, Map<String, Double>> byPing = new HashMap<>();
        h.createQuery("SELECT ping_id, metric_key, metric_value FROM job_ping_metrics WHERE account_id = :accountId "
                        + "AND monitor_id = :monitorId AND ping_id IN (<ids>)")
                .bind("accountId", accountId)
                .bind("monitorId", monitorId)
                .bindList("ids", pings.stream().map(JobPing::id).toList())
                .map((rs, ctx) -> {
                    byPing.computeIfAbsent(rs.getString("ping_id"), k -> new HashMap<>())
                            .put(rs.getString("metric_key"), rs.getDouble("metric_value"));
                    return 0;
                })
                .list();
        if (byPing.isEmpty()) {
            return pings;
        }
        List<JobPing> out = new ArrayList<>(pings.size());
        for (JobPing p : pings) {
            Map<String, Double> m = byPing.get(p.id());
            out.add(m == null ? p : new JobPing(p.id(), p.accountId(), p.monitorId(), p.kind(), p.runId(),
                    p.receivedAt(), p.durationMs(), p.message(), m));
        }
        return out;
    }

    private static JobPing map(ResultSet rs, StatementContext ctx) throws SQLException {
        Object duration = rs.getObject("duration_ms");
        return new JobPing(rs.getString("id"), rs.getString("account_id"), rs.getString("monitor_id"),
                JobPing.Kind.valueOf(rs.getString("kind")), rs.getString("run_id"), Sql.instant(rs, "received_at"),
                duration == null ? null : ((Number) duration).longValue(), rs.getString("message"), Map.of());
    }
}
