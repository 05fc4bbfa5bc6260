package io.enori.mcp.core.overview;

import static io.enori.mcp.core.testing.OpsHarness.assertInsufficientScope;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.StatusPage.Component;
import io.enori.mcp.core.testing.LocalSite;
import io.enori.mcp.core.testing.OpsHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetOverviewTest {
    private OpsHarness h;

    @BeforeEach
    void setUp() {
        h = OpsHarness.create(b -> b.defaultPlan(new Plan("team", 40, 3, 4, 1)));
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private Map<String, Object> overview() {
        return h.ok("get_overview", h.reader, args());
    }

    @Test
    void anEmptyAccountShowsZeroTotalsAndItsPlan() {
        Map<String, Object> out = overview();

        assertThat(out).containsEntry("asOf", "2025-11-10T12:00:00Z").containsEntry("plan", "team")
                .containsEntry("note", "No monitors yet; create one with create_monitor.");
        assertThat(map(out.get("totals"))).containsEntry("monitors", 0).containsEntry("activeIncidents", 0);
        assertThat(list(out.get("usage"))).containsExactly(
                Map.of("cap", "monitors", "used", 0, "limit", 40),
                Map.of("cap", "status_pages", "used", 0, "limit", 3),
                Map.of("cap", "maintenance_windows", "used", 0, "limit", 4));
        assertThat(list(out.get("recentIncidents"))).isEmpty();
        assertThat(list(out.get("topFailingMonitors"))).isEmpty();
        assertThat(list(out.get("activeMaintenance"))).isEmpty();
    }

    @Test
    void totalsUsageIncidentsFailingMonitorsAndMaintenanceTogether() {
        LocalSite good = h.newSite();
        LocalSite bad = h.newSite();
        String web = h.monitor("Web", good);
        String api = h.monitor("API", bad);
        String db = h.monitor("DB", h.newSite());
        String batch = h.monitor("Batch", h.newSite());
        h.monitor("Fresh", h.newSite());
        h.check(web);
        String apiIncident = h.openIncident(api, bad);
        LocalSite dbSite = h.newSite();
        String dbOnBad = h.monitor("Cache", dbSite);
        String cacheIncident = h.openIncident(dbOnBad, dbSite);
        h.ok("acknowledge_incident", h.admin, args("incidentId", cacheIncident));
        dbSite.healthy();
        h.check(dbOnBad);
        h.check(dbOnBad);
        h.ok("pause_monitor", h.admin, args("monitorId", batch));
        h.enori.statusPages().create(h.admin.accountId(), "Public", List.of(new Component("Web", web)));
        h.ok("start_maintenance_now", h.admin, args("durationMinutes", 90, "monitorIds", List.of(db), "name", "DB move"));
        h.ok("create_maintenance_window", h.admin, args("name", "Later", "startsAt", "2025-11-12T10:00:00Z",
                "durationMinutes", 30));

        Map<String, Object> out = overview();

        // Cache recovered (its incident was resolved by recovery); API is down with an open incident.
        assertThat(map(out.get("totals"))).containsEntry("monitors", 6).containsEntry("up", 2)
                .containsEntry("down", 1).containsEntry("paused", 1).containsEntry("pending", 2)
                .containsEntry("activeIncidents", 1).containsEntry("openIncidents", 1)
                .containsEntry("acknowledgedIncidents", 0);
        assertThat(list(out.get("usage"))).containsExactly(
                Map.of("cap", "monitors", "used", 6, "limit", 40),
                Map.of("cap", "status_pages", "used", 1, "limit", 3),
                Map.of("cap", "maintenance_windows", "used", 2, "limit", 4));
        List<Map<String, Object>> recent = list(out.get("recentIncidents"));
        assertThat(recent).extracting(i -> i.get("id")).containsExactly(cacheIncident, apiIncident);
        assertThat(recent.get(0)).containsEntry("monitorName", "Cache").containsEntry("status", "resolved");
        assertThat(recent.get(1)).containsEntry("monitorId", api).containsEntry("monitorName", "API")
                .containsEntry("status", "open");
        List<Map<String, Object>> failing = list(out.get("topFailingMonitors"));
        assertThat(failing).extracting(f -> f.get("name")).containsExactly("API", "Cache");
        assertThat(failing.get(0)).containsEntry("monitorId", api).containsEntry("errorRatePercent", 100.0)
                .containsEntry("failedChecks", 2L).containsEntry("totalChecks", 2L);
        assertThat(failing.get(1)).containsEntry("errorRatePercent", 50.0);
        assertThat(list(out.get("activeMaintenance"))).containsExactly(Map.of("id", map(list(
                h.ok("list_maintenance_windows", h.reader, args("state", "active")).get("windows")).get(0)).get("id"),
                "name", "DB move", "endsAt", "2025-11-10T13:37:00Z", "appliesTo", "1 monitor"));
        assertThat(out).containsEntry("note", null);
    }

    @Test
    void acknowledgedIncidentsAreCountedApart() {
        LocalSite site = h.newSite();
        String api = h.monitor("API", site);
        String incident = h.openIncident(api, site);
        h.ok("acknowledge_incident", h.admin, args("incidentId", incident));

        assertThat(map(overview().get("totals"))).containsEntry("activeIncidents", 1)
                .containsEntry("openIncidents", 0).containsEntry("acknowledgedIncidents", 1);
    }

    @Test
    void listsAreBoundedToTheFiveLatestIncidentsAndFiveWorstMonitors() {
        LocalSite down = h.newSite();
        LocalSite up = h.newSite();
        List<String> incidents = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            incidents.add(0, h.openIncident(h.monitor("Down " + i, down), down));
        }
        String mostlyUp = h.monitor("Mostly up", up);
        for (int i = 0; i < 3; i++) {
            h.check(mostlyUp);
        }

        Map<String, Object> out = overview();

        assertThat(list(out.get("recentIncidents"))).extracting(i -> i.get("id"))
                .containsExactlyElementsOf(incidents.subList(0, 5));
        assertThat(list(out.get("topFailingMonitors"))).hasSize(5)
                .allSatisfy(f -> assertThat(f).containsEntry("errorRatePercent", 100.0));
        assertThat(map(out.get("totals"))).containsEntry("activeIncidents", 7);
    }

    @Test
    void failuresOlderThanADayNoLongerCount() {
        LocalSite site = h.newSite();
        String api = h.monitor("API", site);
        site.unavailable();
        h.check(api);

        h.clock.advance(Duration.ofHours(25));

        Map<String, Object> out = overview();
        assertThat(list(out.get("topFailingMonitors"))).isEmpty();
        assertThat(out).containsEntry("note", "No failed checks in the last 24 h.");
    }

    @Test
    void showsOnlyTheCallersAccountAndNeedsMonitorsRead() {
        h.monitor(h.outsider, "Theirs", h.newSite());

        assertThat(map(overview().get("totals"))).containsEntry("monitors", 0);
        assertThat(map(h.ok("get_overview", h.outsider, args()).get("totals"))).containsEntry("monitors", 1);
        assertInsufficientScope(h.error("get_overview", h.without(Scope.MONITORS_READ), args()), Scope.MONITORS_READ);
        assertThat(assertInvalid(h.error("get_overview", h.reader, args("since", "2025-11-10")), "since"))
                .contains("allowed: none");
    }
}
