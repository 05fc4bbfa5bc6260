package io.enori.mcp.core.store;

import io.enori.mcp.api.TraceSpan;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import io.enori.mcp.api.spi.TraceStore;
import io.enori.mcp.api.spi.TraceSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiTraceStore implements TraceStore {

    private static final String COLUMNS = "account_id, trace_id, span_id, parent_span_id, name, service, kind, "
            + "start_at, end_at, status_code, status_message, attributes, events, monitor_id, check_id, received_at";
    private static final String INSERT = "INSERT INTO trace_spans (" + COLUMNS + ") VALUES (:accountId, :traceId, "
            + ":spanId, :parentSpanId, :name, :service, :kind, :startAt, :endAt, :statusCode, :statusMessage, "
            + ":attributes, :events, :monitorId, :checkId, :receivedAt)";

    private final Jdbi jdbi;

    JdbiTraceStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public int insert(List<TraceSpan> spans) {
        Objects.requireNonNull(spans, "spans");
        if (spans.isEmpty()) {
            return 0;
        }
        return Sql.call("insert " + spans.size() + " spans", () -> jdbi.withHandle(h -> {
            List<TraceSpan> fresh = withoutStored(h, spans);
            if (fresh.isEmpty()) {
                return 0;
            }
            try {
                PreparedBatch batch = h.prepareBatch(INSERT);
                for (TraceSpan span : fresh) {
                    bind(batch, span).add();
                }
                batch.execute();
                return fresh.size();
            } catch (RuntimeException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                // A concurrent retry of the same export stored some first: insert one by one, skipping those.
                int inserted = 0;
                for (TraceSpan span : withoutStored(h, fresh)) {
                    try {
                        bind(h.createUpdate(INSERT), span).execute();
                        inserted++;
                    } catch (RuntimeException duplicate) {
                        if (!Sql.isUniqueViolation(duplicate)) {
                            throw duplicate;
                        }
                    }
                }
                return inserted;
            }
        }));
    }

    private static List<TraceSpan> withoutStored(Handle h, List<TraceSpan> spans) {
        Map<String, Set<String>> storedByTrace = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (TraceSpan span : spans) {
            String key = span.accountId() + "/" + span.traceId();
            if (!storedByTrace.containsKey(key)) {
                storedByTrace.put(key, new HashSet<>(h.createQuery("SELECT span_id FROM trace_spans "
                                + "WHERE account_id = :accountId AND trace_id = :traceId")
                        .bind("accountId", span.accountId()).bind("traceId", span.traceId())
                        .mapTo(String.class).list()));
            }
        }
        return spans.stream()
                .filter(s -> !storedByTrace.get(s.accountId() + "/" + s.traceId()).contains(s.spanId()))
                .filter(s -> seen.add(s.accountId() + "/" + s.traceId() + "/" + s.spanId()))
                .collect(Collectors.toList());
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bind(T statement, TraceSpan s) {
        return statement.bind("accountId", s.accountId())
                .bind("traceId", s.traceId())
                .bind("spanId", s.spanId())
                .bind("parentSpanId", s.parentSpanId())
                .bind("name", s.name())
                .bind("service", s.service())
                .bind("kind", s.kind())
                .bind("startAt", Sql.instant(s.startedAt()))
                .bind("endAt", Sql.instant(s.endedAt()))
                .bind("statusCode", s.statusCode())
                .bind("statusMessage", s.statusMessage())
                .bind("attributes", s.attributesJson())
                .bind("events", s.eventsJson())
                .bind("monitorId", s.monitorId())
                .bind("checkId", s.checkId())
                .bind("receivedAt", Sql.instant(s.receivedAt()));
    }

    @Override
    public Optional<String[]> checkOfTrace(String accountId, String traceId) {
        return Sql.call("find check of trace " + traceId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, monitor_id FROM check_results WHERE trace_id = :traceId AND account_id = :accountId "
                                + "ORDER BY checked_at DESC, id DESC")
                .bind("traceId", traceId).bind("accountId", accountId)
                .map((rs, ctx) -> new String[] {rs.getString("id"), rs.getString("monitor_id")})
                .findFirst()));
    }

    @Override
    public int linkToCheck(String accountId, String traceId, String monitorId, String checkId) {
        return Sql.call("link trace " + traceId, () -> jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE trace_spans SET monitor_id = :monitorId, check_id = :checkId "
                                + "WHERE account_id = :accountId AND trace_id = :traceId AND check_id IS NULL")
                .bind("monitorId", monitorId).bind("checkId", checkId)
                .bind("accountId", accountId).bind("traceId", traceId)
                .execute()));
    }

    @Override
    public List<TraceSpan> spans(String accountId, String traceId, int limit) {
        return Sql.call("list spans of trace " + traceId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM trace_spans WHERE account_id = :accountId AND trace_id = :traceId "
                                + "ORDER BY start_at, span_id LIMIT :limit")
                .bind("accountId", accountId).bind("traceId", traceId).bind("limit", limit)
                .map(JdbiTraceStore::map).list()));
    }

    @Override
    public int countSpans(String accountId, String traceId) {
        return Sql.call("count spans of trace " + traceId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM trace_spans WHERE account_id = :accountId AND trace_id = :traceId")
                .bind("accountId", accountId).bind("traceId", traceId)
                .mapTo(Integer.class).one()));
    }

    @Override
    public Page<TraceSummary> traces(String accountId, String monitorId, Instant since, Instant until,
                                     boolean errorsOnly, PageRequest page) {
        Objects.requireNonNull(page, "page");
        TimeIdKey after = page.afterKey() == null ? null : TimeIdKey.parse(page.afterKey(), "trace");
        StringBuilder having = new StringBuilder("1 = 1");
        if (since != null) {
            having.append(" AND MIN(start_at) >= :since");
        }
        if (until != null) {
            having.append(" AND MIN(start_at) < :until");
        }
        if (errorsOnly) {
            having.append(" AND MAX(CASE WHEN status_code = 'ERROR' THEN 1 ELSE 0 END) = 1");
        }
        if (after != null) {
            having.append(" AND (MIN(start_at) < :afterAt OR (MIN(start_at) = :afterAt AND trace_id < :afterId))");
        }
        String sql = "SELECT trace_id, MIN(start_at) AS started, MAX(end_at) AS ended, COUNT(*) AS spans, "
                + "MAX(CASE WHEN status_code = 'ERROR' THEN 1 ELSE 0 END) AS failed, MAX(check_id) AS check_id "
                + "FROM trace_spans WHERE account_id = :accountId AND monitor_id = :monitorId "
                + "GROUP BY trace_id HAVING " + having + " ORDER BY started DESC, trace_id DESC LIMIT :limit";
        return Sql.call("list traces of monitor " + monitorId, () -> jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("accountId", accountId).bind("monitorId", monitorId)
                    .bind("limit", page.limit() + 1);
            TimeIdKey.bindWindow(query, since, until, after);
            List<Row> rows = query.map((rs, ctx) -> new Row(rs.getString("trace_id"), Sql.instant(rs, "started"),
                    Sql.instant(rs, "ended"), rs.getInt("spans"), rs.getInt("failed") == 1,
                    rs.getString("check_id"))).list();
            Page<Row> rowPage = TimeIdKey.pageOf(rows, page.limit(), r -> new TimeIdKey(r.started, r.traceId));
            Map<String, String[]> roots = roots(h, accountId, rowPage.items());
            List<TraceSummary> items = rowPage.items().stream().map(r -> {
                String[] root = roots.getOrDefault(r.traceId, new String[2]);
                return new TraceSummary(r.traceId, root[0], root[1], r.started, r.ended, r.spans, r.error,
                        r.checkId);
            }).collect(Collectors.toList());
            return new Page<>(items, rowPage.nextKey());
        }));
    }

    private record Row(String traceId, Instant started, Instant ended, int spans, boolean error, String checkId) {
    }

    /** Per trace: service and name of the earliest span whose parent is not stored. */
    private static Map<String, String[]> roots(Handle h, String accountId, List<Row> rows) {
        Map<String, String[]> roots = new HashMap<>();
        if (rows.isEmpty()) {
            return roots;
        }
        h.createQuery("SELECT s.trace_id, s.service, s.name FROM trace_spans s WHERE s.account_id = :accountId "
                        + "AND s.trace_id IN (<traceIds>) AND (s.parent_span_id IS NULL OR NOT EXISTS ("
                        + "SELECT 1 FROM trace_spans p WHERE p.account_id = s.account_id AND p.trace_id = s.trace_id "
                        + "AND p.span_id = s.parent_span_id)) ORDER BY s.start_at DESC, s.span_id DESC")
                .bind("accountId", accountId)
                .bindList("traceIds", rows.stream().map(Row::traceId).collect(Collectors.toList()))
                // Earliest last, so it wins the put.
                .map((rs, ctx) -> new String[] {rs.getString("trace_id"), rs.getString("service"),
                        rs.getString("name")})
                .forEach(r -> roots.put(r[0], new String[] {r[1], r[2]}));
        return roots;
    }

    @Override
    public int purgeReceivedBefore(Instant cutoff, int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1");
        }
        return Sql.call("purge spans received before " + cutoff, () -> jdbi.withHandle(h -> {
            // Bounded without DELETE ... LIMIT (PostgreSQL has none): stop at the receipt time of the maxRows-th
            // oldest expired span, so one purge deletes about maxRows rows (more only on equal receipt times).
            Optional<Instant> bound = h.createQuery("SELECT received_at FROM trace_spans WHERE received_at < :cutoff "
                            + "ORDER BY received_at LIMIT 1 OFFSET :offset")
                    .bind("cutoff", Sql.instant(cutoff)).bind("offset", maxRows)
                    .map((rs, ctx) -> Sql.instant(rs, "received_at")).findFirst();
            int deleted = h.createUpdate("DELETE FROM trace_spans WHERE received_at < :cutoff")
                    .bind("cutoff", Sql.instant(bound.orElse(cutoff)))
                    .execute();
            if (deleted == 0 && bound.isPresent()) {
                // More than maxRows share the oldest receipt time (one large batch): take that instant whole.
                deleted = h.createUpdate("DELETE FROM trace_spans WHERE received_at <= :bound")
                        .bind("bound", Sql.instant(bound.get())).execute();
            }
            return deleted;
        }));
    }

    private static TraceSpan map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new TraceSpan(rs.getString("account_id"), rs.getString("trace_id"), rs.getString("span_id"),
                rs.getString("parent_span_id"), rs.getString("name"), rs.getString("service"), rs.getString("kind"),
                Sql.instant(rs, "start_at"), Sql.instant(rs, "end_at"), rs.getString("status_code"),
                rs.getString("status_message"), rs.getString("attributes"), rs.getString("events"),
                rs.getString("monitor_id"), rs.getString("check_id"), Sql.instant(rs, "received_at"));
    }
}
