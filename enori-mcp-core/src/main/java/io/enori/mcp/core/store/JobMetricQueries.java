package io.enori.mcp.core.store;

import io.enori.mcp.api.spi.JobPingStore.MetricBucket;
import io.enori.mcp.api.spi.JobPingStore.MetricKey;
import io.enori.mcp.api.spi.JobPingStore.MetricPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Reads of job metric series: distinct keys, raw points and epoch-aligned buckets, all by {@code t_ms}. */
final class JobMetricQueries {
    private static final String WHERE = " FROM job_ping_metrics WHERE account_id = :accountId AND monitor_id = "
            + ":monitorId AND t_ms >= :since AND t_ms < :until";

    private final Jdbi jdbi;

    JobMetricQueries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<MetricKey> keys(String accountId, String monitorId, Instant since, Instant until) {
        // The newest value per key: the row whose (t_ms, ping_id) is greatest; ties on time broken by ping id.
        String sql = "SELECT k.metric_key, k.n, m.metric_value, m.t FROM (SELECT metric_key, COUNT(*) AS n, "
                + "MAX(t_ms) AS last_ms" + WHERE + " GROUP BY metric_key) k JOIN job_ping_metrics m "
                + "ON m.account_id = :accountId AND m.monitor_id = :monitorId AND m.metric_key = k.metric_key "
                + "AND m.t_ms = k.last_ms ORDER BY k.metric_key, m.ping_id DESC";
        List<MetricKey> rows = Sql.call("list the metric keys of monitor " + monitorId, () -> jdbi.withHandle(h ->
                h.createQuery(sql)
                        .bind("accountId", accountId)
                        .bind("monitorId", monitorId)
                        .bind("since", since.toEpochMilli())
                        .bind("until", until.toEpochMilli())
                        .map((rs, ctx) -> new MetricKey(rs.getString(1), rs.getLong(2), rs.getDouble(3),
                                Sql.instant(rs, "t")))
                        .list()));
        // Several pings in the same millisecond: keep the first row per key (greatest ping id).
        java.util.Map<String, MetricKey> first = new java.util.LinkedHashMap<>();
        rows.forEach(r -> first.putIfAbsent(r.key(), r));
        return List.copyOf(first.values());
    }

    long count(String accountId, String monitorId, String key, Instant since, Instant until) {
        return Sql.call("count metric " + key + " of monitor " + monitorId, () -> jdbi.withHandle(h ->
                h.createQuery("SELECT COUNT(*)" + WHERE + " AND metric_key = :key")
                        .bind("accountId", accountId)
                        .bind("monitorId", monitorId)
                        .bind("key", key)
                        .bind("since", since.toEpochMilli())
                        .bind("until", until.toEpochMilli())
                        .mapTo(Long.class)
                        .one()));
    }

    List<MetricPoint> points(String accountId, String monitorId, String key, Instant since, Instant until, int limit) {
        return Sql.call("read metric " + key + " of monitor " + monitorId, () -> jdbi.withHandle(h ->
                h.createQuery("SELECT t, metric_value, run_id" + WHERE + " AND metric_key = :key "
                                + "ORDER BY t_ms, ping_id LIMIT :limit")
                        .bind("accountId", accountId)
                        .bind("monitorId", monitorId)
                        .bind("key", key)
                        .bind("since", since.toEpochMilli())
                        .bind("until", until.toEpochMilli())
                        .bind("limit", limit)
                        .map((rs, ctx) -> new MetricPoint(Sql.instant(rs, "t"), rs.getDouble("metric_value"),
                                rs.getString("run_id")))
                        .list()));
    }

    List<MetricBucket> buckets(String accountId, String monitorId, String key, Instant since, Instant until,
                               Duration size) {
        long sizeMs = size.toMillis();
        if (sizeMs < 1) {
            throw new IllegalArgumentException("bucket size must be at least 1 ms: " + size);
        }
        // t_ms is positive, so integer division floors on both databases.
        // Grouped over a derived column: PostgreSQL does not match two bound "t_ms / ?" expressions as one.
        String sql = "SELECT b, COUNT(*) AS n, AVG(v) AS a, MIN(v) AS lo, MAX(v) AS hi FROM (SELECT t_ms / :size AS b, "
                + "metric_value AS v" + WHERE + " AND metric_key = :key) x GROUP BY b ORDER BY b";
        return Sql.call("bucket metric " + key + " of monitor " + monitorId, () -> jdbi.withHandle(h ->
                h.createQuery(sql)
                        .bind("accountId", accountId)
                        .bind("monitorId", monitorId)
                        .bind("key", key)
                        .bind("since", since.toEpochMilli())
                        .bind("until", until.toEpochMilli())
                        .bind("size", sizeMs)
                        .map((rs, ctx) -> new MetricBucket(Instant.ofEpochMilli(rs.getLong("b") * sizeMs),
                                rs.getLong("n"), rs.getDouble("a"), rs.getDouble("lo"), rs.getDouble("hi")))
                        .list()));
    }
}
