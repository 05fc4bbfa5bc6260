package io.enori.mcp.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.store.JdbiStorage;
import io.enori.mcp.core.testing.MutableClock;
import io.enori.mcp.core.testing.ToolCalls;
import io.enori.mcp.core.tool.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The admin catalog in-process: gating, reuse of public validation, db_validate, stats and the audit log. */
class AdminToolsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final String url = "jdbc:h2:mem:admin" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final EnoriMcp enori = EnoriMcp.builder().jdbcUrl(url).clock(clock).adminTools(true).build();
    private final Caller admin = ToolCalls.newKey(enori, "ops", EnumSet.allOf(Scope.class), "admin");
    private final Caller acme = ToolCalls.newKey(enori, "acme", EnumSet.allOf(Scope.class), "all");
    private final Jdbi jdbi = ((JdbiStorage) enori.storage()).jdbi();

    private Map<String, Object> ok(String tool, Caller caller, Object... kv) {
        ToolOutcome out = enori.call(tool, caller, args(kv));
        assertThat(out).as(tool + " " + out).isInstanceOf(ToolOutcome.Ok.class);
        return Json.toMap(((ToolOutcome.Ok) out).content());
    }

    private String error(String tool, Caller caller, Object... kv) {
        ToolOutcome out = enori.call(tool, caller, args(kv));
        assertThat(out).as(tool + " " + out).isInstanceOf(ToolOutcome.Failed.class);
        return ((ToolOutcome.Failed) out).error().message();
    }

    private static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private String monitor() {
        Map<String, Object> created = ok("manage_monitors", admin, "action", "create", "accountId", acme.accountId(),
                "type", "website", "name", "Shop", "url", "https://shop.example.com");
        return (String) ((Map<String, Object>) created.get("monitor")).get("id");
    }

    @Test
    void withoutTheSwitchNoAdminToolExists() {
        EnoriMcp plain = EnoriMcp.builder().jdbcUrl(url).clock(clock).build();
        assertThat(plain.toolDescriptors()).noneMatch(d -> d.group().equals("admin"));
        assertThat(((ToolOutcome.Failed) plain.call("manage_monitors", admin, Map.of())).error().message())
                .isEqualTo("Unknown tool: manage_monitors");
    }

    @Test
    @SuppressWarnings("unchecked")
    void manageMonitorsRoundTripActsInTheTargetAccount() {
        String id = monitor();
        assertThat(ok("get_monitor", acme, "monitorId", id).toString()).contains("Shop");
        ok("manage_monitors", admin, "action", "update", "accountId", acme.accountId(), "monitorId", id, "name", "Shop2");
        assertThat(ok("manage_monitors", admin, "action", "get", "accountId", acme.accountId(), "monitorId", id)
                .toString()).contains("Shop2");
        assertThat(ok("manage_monitors", admin, "action", "list", "accountId", acme.accountId()).toString()).contains(id);
        ok("manage_monitors", admin, "action", "delete", "accountId", acme.accountId(), "monitorId", id);
        assertThat(error("get_monitor", acme, "monitorId", id)).startsWith("Monitor not found");
    }

    @Test
    void aBrokenSloRuleGivesTheSameMessageAsCreateSlo() {
        String id = monitor();
        Object[] bad = {"monitorId", id, "name", "Avail", "sliType", "availability", "target", 120,
                "windowType", "rolling", "windowLengthDays", 30};
        String publicMessage = error("create_slo", acme, bad);
        Object[] viaAdmin = new Object[bad.length + 4];
        viaAdmin[0] = "action";
        viaAdmin[1] = "create";
        viaAdmin[2] = "accountId";
        viaAdmin[3] = acme.accountId();
        System.arraycopy(bad, 0, viaAdmin, 4, bad.length);
        assertThat(error("manage_slos", admin, viaAdmin)).isEqualTo(publicMessage).startsWith("Invalid argument");
    }

    @Test
    @SuppressWarnings("unchecked")
    void dbValidateFindsPlantedCorruptionAndRepairFixesRollups() {
        String id = monitor();
        for (int i = 0; i < 6; i++) {
            enori.storage().checkResults().insert(new CheckResult("chk_A" + i, acme.accountId(), id,
                    i < 4 ? CheckStatus.UP : CheckStatus.DOWN, 100, 200, null, null, null, null,
                    clock.instant().minus(Duration.ofMinutes(30 - i))));
        }
        Map<String, Object> slo = ok("manage_slos", admin, "action", "create", "accountId", acme.accountId(),
                "monitorId", id, "name", "Avail", "sliType", "availability", "target", 99, "windowType", "rolling",
                "windowLengthDays", 7);
        String sloId = (String) ((Map<String, Object>) slo.get("slo")).get("id");
        assertThat(ok("db_validate", admin).get("clean")).isEqualTo(true);

        jdbi.useHandle(h -> {
            h.execute("UPDATE slo_burn_daily SET good = 0 WHERE slo_id = ?", sloId);
            h.execute("SET REFERENTIAL_INTEGRITY FALSE");
            h.execute("INSERT INTO check_results (id, account_id, monitor_id, status, checked_at) VALUES "
                    + "('chk_ORPHAN', ?, 'mon_GONE', 'UP', CURRENT_TIMESTAMP)", acme.accountId());
            h.execute("INSERT INTO incidents (id, account_id, monitor_id, status, cause, started_at, resolved_at, "
                    + "updated_at) VALUES ('inc_ORPHAN', ?, 'mon_GONE', 'RESOLVED', 'x', CURRENT_TIMESTAMP, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", acme.accountId());
            h.execute("INSERT INTO slos (id, account_id, monitor_id, name, sli, target, window_type, window_days, "
                    + "exclude_maintenance, exclude_paused, burn_alert_policy, created_at, updated_at) VALUES "
                    + "('slo_ORPHAN', ?, 'mon_GONE', 'x', 'AVAILABILITY', 99, 'ROLLING', 7, FALSE, FALSE, 'NONE', "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", acme.accountId());
            h.execute("INSERT INTO api_keys (id, account_id, name, prefix, secret_hash, scopes, created_at) VALUES "
                    + "('key_ORPHAN', 'acc_GONE', 'x', 'enr_xxxx', 'h', 'monitors:read', CURRENT_TIMESTAMP)");
            h.execute("SET REFERENTIAL_INTEGRITY TRUE");
            h.execute("INSERT INTO incidents (id, account_id, monitor_id, status, cause, started_at, resolved_at, "
                    + "updated_at) VALUES ('inc_BACKWARDS', ?, ?, 'RESOLVED', 'x', TIMESTAMP WITH TIME ZONE "
                    + "'2026-11-25 12:00:00+00', TIMESTAMP WITH TIME ZONE '2026-11-25 11:00:00+00', CURRENT_TIMESTAMP)",
                    acme.accountId(), id);
            h.execute("INSERT INTO incidents (id, account_id, monitor_id, status, cause, started_at, updated_at) "
                    + "VALUES ('inc_OPEN1', ?, ?, 'OPEN', 'x', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", acme.accountId(), id);
            h.execute("INSERT INTO incidents (id, account_id, monitor_id, status, cause, started_at, updated_at) "
                    + "VALUES ('inc_OPEN2', ?, ?, 'OPEN', 'x', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", acme.accountId(), id);
        });

        Map<String, Object> found = ok("db_validate", admin, "repair", true);
        assertThat(found.get("clean")).isEqualTo(false);
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) found.get("checks")) {
            ids.put((String) c.get("name"), (List<String>) c.get("ids"));
        }
        assertThat(ids.get("orphan_check_results")).containsExactly("chk_ORPHAN");
        assertThat(ids.get("orphan_incidents")).containsExactly("inc_ORPHAN");
        assertThat(ids.get("orphan_slos")).containsExactly("slo_ORPHAN");
        assertThat(ids.get("keys_without_account")).containsExactly("key_ORPHAN");
        assertThat(ids.get("incidents_resolved_before_started")).containsExactly("inc_BACKWARDS");
        assertThat(ids.get("monitors_with_two_open_incidents")).containsExactly(acme.accountId() + "/" + id);
        assertThat(ids.get("slo_rollups_disagree_with_checks")).singleElement().asString().startsWith(sloId + "@");

        Map<String, Object> again = ok("db_validate", admin);
        for (Map<String, Object> c : (List<Map<String, Object>>) again.get("checks")) {
            if (c.get("name").equals("slo_rollups_disagree_with_checks")) {
                assertThat(c.get("count")).isEqualTo(0);
            }
        }
        assertThat(((Map<String, Object>) ok("db_stats", admin).get("rowCounts")).get("check_results")).isEqualTo(7L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void statsCountCallsAndTheAuditLogMasksSecrets() {
        monitor();
        error("get_monitor", acme, "monitorId", "mon_NOPE");
        ok("manage_api_keys", admin, "action", "create", "accountName", "globex", "name", "ci");
        ok("manage_alert_channels", admin, "action", "create", "accountId", acme.accountId(), "type", "webhook",
                "name", "Hook", "target", "https://hooks.example.com/secret-path");
        Map<String, Object> stats = ok("admin_server_stats", admin);
        Map<String, Map<String, Object>> byTool = new LinkedHashMap<>();
        for (Map<String, Object> t : (List<Map<String, Object>>) stats.get("tools")) {
            byTool.put((String) t.get("tool"), t);
        }
        assertThat(byTool.get("manage_monitors").get("calls")).isEqualTo(1L);
        assertThat(byTool.get("get_monitor").get("errors")).isEqualTo(1L);
        assertThat(ok("admin_recent_errors", admin).toString()).contains("get_monitor", "Monitor not found");
        assertThat(ok("admin_rate_limits", admin).toString()).contains(admin.principalId());
        assertThat(stats.toString()).contains("queueDepth=0");
        String audit = ok("admin_audit_log", admin).toString();
        assertThat(audit).contains("manage_alert_channels", "target=***").doesNotContain("secret-path");
    }

    @Test
    void manageIncidentsUsesTheIncidentTools() {
        String id = monitor();
        jdbi.useHandle(h -> h.execute("INSERT INTO incidents (id, account_id, monitor_id, status, cause, started_at, "
                + "updated_at, active_monitor_id) VALUES ('inc_A1', ?, ?, 'OPEN', 'HTTP 503', "
                + "TIMESTAMP WITH TIME ZONE '2026-11-25 11:00:00+00', TIMESTAMP WITH TIME ZONE '2026-11-25 11:00:00+00', ?)", acme.accountId(), id, id));
        String acc = acme.accountId();
        assertThat(ok("manage_incidents", admin, "action", "list", "accountId", acc).toString()).contains("inc_A1");
        assertThat(error("manage_incidents", admin, "action", "create", "accountId", acc))
                .isEqualTo("Invalid argument: action 'create' is not available for incidents; use one of list, get, "
                        + "update, delete");
        ok("manage_incidents", admin, "action", "update", "accountId", acc, "incidentId", "inc_A1", "status",
                "acknowledged", "note", "looking");
        ok("manage_incidents", admin, "action", "update", "accountId", acc, "incidentId", "inc_A1", "status",
                "resolved", "note", "fixed");
        assertThat(ok("manage_incidents", admin, "action", "get", "accountId", acc, "incidentId", "inc_A1")
                .toString()).contains("resolved");
        ok("manage_incidents", admin, "action", "delete", "accountId", acc, "incidentId", "inc_A1");
        assertThat(error("get_incident", acme, "incidentId", "inc_A1")).startsWith("Incident not found");
    }

    @Test
    void rateLimitRejectionsAreCountedPerPrincipal() {
        EnoriMcp limited = EnoriMcp.builder().jdbcUrl(url).clock(clock).rateLimits(2, 2).adminTools(true).build();
        for (int i = 0; i < 3; i++) {
            limited.call("list_monitors", acme, Map.of());
        }
        Map<String, Object> args = new LinkedHashMap<>();
        ToolOutcome stats = limited.call("admin_rate_limits", admin, args);
        assertThat(Json.toMap(((ToolOutcome.Ok) stats).content()).toString())
                .contains("rejections={" + acme.principalId() + "=1}");
    }
}
