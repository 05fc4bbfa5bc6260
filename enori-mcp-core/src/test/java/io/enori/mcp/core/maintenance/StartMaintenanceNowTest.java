package io.enori.mcp.core.maintenance;

import static io.enori.mcp.core.testing.OpsHarness.assertInsufficientScope;
import static io.enori.mcp.core.testing.OpsHarness.assertMonitorNotFound;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Scope;
import io.enori.mcp.api.spi.PageRequest;
import io.enori.mcp.core.testing.LocalSite;
import io.enori.mcp.core.testing.OpsHarness;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StartMaintenanceNowTest {
    private OpsHarness h;

    @BeforeEach
    void setUp() {
        h = OpsHarness.create();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void opensAnActiveWindowForAllMonitorsUnderTheDefaultName() {
        h.monitor("Shop");

        Map<String, Object> out = h.ok("start_maintenance_now", h.admin, args("durationMinutes", 45));

        assertThat(out).containsEntry("created", true);
        assertThat(map(out.get("window"))).containsEntry("name", "Maintenance").containsEntry("state", "active")
                .containsEntry("startsAt", "2025-11-10T12:00:00Z").containsEntry("endsAt", "2025-11-10T12:45:00Z")
                .containsEntry("remainingMinutes", 45.0)
                .containsEntry("appliesTo", "all monitors");
        assertThat(map(out.get("affects"))).containsEntry("monitorCount", 1);
        assertThat(h.enori.storage().maintenanceWindows().activeAt(h.admin.accountId(), h.clock.instant())).hasSize(1);
    }

    @Test
    void coversOnlyTheNamedMonitorsUnderTheGivenName() {
        String shop = h.monitor("Shop");
        String api = h.monitor("API");

        Map<String, Object> out = h.ok("start_maintenance_now", h.admin,
                args("durationMinutes", "20", "monitorIds", List.of(api), "name", "Deploy v2"));

        assertThat(map(out.get("window"))).containsEntry("name", "Deploy v2").containsEntry("appliesTo", "1 monitor");
        assertThat(list(map(out.get("window")).get("monitors"))).containsExactly(Map.of("id", api, "name", "API"));
        Instant now = h.clock.instant();
        assertThat(h.enori.storage().maintenanceWindows().covering(h.admin.accountId(), api, now)).hasSize(1);
        assertThat(h.enori.storage().maintenanceWindows().covering(h.admin.accountId(), shop, now)).isEmpty();
    }

    @Test
    void checksContinueAndIncidentsStillOpenDuringMaintenance() {
        LocalSite site = h.newSite();
        String shop = h.monitor("Shop", site);
        h.ok("start_maintenance_now", h.admin, args("durationMinutes", 60, "monitorIds", List.of(shop)));

        String incident = h.openIncident(shop, site);

        assertThat(incident).startsWith("inc_");
        assertThat(h.enori.storage().checkResults().list(h.admin.accountId(), shop, null, null, PageRequest.first(10))
                .items()).hasSize(2);
    }

    @Test
    void durationMinutesIsRequiredAndBounded() {
        assertThat(assertInvalid(h.error("start_maintenance_now", h.admin, args()), "durationMinutes"))
                .contains("required");
        assertThat(assertInvalid(h.error("start_maintenance_now", h.admin, args("durationMinutes", 0)),
                "durationMinutes")).contains("between 1 and 43200");
        assertThat(assertInvalid(h.error("start_maintenance_now", h.admin, args("durationMinutes", 50_000)),
                "durationMinutes")).contains("between 1 and 43200");
        assertThat(assertInvalid(h.error("start_maintenance_now", h.admin, args("durationMinutes", 5,
                "dryRun", true)), "dryRun")).contains("allowed: durationMinutes, monitorIds, name");
    }

    @Test
    void anotherAccountsMonitorIsNotFound() {
        String theirs = h.monitor(h.outsider, "Theirs", h.newSite());

        assertMonitorNotFound(h.error("start_maintenance_now", h.admin,
                args("durationMinutes", 5, "monitorIds", List.of(theirs))), theirs);
        assertThat(h.enori.storage().maintenanceWindows().activeAt(h.admin.accountId(), h.clock.instant())).isEmpty();
    }

    @Test
    void needsTheMaintenanceWriteScope() {
        assertInsufficientScope(h.error("start_maintenance_now", h.reader, args("durationMinutes", 5)),
                Scope.MAINTENANCE_WRITE);
    }
}
