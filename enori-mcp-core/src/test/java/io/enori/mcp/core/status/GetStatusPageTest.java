package io.enori.mcp.core.status;

import static io.enori.mcp.core.testing.OpsHarness.assertInsufficientScope;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Scope;
import io.enori.mcp.api.StatusPage.Component;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.core.testing.LocalSite;
import io.enori.mcp.core.testing.OpsHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetStatusPageTest {
    private OpsHarness h;

    @BeforeEach
    void setUp() {
        h = OpsHarness.create();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private String page(String name, Component... components) {
        return h.enori.statusPages().create(h.admin.accountId(), name, List.of(components)).id();
    }

    private Map<String, Object> get(String pageId) {
        return h.ok("get_status_page", h.reader, args("statusPageId", pageId));
    }

    private static Map<String, Object> component(Map<String, Object> page, String name) {
        return list(page.get("components")).stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow();
    }

    @Test
    void eachComponentsHealthFollowsFromItsMonitorIncidentAndMaintenance() {
        LocalSite healthy = h.newSite();
        LocalSite flaky = h.newSite();
        LocalSite broken = h.newSite();
        LocalSite patched = h.newSite();
        String fresh = h.monitor("Fresh", h.newSite());
        String web = h.monitor("Web", healthy);
        String api = h.monitor("API", flaky);
        String db = h.monitor("DB", broken);
        String batch = h.monitor("Batch", h.newSite());
        String mail = h.monitor("Mail", patched);
        String pageId = page("Acme status", new Component("Fresh", fresh), new Component("Website", web),
                new Component("API", api), new Component("Database", db), new Component("Batch", batch),
                new Component("Mail", mail));

        h.check(web);
        flaky.unavailable();
        h.check(api);
        String incident = h.openIncident(db, broken);
        h.ok("add_incident_update", h.admin, args("incidentId", incident, "message", "Failing over to the replica"));
        h.ok("pause_monitor", h.admin, args("monitorId", batch));
        patched.unavailable();
        h.check(mail);
        String window = (String) map(h.ok("start_maintenance_now", h.admin, args("durationMinutes", 60,
                "monitorIds", List.of(mail), "name", "Mail server upgrade")).get("window")).get("id");

        Map<String, Object> out = get(pageId);

        assertThat(out).containsEntry("id", pageId).containsEntry("name", "Acme status")
                .containsEntry("overallStatus", "major_outage");
        assertThat((String) out.get("summary")).startsWith("5 of 6 components not operational (")
                .contains("Database: major outage").contains("Mail: under maintenance").contains("API: degraded");
        assertThat(list(out.get("components"))).extracting(c -> c.get("name"))
                .containsExactly("Fresh", "Website", "API", "Database", "Batch", "Mail");

        assertThat(component(out, "Fresh")).containsEntry("status", "pending").containsEntry("reason", "Not checked yet.")
                .containsEntry("lastCheckedAt", null);
        assertThat(component(out, "Website")).containsEntry("status", "operational").containsEntry("reason", null)
                .containsEntry("activeIncident", null).containsEntry("maintenance", null).containsEntry("monitorId", web);
        assertThat(component(out, "API")).containsEntry("status", "degraded")
                .containsEntry("reason", "Its last check failed; an incident opens after 2 in a row.");
        Map<String, Object> database = component(out, "Database");
        assertThat(database).containsEntry("status", "major_outage");
        assertThat((String) database.get("reason")).startsWith("Down since ").contains("HTTP 503");
        assertThat(map(database.get("activeIncident"))).containsEntry("id", incident).containsEntry("status", "open")
                .containsEntry("latestUpdate", "Failing over to the replica");
        assertThat(component(out, "Batch")).containsEntry("status", "paused");
        assertThat((String) component(out, "Batch").get("reason")).contains("paused");
        Map<String, Object> mailView = component(out, "Mail");
        assertThat(mailView).containsEntry("status", "under_maintenance");
        assertThat((String) mailView.get("reason")).contains("Mail server upgrade").contains("checks continue");
        assertThat(map(mailView.get("maintenance"))).containsEntry("id", window)
                .containsEntry("name", "Mail server upgrade");

        // When the window ends, the component shows its monitor's own health again.
        h.clock.advance(Duration.ofMinutes(61));
        assertThat(component(get(pageId), "Mail")).containsEntry("status", "degraded").containsEntry("maintenance", null);
    }

    @Test
    void aPageWhoseComponentsAreAllUpIsOperational() {
        String web = h.monitor("Web");
        String api = h.monitor("API");
        String pageId = page("Acme", new Component("Web", web), new Component("API", api));
        h.check(web);
        h.check(api);

        Map<String, Object> out = get(pageId);

        assertThat(out).containsEntry("overallStatus", "operational")
                .containsEntry("summary", "All 2 components operational.");
        assertThat(list(out.get("components"))).allSatisfy(c -> assertThat(c).containsEntry("status", "operational"));
    }

    @Test
    void aMaintenanceWindowForAllMonitorsCoversEveryComponentEvenWhileDown() {
        LocalSite site = h.newSite();
        String web = h.monitor("Web", site);
        String pageId = page("Acme", new Component("Web", web));
        h.ok("start_maintenance_now", h.admin, args("durationMinutes", 30));
        String incident = h.openIncident(web, site);

        Map<String, Object> component = component(get(pageId), "Web");

        assertThat(component).containsEntry("status", "under_maintenance");
        assertThat(map(component.get("activeIncident"))).containsEntry("id", incident).containsEntry("latestUpdate", null);
        assertThat(get(pageId)).containsEntry("overallStatus", "under_maintenance");
    }

    @Test
    void aPageWithoutComponentsSaysSo() {
        String pageId = page("Empty");

        Map<String, Object> out = get(pageId);

        assertThat(out).containsEntry("overallStatus", "pending");
        assertThat((String) out.get("summary")).contains("No components");
        assertThat(list(out.get("components"))).isEmpty();
    }

    @Test
    void unknownAndOtherAccountsPagesAreNotFound() {
        String pageId = page("Acme");

        for (String id : List.of("sp_unknown", pageId)) {
            ToolError error = h.error("get_status_page", id.equals(pageId) ? h.outsider : h.reader,
                    args("statusPageId", id));
            assertThat(error.message()).isEqualTo("Status page not found");
            assertThat(error.details()).containsEntry("statusPageId", id);
        }
        assertThat(assertInvalid(h.error("get_status_page", h.reader, args("statusPageId", "mon_1")),
                "statusPageId")).contains("sp_");
        assertInvalid(h.error("get_status_page", h.reader, args()), "statusPageId");
    }

    @Test
    void needsTheStatusPagesReadScope() {
        String pageId = page("Acme");

        assertInsufficientScope(h.error("get_status_page", h.without(Scope.STATUS_PAGES_READ),
                args("statusPageId", pageId)), Scope.STATUS_PAGES_READ);
    }
}
