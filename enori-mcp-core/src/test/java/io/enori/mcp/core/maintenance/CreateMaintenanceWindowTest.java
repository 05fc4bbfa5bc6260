package io.enori.mcp.core.maintenance;

import static io.enori.mcp.core.testing.OpsHarness.assertInsufficientScope;
import static io.enori.mcp.core.testing.OpsHarness.assertMonitorNotFound;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.MaintenanceWindow;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.Slo;
import io.enori.mcp.api.StatusPage.Component;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.api.spi.PageRequest;
import io.enori.mcp.api.spi.SloStore.DayCounts;
import io.enori.mcp.api.spi.SloStore.DayRollup;
import io.enori.mcp.core.testing.OpsHarness;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreateMaintenanceWindowTest {
    private static final String IN_AN_HOUR = "2025-11-10T13:00:00Z";

    private OpsHarness h;

    @BeforeEach
    void setUp() {
        h = OpsHarness.create();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private List<MaintenanceWindow> stored(String accountId) {
        return h.enori.storage().maintenanceWindows().list(accountId, null, PageRequest.first(50)).items();
    }

    @Test
    void aWindowStartingInThePastExcludesTheChecksAlreadyCountedForSlosThatExcludeMaintenance() {
        String shop = h.monitor("Shop");
        Slo slo = new Slo("slo_1", h.admin.accountId(), shop, "Shop up", null, Slo.Sli.AVAILABILITY,
                new BigDecimal("99.9"), new Slo.Window.Rolling(30), null, true, false, Slo.BurnAlertPolicy.NONE,
                OpsHarness.START, OpsHarness.START);
        h.enori.storage().slos().insert(slo);
        h.clock.advance(Duration.ofMinutes(1));
        h.ok("check_now", h.admin, args("monitorId", shop));
        h.clock.advance(Duration.ofMinutes(1));
        h.ok("check_now", h.admin, args("monitorId", shop));
        LocalDate day = LocalDate.of(2025, 11, 10);
        assertThat(h.enori.storage().slos().days(h.admin.accountId(), "slo_1", day, day.plusDays(1)))
                .containsExactly(new DayRollup(day, new DayCounts(2, 2, 0)));

        h.ok("create_maintenance_window", h.admin, args("name", "Hotfix", "startsAt", "2025-11-10T12:00:30Z",
                "durationMinutes", 30, "monitorIds", List.of(shop)));

        assertThat(h.enori.storage().slos().days(h.admin.accountId(), "slo_1", day, day.plusDays(1)))
                .containsExactly(new DayRollup(day, new DayCounts(0, 0, 2)));
    }

    @Test
    void aDryRunNamesTheSlosOfTheCoveredMonitorsAndWhetherTheyExcludeMaintenance() {
        String shop = h.monitor("Shop");
        String api = h.monitor("API");
        String shopSlo = slo(shop, "Shop availability", true);
        String shopLatency = slo(shop, "Shop strict", false);
        slo(api, "API availability", true);

        Map<String, Object> affects = map(h.ok("create_maintenance_window", h.admin, args("name", "DB upgrade",
                "startsAt", IN_AN_HOUR, "durationMinutes", 90, "monitorIds", List.of(shop), "dryRun", true))
                .get("affects"));

        assertThat(list(affects.get("slos"))).containsExactlyInAnyOrder(
                Map.of("id", shopSlo, "name", "Shop availability", "monitorId", shop, "excludesMaintenance", true),
                Map.of("id", shopLatency, "name", "Shop strict", "monitorId", shop, "excludesMaintenance", false));
        assertThat((String) affects.get("slosNote")).contains("spends their error budget");
        assertThat(h.enori.storage().maintenanceWindows().countNotCompleted(h.admin.accountId(), h.clock.instant()))
                .isZero();
    }

    private String slo(String monitorId, String name, boolean excludeMaintenance) {
        return (String) map(h.ok("create_slo", h.admin, args("monitorId", monitorId, "name", name, "target", 99.5,
                "windowType", "rolling", "windowLengthDays", 30, "excludeMaintenance", excludeMaintenance))
                .get("slo")).get("id");
    }

    @Test
    void schedulesAWindowForTheNamedMonitorsAndReportsWhatItCovers() {
        String shop = h.monitor("Shop");
        String api = h.monitor("API");
        String pageId = h.enori.statusPages().create(h.admin.accountId(), "Acme status",
                List.of(new Component("Shop", shop), new Component("API", api))).id();

        Map<String, Object> out = h.ok("create_maintenance_window", h.admin, args("name", "DB upgrade",
                "startsAt", IN_AN_HOUR, "durationMinutes", 90, "monitorIds", List.of(shop)));

        assertThat(out).containsEntry("created", true);
        Map<String, Object> window = map(out.get("window"));
        assertThat((String) window.get("id")).startsWith("mw_");
        assertThat(window).containsEntry("name", "DB upgrade").containsEntry("state", "scheduled")
                .containsEntry("startsAt", "2025-11-10T13:00:00Z").containsEntry("endsAt", "2025-11-10T14:30:00Z")
                .containsEntry("remainingMinutes", null).containsEntry("appliesTo", "1 monitor")
                .containsEntry("createdBy", h.admin.principalId());
        assertThat(list(window.get("monitors"))).containsExactly(Map.of("id", shop, "name", "Shop"));
        Map<String, Object> affects = map(out.get("affects"));
        assertThat(affects).containsEntry("monitorCount", 1);
        assertThat(list(affects.get("statusPages")))
                .containsExactly(Map.of("id", pageId, "name", "Acme status", "coveredComponents", 1));
        assertThat(list(affects.get("slos"))).isEmpty();
        assertThat((String) affects.get("slosNote")).isEqualTo("No SLO is defined on these monitors.");
        assertThat((String) out.get("note")).contains("Checks keep running").contains("only alerts are suppressed");

        MaintenanceWindow saved = h.enori.storage().maintenanceWindows()
                .find(h.admin.accountId(), (String) window.get("id")).orElseThrow();
        assertThat(saved.monitorIds()).containsExactly(shop);
        assertThat(saved.startsAt()).isEqualTo(Instant.parse(IN_AN_HOUR));
        assertThat(saved.createdBy()).isEqualTo(h.admin.principalId());
    }

    @Test
    void withoutMonitorIdsTheWindowCoversEveryMonitor() {
        String shop = h.monitor("Shop");
        String api = h.monitor("API");

        Map<String, Object> out = h.ok("create_maintenance_window", h.admin, args("name", "Network work",
                "startsAt", IN_AN_HOUR, "endsAt", "2025-11-10T15:00:00Z"));

        Map<String, Object> window = map(out.get("window"));
        assertThat(window).containsEntry("appliesTo", "all monitors").containsEntry("endsAt", "2025-11-10T15:00:00Z");
        assertThat(list(window.get("monitors"))).isEmpty();
        Map<String, Object> affects = map(out.get("affects"));
        assertThat(affects).containsEntry("monitorCount", 2);
        assertThat(list(affects.get("monitors"))).extracting(m -> m.get("id")).containsExactly(shop, api);
        assertThat(stored(h.admin.accountId()).get(0).coversAllMonitors()).isTrue();
    }

    @Test
    void aDryRunReportsTheImpactAndCreatesNothing() {
        String shop = h.monitor("Shop");
        h.enori.statusPages().create(h.admin.accountId(), "Acme status", List.of(new Component("Shop", shop)));

        Map<String, Object> out = h.ok("create_maintenance_window", h.admin, args("name", "DB upgrade",
                "startsAt", IN_AN_HOUR, "durationMinutes", 30, "dryRun", true));

        assertThat(out).containsEntry("created", false);
        assertThat(map(out.get("window"))).containsEntry("id", null).containsEntry("state", "scheduled");
        assertThat(map(out.get("affects"))).containsEntry("monitorCount", 1);
        assertThat(list(map(out.get("affects")).get("statusPages"))).hasSize(1);
        assertThat((String) out.get("note")).contains("nothing was created");
        assertThat(stored(h.admin.accountId())).isEmpty();
        assertThat(h.ok("list_maintenance_windows", h.reader, args())).containsEntry("count", 0);
    }

    @Test
    void localTimesAreReadAndAnsweredInTz() {
        Map<String, Object> out = h.ok("create_maintenance_window", h.admin, args("name", "Patch",
                "startsAt", "2025-11-10T15:00", "endsAt", "2025-11-10T16:15", "tz", "Europe/Berlin"));

        assertThat(map(out.get("window"))).containsEntry("startsAt", "2025-11-10T15:00:00+01:00")
                .containsEntry("endsAt", "2025-11-10T16:15:00+01:00");
        assertThat(stored(h.admin.accountId()).get(0).startsAt()).isEqualTo(Instant.parse("2025-11-10T14:00:00Z"));
    }

    @Test
    void exactlyOneOfEndsAtAndDurationMinutesIsRequired() {
        String neither = assertInvalid(h.error("create_maintenance_window", h.admin,
                args("name", "X", "startsAt", IN_AN_HOUR)), "endsAt");
        assertThat(neither).contains("durationMinutes").contains("exactly one");
        String both = assertInvalid(h.error("create_maintenance_window", h.admin, args("name", "X",
                "startsAt", IN_AN_HOUR, "endsAt", "2025-11-10T14:00:00Z", "durationMinutes", 30)), "durationMinutes");
        assertThat(both).contains("endsAt").contains("exactly one");
        assertThat(stored(h.admin.accountId())).isEmpty();
    }

    @Test
    void timesAndDurationsOutsideTheirBoundsAreRefusedNamingTheField() {
        assertThat(assertInvalid(h.error("create_maintenance_window", h.admin, args("name", "X",
                "startsAt", IN_AN_HOUR, "endsAt", "2025-11-10T12:30:00Z")), "endsAt")).contains("after startsAt");
        assertThat(assertInvalid(h.error("create_maintenance_window", h.admin, args("name", "X",
                "startsAt", IN_AN_HOUR, "endsAt", "2025-12-10T13:01:00Z")), "endsAt")).contains("30 days");
        assertThat(assertInvalid(h.error("create_maintenance_window", h.admin, args("name", "X",
                "startsAt", IN_AN_HOUR, "endsAt", "2025-11-10T13:00:30Z")), "endsAt")).contains("1 minute");
        assertThat(assertInvalid(h.error("create_maintenance_window", h.admin, args("name", "X",
                "startsAt", IN_AN_HOUR, "durationMinutes", 0)), "durationMinutes")).contains("between 1 and 43200");
        assertThat(assertInvalid(h.error("create_maintenance_window", h.admin, args("name", "X",
                "startsAt", IN_AN_HOUR, "durationMinutes", 43_201)), "durationMinutes")).contains("between 1 and 43200");
        assertThat(assertInvalid(h.error("create_maintenance_window", h.admin, args("name", "X",
                "startsAt", "2025-11-10T11:50:00Z", "durationMinutes", 30)), "startsAt"))
                .contains("must not be in the past").contains("start_maintenance_now");
        assertThat(assertInvalid(h.error("create_maintenance_window", h.admin, args("name", "X",
                "startsAt", "2026-11-11T12:00:00Z", "durationMinutes", 30)), "startsAt")).contains("365 days");
        assertThat(assertInvalid(h.error("create_maintenance_window", h.admin, args("name", "X",
                "startsAt", "next tuesday", "durationMinutes", 30)), "startsAt")).contains("ISO-8601");
        assertThat(assertInvalid(h.error("create_maintenance_window", h.admin, args("name", "X",
                "startsAt", IN_AN_HOUR, "durationMinutes", 30, "tz", "Mars/Olympus")), "tz")).contains("IANA");
        assertInvalid(h.error("create_maintenance_window", h.admin, args("startsAt", IN_AN_HOUR,
                "durationMinutes", 30)), "name");
        assertInvalid(h.error("create_maintenance_window", h.admin, args("name", "X", "startsAt", IN_AN_HOUR,
                "durationMinutes", 30, "monitorIds", List.of("inc_1"))), "monitorIds[0]");
        assertThat(assertInvalid(h.error("create_maintenance_window", h.admin, args("name", "X",
                "startsAt", IN_AN_HOUR, "durationMinutes", 30, "until", IN_AN_HOUR)), "until"))
                .contains("allowed: name, startsAt");
        assertThat(stored(h.admin.accountId())).isEmpty();
    }

    @Test
    void aStartAMomentAgoIsWithinTheSlack() {
        Map<String, Object> out = h.ok("create_maintenance_window", h.admin, args("name", "Now-ish",
                "startsAt", "2025-11-10T11:57:00Z", "durationMinutes", 10));

        assertThat(map(out.get("window"))).containsEntry("state", "active").containsEntry("remainingMinutes", 7.0);
    }

    @Test
    void unknownAndOtherAccountsMonitorsAreNotFoundAndNothingIsCreated() {
        String shop = h.monitor("Shop");
        String theirs = h.monitor(h.outsider, "Theirs", h.newSite());

        assertMonitorNotFound(h.error("create_maintenance_window", h.admin, args("name", "X", "startsAt", IN_AN_HOUR,
                "durationMinutes", 30, "monitorIds", List.of(shop, theirs))), theirs);
        assertMonitorNotFound(h.error("create_maintenance_window", h.admin, args("name", "X", "startsAt", IN_AN_HOUR,
                "durationMinutes", 30, "monitorIds", List.of("mon_missing"), "dryRun", true)), "mon_missing");
        assertThat(stored(h.admin.accountId())).isEmpty();
        assertThat(stored(h.outsider.accountId())).isEmpty();
    }

    @Test
    void needsTheMaintenanceWriteScope() {
        ToolError error = h.error("create_maintenance_window", h.without(Scope.MAINTENANCE_WRITE),
                args("name", "X", "startsAt", IN_AN_HOUR, "durationMinutes", 30));

        assertInsufficientScope(error, Scope.MAINTENANCE_WRITE);
        assertInsufficientScope(h.error("create_maintenance_window", h.reader,
                args("name", "X", "startsAt", IN_AN_HOUR, "durationMinutes", 30)), Scope.MAINTENANCE_WRITE);
        assertThat(stored(h.admin.accountId())).isEmpty();
    }

    @Test
    void thePlanCapCountsWindowsNotYetCompletedAcrossBothCreateTools() {
        try (OpsHarness tiny = OpsHarness.create(b -> b.defaultPlan(new Plan("tiny", 10, 1, 2, 0)))) {
            tiny.ok("start_maintenance_now", tiny.admin, args("durationMinutes", 30));
            tiny.ok("create_maintenance_window", tiny.admin, args("name", "Later", "startsAt", IN_AN_HOUR,
                    "durationMinutes", 30));

            for (Map<String, Object> third : List.of(
                    args("name", "Third", "startsAt", IN_AN_HOUR, "durationMinutes", 30),
                    args("name", "Third", "startsAt", IN_AN_HOUR, "durationMinutes", 30, "dryRun", true))) {
                ToolError error = tiny.error("create_maintenance_window", tiny.admin, third);
                assertThat(error.message()).isEqualTo("Plan limit reached");
                assertThat(error.details()).containsEntry("cap", "maintenance_windows").containsEntry("limit", 2)
                        .containsEntry("plan", "tiny");
            }
            assertThat(tiny.error("start_maintenance_now", tiny.admin, args("durationMinutes", 5)).message())
                    .isEqualTo("Plan limit reached");
            // The cap is per account.
            tiny.ok("start_maintenance_now", tiny.outsider, args("durationMinutes", 30));

            // Once the running window completes, it no longer counts.
            tiny.clock.advance(Duration.ofMinutes(30));
            tiny.ok("create_maintenance_window", tiny.admin, args("name", "Third", "startsAt", "2025-11-11T12:00:00Z",
                    "durationMinutes", 30));
            assertThat(tiny.ok("list_maintenance_windows", tiny.reader, args())).containsEntry("count", 3);
        }
    }
}
