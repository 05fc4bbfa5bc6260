package io.enori.mcp.core.admin;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Slo;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.api.spi.SloStore.DayCounts;
import io.enori.mcp.core.slo.SloEngine;
import io.enori.mcp.core.tool.CoreContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** db_validate's named checks and db_stats' row counts, straight on the database. */
final class DbValidation {
    static final List<String> TABLES = List.of("accounts", "api_keys", "monitors", "check_results", "incidents",
            "incident_events", "alert_channels", "alerts", "maintenance_windows", "status_pages", "slos",
            "slo_burn_daily", "job_pings", "trace_spans", "browser_monitors", "browser_checks", "admin_audit_log");
    private static final int MAX_IDS = 100;

    /** One check: its name, how many rows offend, their ids (at most 100), and what repair did. */
    record Check(String name, int count, List<String> ids, String repaired) {
    }

    private final Jdbi jdbi;
    private final SloEngine engine;
    private final CoreContext context;

    DbValidation(Jdbi jdbi, SloEngine engine, CoreContext context) {
        this.jdbi = jdbi;
        this.engine = engine;
        this.context = context;
    }

    List<Check> validate(boolean repair) {
        List<Check> checks = new ArrayList<>();
        checks.add(ids("orphan_check_results", "SELECT r.id FROM check_results r LEFT JOIN monitors m "
                + "ON m.account_id = r.account_id AND m.id = r.monitor_id WHERE m.id IS NULL"));
        checks.add(ids("orphan_incidents", "SELECT i.id FROM incidents i LEFT JOIN monitors m "
                + "ON m.account_id = i.account_id AND m.id = i.monitor_id WHERE m.id IS NULL"));
        checks.add(ids("orphan_slos", "SELECT s.id FROM slos s LEFT JOIN monitors m "
                + "ON m.account_id = s.account_id AND m.id = s.monitor_id WHERE m.id IS NULL"));
        checks.add(ids("keys_without_account", "SELECT k.id FROM api_keys k LEFT JOIN accounts a "
                + "ON a.id = k.account_id WHERE a.id IS NULL"));
        checks.add(ids("incidents_resolved_before_started", "SELECT id FROM incidents "
                + "WHERE resolved_at IS NOT NULL AND resolved_at < started_at"));
        checks.add(ids("monitors_with_two_open_incidents", "SELECT account_id || '/' || monitor_id FROM incidents "
                + "WHERE status <> 'RESOLVED' GROUP BY account_id, monitor_id HAVING COUNT(*) > 1"));
        checks.add(rollups(repair));
        return checks;
    }

    private Check ids(String name, String sql) {
        List<String> all = jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
        return new Check(name, all.size(), List.copyOf(all.subList(0, Math.min(MAX_IDS, all.size()))), null);
    }

    private Check rollups(boolean repair) {
        record Row(String accountId, String sloId, LocalDate day, long good, long valid, long excluded) {
        }
        List<Row> rows = jdbi.withHandle(h -> h.createQuery("SELECT account_id, slo_id, \"day\", good, valid, excluded "
                        + "FROM slo_burn_daily ORDER BY slo_id, \"day\"")
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6))).list());
        List<String> offending = new ArrayList<>();
        int repaired = 0;
        for (Row row : rows) {
            Slo slo = context.storage().slos().find(row.accountId(), row.sloId()).orElse(null);
            if (slo == null) {
                continue;
            }
            DayCounts raw = engine.rawDay(slo, row.day());
            if (raw.good() != row.good() || raw.valid() != row.valid() || raw.excluded() != row.excluded()) {
                offending.add(row.sloId() + "@" + row.day());
                if (repair) {
                    engine.rebuildDays(slo, row.day(), row.day());
                    repaired++;
                }
            }
        }
        return new Check("slo_rollups_disagree_with_checks", offending.size(),
                List.copyOf(offending.subList(0, Math.min(MAX_IDS, offending.size()))),
                repair ? "rebuilt " + repaired + " day(s)" : null);
    }

    Map<String, Long> stats() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            try {
                counts.put(table, jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Long.class).one()));
            } catch (RuntimeException e) {
                counts.put(table, null);
            }
        }
        return counts;
    }

    static final class Validate extends AdminTool {
        private final DbValidation validation;

        Validate(DbValidation validation, AdminAudit audit) {
            super("db_validate", "Validate database", "Runs consistency checks (orphans, SLO rollups vs raw checks, "
                    + "impossible incidents, keys without account); each lists offending ids. repair: true "
                    + "rebuilds bad rollups.", false, schema(Map.of("repair", prop("boolean", "Rebuild bad rollups.")),
                    List.of(), false), audit);
            this.validation = validation;
        }

        @Override
        protected ToolOutcome run(Caller caller, Map<String, Object> args) {
            boolean repair = Boolean.TRUE.equals(args.get("repair")) || "true".equals(String.valueOf(args.get("repair")));
            List<Check> checks = validation.validate(repair);
            return ToolOutcome.ok(Map.of("clean", checks.stream().allMatch(c -> c.count() == 0), "checks", checks));
        }
    }

    static final class Stats extends AdminTool {
        private final DbValidation validation;

        Stats(DbValidation validation, AdminAudit audit) {
            super("db_stats", "Database stats", "Row counts per table.", true, schema(Map.of(), List.of(), false),
                    audit);
            this.validation = validation;
        }

        @Override
        protected ToolOutcome run(Caller caller, Map<String, Object> args) {
            return ToolOutcome.ok(Map.of("rowCounts", validation.stats()));
        }
    }
}
