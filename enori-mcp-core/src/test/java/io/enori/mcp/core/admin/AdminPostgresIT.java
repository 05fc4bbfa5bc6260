package io.enori.mcp.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.store.JdbiStorage;
import io.enori.mcp.core.testing.ToolCalls;
import io.enori.mcp.core.tool.Json;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin tools' own SQL (validation, stats, audit, plan update) on PostgreSQL, in a schema of its own. */
class AdminPostgresIT {
    private static final String URL_VARIABLE = "ENORI_TEST_POSTGRES_URL";

    @Test
    @SuppressWarnings("unchecked")
    void adminSqlRunsOnPostgres() throws Exception {
        String base = System.getenv(URL_VARIABLE);
        assumeTrue(base != null && !base.isBlank(), URL_VARIABLE + " is not set");
        String schema = "enori_adm_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            EnoriMcp enori = EnoriMcp.builder().jdbcUrl(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema)
                    .adminTools(true).build();
            Caller admin = ToolCalls.newKey(enori, "ops", EnumSet.allOf(Scope.class), "admin");
            Map<String, Object> m = ok(enori, admin, "manage_monitors", "action", "create", "accountId",
                    admin.accountId(), "type", "website", "name", "Shop", "url", "https://shop.example.com");
            String monitorId = (String) ((Map<String, Object>) m.get("monitor")).get("id");
            for (int i = 0; i < 3; i++) {
                enori.storage().checkResults().insert(new CheckResult("chk_P" + i, admin.accountId(), monitorId,
                        CheckStatus.UP, 100, 200, null, null, null, null, Instant.now().minus(Duration.ofMinutes(5 + i))));
            }
            Map<String, Object> slo = ok(enori, admin, "manage_slos", "action", "create", "accountId", admin.accountId(),
                    "monitorId", monitorId, "name", "A", "sliType", "availability", "target", 99, "windowType",
                    "rolling", "windowLengthDays", 7);
            String sloId = (String) ((Map<String, Object>) slo.get("slo")).get("id");
            ((JdbiStorage) enori.storage()).jdbi().useHandle(h ->
                    h.execute("UPDATE slo_burn_daily SET good = 0 WHERE slo_id = ?", sloId));
            assertThat(ok(enori, admin, "db_validate", "repair", true).get("clean")).isEqualTo(false);
            assertThat(ok(enori, admin, "db_validate").get("clean")).isEqualTo(true);
            assertThat(ok(enori, admin, "db_stats").toString()).contains("check_results=3");
            ok(enori, admin, "manage_accounts", "action", "update", "accountId", admin.accountId(), "maxMonitors", 9);
            assertThat(enori.storage().accounts().find(admin.accountId()).orElseThrow().plan().maxMonitors()).isEqualTo(9);
            assertThat(ok(enori, admin, "admin_audit_log", "tool", "db_validate").toString()).contains("repair=true");
            assertThat(ok(enori, admin, "admin_audit_log").toString()).contains("manage_accounts");
        } finally {
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static Map<String, Object> ok(EnoriMcp enori, Caller caller, String tool, Object... kv) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            args.put((String) kv[i], kv[i + 1]);
        }
        ToolOutcome out = enori.call(tool, caller, args);
        assertThat(out).as(tool + " " + out).isInstanceOf(ToolOutcome.Ok.class);
        return Json.toMap(((ToolOutcome.Ok) out).content());
    }
}
