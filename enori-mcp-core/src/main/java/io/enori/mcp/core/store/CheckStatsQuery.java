package io.enori.mcp.core.store;

import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.spi.CheckStats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Aggregates of check results over {@code [since, until)}. Counts and response-time figures come from one
 * aggregate query; downtime needs each check's successor, so it is summed while streaming the checks in time
 * order rather than by loading them.
 */
final class CheckStatsQuery {

    /** Rows per round trip while streaming; PostgreSQL only streams inside a transaction with a fetch size. */
    private static final int FETCH_SIZE = 1_000;

    private static final String AGGREGATES = "COUNT(*) AS total, "
            + "SUM(CASE WHEN status = :down THEN 1 ELSE 0 END) AS failed, "
            + "AVG(CAST(response_time_ms AS DOUBLE PRECISION)) AS avg_ms, "
            + "PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY response_time_ms) AS p95_ms, "
            + "MAX(CASE WHEN status = :up THEN checked_at END) AS last_success_at";

    private static final String IN_RANGE = "checked_at >= :since AND checked_at < :until";

    /**
     * How far before {@code since} to look for the check that tells whether the range began inside an outage.
     * Twice the longest interval, so the look-back stays bounded however much history there is.
     */
    private static final Duration LOOK_BACK = Duration.ofDays(2);

    private static final String LAST_BEFORE_RANGE = "SELECT c.monitor_id, c.status FROM check_results c JOIN ("
            + "SELECT monitor_id, MAX(checked_at) AS last_at FROM check_results "
            + "WHERE account_id = :accountId AND checked_at >= :lookBack AND checked_at < :since%s GROUP BY monitor_id"
            + ") l ON c.monitor_id = l.monitor_id AND c.checked_at = l.last_at WHERE c.account_id = :accountId";

    private final Jdbi jdbi;

    CheckStatsQuery(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    CheckStats forMonitor(String accountId, String monitorId, Instant since, Instant until) {
        requireRange(since, until);
        return Sql.call("compute stats of monitor " + monitorId, () -> jdbi.inTransaction(h -> {
            CheckStats counts = h.createQuery("SELECT " + AGGREGATES + " FROM check_results "
                            + "WHERE account_id = :accountId AND monitor_id = :monitorId AND " + IN_RANGE)
                    .bind("accountId", accountId)
                    .bind("monitorId", monitorId)
                    .bind("down", CheckStatus.DOWN.name())
                    .bind("up", CheckStatus.UP.name())
                    .bind("since", Sql.instant(since))
                    .bind("until", Sql.instant(until))
                    .map((rs, ctx) -> aggregates(monitorId, rs))
                    .one();
            DowntimeTally tally = new DowntimeTally();
            if (downBefore(h, accountId, monitorId, since).contains(monitorId)) {
                tally.startDownAt(since);
            }
            h.createQuery("SELECT checked_at, status FROM check_results "
                            + "WHERE account_id = :accountId AND monitor_id = :monitorId AND " + IN_RANGE
                            + " ORDER BY checked_at, id")
                    .bind("accountId", accountId)
                    .bind("monitorId", monitorId)
                    .bind("since", Sql.instant(since))
                    .bind("until", Sql.instant(until))
                    .setFetchSize(FETCH_SIZE)
                    .map(CheckStatsQuery::point)
                    .forEach(tally::accept);
            return withDowntime(counts, tally.seconds(until));
        }));
    }

    Map<String, CheckStats> forAccount(String accountId, Instant since, Instant until) {
        requireRange(since, until);
        return Sql.call("compute stats of account " + accountId, () -> jdbi.inTransaction(h -> {
            Map<String, CheckStats> byMonitor = new LinkedHashMap<>();
            h.createQuery("SELECT monitor_id, " + AGGREGATES + " FROM check_results "
                            + "WHERE account_id = :accountId AND " + IN_RANGE
                            + " GROUP BY monitor_id ORDER BY monitor_id")
                    .bind("accountId", accountId)
                    .bind("down", CheckStatus.DOWN.name())
                    .bind("up", CheckStatus.UP.name())
                    .bind("since", Sql.instant(since))
                    .bind("until", Sql.instant(until))
                    .map((rs, ctx) -> aggregates(rs.getString("monitor_id"), rs))
                    .forEach(stats -> byMonitor.put(stats.monitorId(), stats));
            Map<String, Long> downtime = downtimeByMonitor(h, accountId, since, until);
            byMonitor.replaceAll((monitorId, stats) -> withDowntime(stats, downtime.getOrDefault(monitorId, 0L)));
            return Collections.unmodifiableMap(byMonitor);
        }));
    }

    /** One pass over the account's checks; a tally per monitor (bounded by the plan's cap), not per check. */
    private static Map<String, Long> downtimeByMonitor(Handle h, String accountId, Instant since, Instant until) {
        Map<String, DowntimeTally> tallies = new HashMap<>();
        for (String monitorId : downBefore(h, accountId, null, since)) {
            tallies.computeIfAbsent(monitorId, id -> new DowntimeTally()).startDownAt(since);
        }
        h.createQuery("SELECT monitor_id, checked_at, status FROM check_results "
                        + "WHERE account_id = :accountId AND " + IN_RANGE + " ORDER BY monitor_id, checked_at, id")
                .bind("accountId", accountId)
                .bind("since", Sql.instant(since))
                .bind("until", Sql.instant(until))
                .setFetchSize(FETCH_SIZE)
                .map((rs, ctx) -> new MonitorPoint(rs.getString("monitor_id"), point(rs, ctx)))
                .forEach(row -> tallies.computeIfAbsent(row.monitorId(), id -> new DowntimeTally())
                        .accept(row.point()));
        Map<String, Long> downtime = new HashMap<>();
        tallies.forEach((monitorId, tally) -> downtime.put(monitorId, tally.seconds(until)));
        return downtime;
    }

    /** Monitors (of the account, or just {@code monitorId}) whose last check before {@code since} was down. */
    private static Set<String> downBefore(Handle h, String accountId, String monitorId, Instant since) {
        var query = h.createQuery(String.format(LAST_BEFORE_RANGE, monitorId == null ? "" : " AND monitor_id = :monitorId"))
                .bind("accountId", accountId)
                .bind("lookBack", Sql.instant(since.minus(LOOK_BACK)))
                .bind("since", Sql.instant(since));
        if (monitorId != null) {
            query.bind("monitorId", monitorId);
        }
        Set<String> down = new HashSet<>();
        query.map((rs, ctx) -> CheckStatus.DOWN.name().equals(rs.getString("status")) ? rs.getString("monitor_id") : null)
                .forEach(id -> {
                    if (id != null) {
                        down.add(id);
                    }
                });
        return down;
    }

    private static CheckStats aggregates(String monitorId, ResultSet rs) throws SQLException {
        return new CheckStats(monitorId, rs.getLong("total"), rs.getLong("failed"), Sql.decimal(rs, "avg_ms"),
                Sql.decimal(rs, "p95_ms"), Sql.instant(rs, "last_success_at"), 0);
    }

    private static CheckStats withDowntime(CheckStats stats, long downtimeSeconds) {
        return new CheckStats(stats.monitorId(), stats.total(), stats.failed(), stats.avgResponseMs(),
                stats.p95ResponseMs(), stats.lastSuccessAt(), downtimeSeconds);
    }

    private static Point point(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Point(Sql.instant(rs, "checked_at"), CheckStatus.DOWN.name().equals(rs.getString("status")));
    }

    private static void requireRange(Instant since, Instant until) {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
    }

    private record Point(Instant checkedAt, boolean down) {
    }

    private record MonitorPoint(String monitorId, Point point) {
    }

    /**
     * Sums the time from each down check to the check after it, and from a final down check to the range's end.
     * Summed in microseconds and floored to seconds once, so many short gaps do not each lose a fraction.
     */
    private static final class DowntimeTally {
        private Instant downSince;
        private long micros;

        /** The range began inside an outage: count from its start. */
        void startDownAt(Instant since) {
            downSince = since;
        }

        void accept(Point point) {
            if (downSince != null) {
                micros += microsBetween(downSince, point.checkedAt());
            }
            downSince = point.down() ? point.checkedAt() : null;
        }

        long seconds(Instant until) {
            long total = micros + (downSince == null ? 0 : microsBetween(downSince, until));
            return total / 1_000_000L;
        }

        private static long microsBetween(Instant from, Instant to) {
            Duration gap = Duration.between(from, to);
            return gap.isNegative() ? 0 : gap.getSeconds() * 1_000_000L + gap.getNano() / 1_000;
        }
    }
}
