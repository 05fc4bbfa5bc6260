package io.enori.mcp.core.store;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.Slo;
import io.enori.mcp.api.spi.SloStore;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SLOs in {@code slos}, their daily rollups in {@code slo_burn_daily}. The raw-check reads ({@link #countChecks},
 * {@link #scanChecks}, {@link #firstCheckAt}) range-scan {@code ix_check_results_monitor_time}.
 */
final class JdbiSloStore implements SloStore {

    private static final String COLUMNS = "id, account_id, monitor_id, name, description, sli, target, window_type, "
            + "window_days, calendar_cycle, latency_threshold_ms, exclude_maintenance, exclude_paused, "
            + "burn_alert_policy, created_at, updated_at";

    private static final String CHECK_COLUMNS = "id, account_id, monitor_id, status, response_time_ms, status_code, "
            + "error, content_matched, ssl_expires_at, domain_expires_at, checked_at, trace_id";

    private static final String IN_RANGE = "account_id = :accountId AND monitor_id = :monitorId "
            + "AND checked_at >= :since AND checked_at < :until";

    /** Where the first-check search stops. */
    private static final Instant SEARCH_END = Instant.parse("2200-01-01T00:00:00Z");

    private final Jdbi jdbi;

    JdbiSloStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Slo slo) {
        Objects.requireNonNull(slo, "slo");
        Sql.run("insert SLO " + slo.id(), () -> jdbi.useHandle(h -> bindAll(h.createUpdate("INSERT INTO slos ("
                + COLUMNS + ") VALUES (:id, :accountId, :monitorId, :name, :description, :sli, :target, :windowType, "
                + ":windowDays, :calendarCycle, :latencyThresholdMs, :excludeMaintenance, :excludePaused, "
                + ":burnAlertPolicy, :createdAt, :updatedAt)"), slo)
                .bind("createdAt", Sql.instant(slo.createdAt()))
                .execute()));
    }

    @Override
    public Optional<Slo> find(String accountId, String sloId) {
        return Sql.call("find SLO " + sloId, () -> jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM slos WHERE account_id = :accountId AND id = :id")
                .bind("accountId", accountId)
                .bind("id", sloId)
                .map(JdbiSloStore::map)
                .findOne()));
    }

    @Override
    public List<Slo> listForMonitor(String accountId, String monitorId) {
        return Sql.call("list SLOs of monitor " + monitorId, () -> jdbi.withHandle(h -> h.createQuery("SELECT "
                        + COLUMNS + " FROM slos WHERE account_id = :accountId AND monitor_id = :monitorId "
                        + "ORDER BY created_at, id")
                .bind("accountId", accountId)
                .bind("monitorId", monitorId)
                .map(JdbiSloStore::map)
                .list()));
    }

    @Override
    public List<Slo> listForAccount(String accountId) {
        return Sql.call("list SLOs of account " + accountId, () -> jdbi.withHandle(h -> h.createQuery("SELECT "
                        + COLUMNS + " FROM slos WHERE account_id = :accountId ORDER BY created_at, id")
                .bind("accountId", accountId)
                .map(JdbiSloStore::map)
                .list()));
    }

    /** One transaction: the new definition never meets rollups counted under the old one. */
    @Override
    public boolean update(Slo slo) {
        Objects.requireNonNull(slo, "slo");
        return Sql.call("update SLO " + slo.id(), () -> jdbi.inTransaction(h -> {
            int changed = bindAll(h.createUpdate("UPDATE slos SET name = :name, description = :description, "
                    + "sli = :sli, target = :target, window_type = :windowType, window_days = :windowDays, "
                    + "calendar_cycle = :calendarCycle, latency_threshold_ms = :latencyThresholdMs, "
                    + "exclude_maintenance = :excludeMaintenance, exclude_paused = :excludePaused, "
                    + "burn_alert_policy = :burnAlertPolicy, updated_at = :updatedAt "
                    + "WHERE account_id = :accountId AND id = :id AND monitor_id = :monitorId"), slo).execute();
            if (changed > 0) {
                h.createUpdate("DELETE FROM slo_burn_daily WHERE account_id = :accountId AND slo_id = :id")
                        .bind("accountId", slo.accountId()).bind("id", slo.id()).execute();
            }
            return changed > 0;
        }));
    }

    @Override
    public boolean delete(String accountId, String sloId) {
        return Sql.call("delete SLO " + sloId, () -> jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM slo_burn_daily WHERE account_id = :accountId AND slo_id = :id")
                    .bind("accountId", accountId).bind("id", sloId).execute();
            return h.createUpdate("DELETE FROM slos WHERE account_id = :accountId AND id = :id")
                    .bind("accountId", accountId).bind("id", sloId).execute() > 0;
        }));
    }

    /**
     * Update first, insert when no row existed; a concurrent insert of the same day (another node) loses the race
     * with a unique violation and is retried as an update.
     */
    @Override
    public void addToDay(String accountId, String sloId, LocalDate day, DayCounts delta) {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(delta, "delta");
        Sql.run("add to rollup of SLO " + sloId + " on " + day, () -> {
            for (int attempt = 0; ; attempt++) {
                try {
                    jdbi.useTransaction(h -> {
                        int updated = h.createUpdate("UPDATE slo_burn_daily SET good = good + :good, "
                                        + "valid = valid + :valid, excluded = excluded + :excluded "
                                        + "WHERE account_id = :accountId AND slo_id = :sloId AND \"day\" = :day")
                                .bind("accountId", accountId).bind("sloId", sloId).bind("day", day)
                                .bind("good", delta.good()).bind("valid", delta.valid())
                                .bind("excluded", delta.excluded())
                                .execute();
                        if (updated == 0) {
                            insertDay(h, accountId, sloId, day, delta);
                        }
                    });
                    return;
                } catch (RuntimeException e) {
                    if (attempt > 0 || !Sql.isUniqueViolation(e)) {
                        throw e;
                    }
                }
            }
        });
    }

    @Override
    public void replaceDay(String accountId, String sloId, LocalDate day, DayCounts counts) {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(counts, "counts");
        Sql.run("replace rollup of SLO " + sloId + " on " + day, () -> jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM slo_burn_daily WHERE account_id = :accountId AND slo_id = :sloId "
                            + "AND \"day\" = :day")
                    .bind("accountId", accountId).bind("sloId", sloId).bind("day", day).execute();
            insertDay(h, accountId, sloId, day, counts);
        }));
    }

    @Override
    public List<DayRollup> days(String accountId, String sloId, LocalDate from, LocalDate to) {
        return Sql.call("read rollups of SLO " + sloId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT \"day\", good, valid, excluded FROM slo_burn_daily WHERE account_id = :accountId "
                                + "AND slo_id = :sloId AND \"day\" >= :from AND \"day\" < :to ORDER BY \"day\"")
                .bind("accountId", accountId).bind("sloId", sloId).bind("from", from).bind("to", to)
                .map((rs, ctx) -> new DayRollup(rs.getObject("day", LocalDate.class),
                        new DayCounts(rs.getLong("good"), rs.getLong("valid"), rs.getLong("excluded"))))
                .list()));
    }

    @Override
    public DayCounts countChecks(Slo slo, Instant since, Instant until) {
        String good = switch (slo.sli()) {
            case AVAILABILITY -> "status = 'UP'";
            case LATENCY -> "status = 'UP' AND response_time_ms IS NOT NULL AND response_time_ms <= :threshold";
            case CONTENT_MATCH -> "status = 'UP' AND (content_matched IS NULL OR content_matched = TRUE)";
        };
        return Sql.call("count checks for SLO " + slo.id(), () -> jdbi.withHandle(h -> {
            Query query = h.createQuery("SELECT COUNT(*) AS valid, COALESCE(SUM(CASE WHEN " + good
                            + " THEN 1 ELSE 0 END), 0) AS good FROM check_results WHERE " + IN_RANGE)
                    .bind("accountId", slo.accountId()).bind("monitorId", slo.monitorId())
                    .bind("since", Sql.instant(since)).bind("until", Sql.instant(until));
            if (slo.sli() == Slo.Sli.LATENCY) {
                query.bind("threshold", slo.latencyThresholdMs());
            }
            return query.map((rs, ctx) -> new DayCounts(rs.getLong("good"), rs.getLong("valid"), 0)).one();
        }));
    }

    @Override
    public void scanChecks(String accountId, String monitorId, Instant since, Instant until,
                           Consumer<CheckResult> sink) {
        Sql.run("scan checks of monitor " + monitorId, () -> jdbi.useHandle(h -> {
            try (var stream = h.createQuery("SELECT " + CHECK_COLUMNS + " FROM check_results WHERE " + IN_RANGE
                            + " ORDER BY checked_at, id")
                    .bind("accountId", accountId).bind("monitorId", monitorId)
                    .bind("since", Sql.instant(since)).bind("until", Sql.instant(until))
                    .setFetchSize(1_000)
                    .map(JdbiSloStore::mapCheck)
                    .stream()) {
                stream.forEach(sink);
            }
        }));
    }

    /**
     * {@code ORDER BY checked_at LIMIT 1} over all of a monitor's checks reads and sorts them all on H2 (it does not
     * use {@code ix_check_results_monitor_time} to order), so the search runs in ranges growing from the monitor's
     * creation (1 day, then doubling, at most ~16 ranges to the year 2200): each reads only the checks of its
     * range, and the first range holding a check holds the first check. Checks stamped before the monitor's
     * creation (imported history) fall back to the plain query.
     */
    @Override
    public Optional<Instant> firstCheckAt(String accountId, String monitorId) {
        return Sql.call("find first check of monitor " + monitorId, () -> jdbi.withHandle(h -> {
            Optional<Instant> created = h.createQuery("SELECT created_at FROM monitors WHERE account_id = :accountId "
                            + "AND id = :monitorId")
                    .bind("accountId", accountId).bind("monitorId", monitorId)
                    .map((rs, ctx) -> Sql.instant(rs, "created_at"))
                    .findOne();
            if (created.isEmpty()) {
                return Optional.<Instant>empty();
            }
            Optional<Instant> early = firstIn(h, accountId, monitorId, Instant.EPOCH, created.get());
            if (early.isPresent()) {
                return early;
            }
            Instant from = created.get();
            for (Duration step = Duration.ofDays(1); from.isBefore(SEARCH_END); step = step.multipliedBy(2)) {
                Instant until = from.plus(step).isBefore(SEARCH_END) ? from.plus(step) : SEARCH_END;
                Optional<Instant> first = firstIn(h, accountId, monitorId, from, until);
                if (first.isPresent()) {
                    return first;
                }
                from = until;
            }
            return Optional.<Instant>empty();
        }));
    }

    private static Optional<Instant> firstIn(Handle h, String accountId, String monitorId, Instant since,
                                             Instant until) {
        return h.createQuery("SELECT checked_at FROM check_results WHERE " + IN_RANGE
                        + " ORDER BY checked_at LIMIT 1")
                .bind("accountId", accountId).bind("monitorId", monitorId)
                .bind("since", Sql.instant(since)).bind("until", Sql.instant(until))
                .map((rs, ctx) -> Sql.instant(rs, "checked_at"))
                .findOne();
    }

    private static void insertDay(Handle h, String accountId, String sloId, LocalDate day, DayCounts counts) {
        h.createUpdate("INSERT INTO slo_burn_daily (account_id, slo_id, \"day\", good, valid, excluded) "
                        + "VALUES (:accountId, :sloId, :day, :good, :valid, :excluded)")
                .bind("accountId", accountId).bind("sloId", sloId).bind("day", day)
                .bind("good", counts.good()).bind("valid", counts.valid()).bind("excluded", counts.excluded())
                .execute();
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindAll(S statement, Slo slo) {
        Slo.Window w = slo.window();
        return statement
                .bind("id", slo.id())
                .bind("accountId", slo.accountId())
                .bind("monitorId", slo.monitorId())
                .bind("name", slo.name())
                .bind("description", slo.description())
                .bind("sli", slo.sli().name())
                .bind("target", slo.target())
                .bind("windowType", w instanceof Slo.Window.Rolling ? "ROLLING" : "CALENDAR")
                .bind("windowDays", w instanceof Slo.Window.Rolling r ? r.days() : null)
                .bind("calendarCycle", w instanceof Slo.Window.Calendar c ? c.cycle().name() : null)
                .bind("latencyThresholdMs", slo.latencyThresholdMs())
                .bind("excludeMaintenance", slo.excludeMaintenance())
                .bind("excludePaused", slo.excludePaused())
                .bind("burnAlertPolicy", slo.burnAlertPolicy().name())
                .bind("updatedAt", Sql.instant(slo.updatedAt()));
    }

    /**
     * The column has three decimals; trailing zeros are stripped again so a target reads back as it was given
     * when it was given without them (99.9 stays 99.9, 99.999 stays 99.999).
     */
    static BigDecimal target(BigDecimal stored) {
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Slo map(ResultSet rs, StatementContext ctx) throws SQLException {
        Slo.Window window = "ROLLING".equals(rs.getString("window_type"))
                ? new Slo.Window.Rolling(rs.getInt("window_days"))
                : new Slo.Window.Calendar(Slo.CalendarCycle.valueOf(rs.getString("calendar_cycle")));
        return new Slo(rs.getString("id"), rs.getString("account_id"), rs.getString("monitor_id"),
                rs.getString("name"), rs.getString("description"), Slo.Sli.valueOf(rs.getString("sli")),
                target(rs.getBigDecimal("target")), window, Sql.integer(rs, "latency_threshold_ms"),
                rs.getBoolean("exclude_maintenance"), rs.getBoolean("exclude_paused"),
                Slo.BurnAlertPolicy.valueOf(rs.getString("burn_alert_policy")), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }

    private static CheckResult mapCheck(ResultSet rs, StatementContext ctx) throws SQLException {
        return new CheckResult(rs.getString("id"), rs.getString("account_id"), rs.getString("monitor_id"),
                CheckStatus.valueOf(rs.getString("status")), Sql.integer(rs, "response_time_ms"),
                Sql.integer(rs, "status_code"), rs.getString("error"), Sql.bool(rs, "content_matched"),
                Sql.instant(rs, "ssl_expires_at"), Sql.instant(rs, "domain_expires_at"),
                Sql.instant(rs, "checked_at"), rs.getString("trace_id"));
    }
}
