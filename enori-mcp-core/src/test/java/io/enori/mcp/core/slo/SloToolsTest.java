package io.enori.mcp.core.slo;

import static io.enori.mcp.core.slo.SloHarness.monthly;
import static io.enori.mcp.core.slo.SloHarness.rolling7;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.tool.Json;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seven SLO tools on their happy paths, with numbers computed by the engine from stored checks. */
class SloToolsTest {
    private SloHarness h;
    private String monitorId;

    @BeforeEach
    void setUp() {
        h = new SloHarness();
        monitorId = h.website(h.writer, "Shop");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void createSloReturnsTheSloAsGivenAndItsInitialStatus() {
        Map<String, Object> out = h.ok("create_slo", h.writer, monthly(monitorId, "description",
                "MSA §4.2 monthly uptime", "excludeMaintenance", true, "excludePaused", true));

        Map<String, Object> brief = map(out.get("slo"));
        String sloId = (String) brief.get("id");
        assertThat(sloId).startsWith("slo_");
        assertThat(brief).containsEntry("name", "Monthly uptime").containsEntry("sliType", "availability")
                .containsEntry("window", "calendar monthly");
        assertThat(((Number) brief.get("target")).doubleValue()).isEqualTo(99.5);
        assertThat(out).containsEntry("windowStart", "2025-11-01T00:00:00Z").containsEntry("noData", true)
                .containsEntry("achievedPercent", null);
        assertThat(out.get("status")).isIn("green", "amber", "red");

        Map<String, Object> slo = map(h.ok("get_slo_status", h.reader, args("monitorId", monitorId, "sloId", sloId))
                .get("slo"));
        assertThat(slo).containsEntry("id", sloId).containsEntry("name", "Monthly uptime")
                .containsEntry("description", "MSA §4.2 monthly uptime").containsEntry("sliType", "availability")
                .containsEntry("windowType", "calendar").containsEntry("calendarCycle", "monthly")
                .containsEntry("windowLengthDays", null).containsEntry("latencyThresholdMs", null)
                .containsEntry("excludeMaintenance", true).containsEntry("excludePaused", true)
                .containsEntry("burnAlertPolicy", "balanced");
        assertThat(h.enori.storage().slos().find(h.writer.accountId(), sloId).orElseThrow().monitorId())
                .isEqualTo(monitorId);
    }

    @Test
    void targetRoundTripsExactlyAsAJsonNumber() {
        Map<String, Object> args = rolling7(monitorId, "target", "99.999");
        ToolOutcome outcome = h.enori.call("create_slo", h.writer, args);
        String text = Json.write(Json.toMap(((ToolOutcome.Ok) outcome).content()));
        assertThat(text).contains("\"target\":99.999,");
        String sloId = (String) map(Json.toMap(((ToolOutcome.Ok) outcome).content()).get("slo")).get("id");
        assertThat(h.enori.storage().slos().find(h.writer.accountId(), sloId).orElseThrow().target())
                .isEqualByComparingTo("99.999");
        String status = Json.write(Json.toMap(((ToolOutcome.Ok) h.enori.call("get_slo_status", h.reader,
                args("monitorId", monitorId, "sloId", sloId))).content()));
        assertThat(status).contains("\"target\":99.999,");
        String ninety = Json.write(Json.toMap(((ToolOutcome.Ok) h.enori.call("create_slo", h.writer,
                rolling7(monitorId, "target", 90))).content()));
        assertThat(ninety).contains("\"target\":90,");
    }

    @Test
    void statusCountsStoredChecksThroughTheEngine() {
        // Two days of checks every 10 minutes, the oldest 3 of 288 down, in a 7-day rolling window.
        h.checks(monitorId, SloHarness.START.minusSeconds(60), Duration.ofMinutes(10), 288, 3);
        String sloId = h.createSlo(rolling7(monitorId));

        Map<String, Object> out = h.ok("get_slo_status", h.reader, args("monitorId", monitorId, "sloId", sloId));

        assertThat(out).containsEntry("noData", false).containsEntry("validChecks", 288L).containsEntry("badChecks", 3L)
                .containsEntry("errorBudgetPercent", 1.0)
                .containsEntry("status", "green");
        assertThat(((Number) out.get("achievedPercent")).doubleValue()).isEqualTo(98.9583);
        // 3 bad of 288 valid over 2 of 7 days: projected 1008 valid, budget 10.08 → 29.76 % burned.
        assertThat(((Number) out.get("budgetBurnedPercent")).doubleValue()).isCloseTo(29.76, within(0.2));
        assertThat(((Number) out.get("budgetRemainingPercent")).doubleValue()).isCloseTo(70.24, within(0.2));
        assertThat(((Number) out.get("burnRate1h")).doubleValue()).isEqualTo(0.0);
        assertThat(out.get("exhaustionEta")).isNull();
        assertThat(out).containsEntry("windowStart", "2025-11-03T12:00:00Z")
                .containsEntry("windowEnd", "2025-11-10T12:00:00Z").containsEntry("elapsedPercent", 100.0)
                .containsEntry("excludedChecks", 0L).containsEntry("excludedMinutes", 0.0);
        assertThat(list(out.get("burnAlerts"))).extracting(a -> a.get("name"))
                .containsExactly("fast_1h", "fast_6h", "slow_3d");
        assertThat(list(out.get("burnAlerts"))).allSatisfy(a -> assertThat(a).containsEntry("firing", false));
        assertThat((String) out.get("explanation")).isNotBlank();
        // Reporting began 2 days into the 7-day window: 28.5 % covered, and 29.7 % burned is just off the ideal line.
        assertThat(((Number) out.get("coveragePercent")).doubleValue()).isCloseTo(28.5, within(0.1));
        assertThat(out).containsEntry("onTrack", false);
    }

    @Test
    void aFastBurnTurnsTheStatusRed() {
        h.checks(monitorId, SloHarness.START.minusSeconds(60), Duration.ofMinutes(1), 120, 0);
        h.checks(monitorId, SloHarness.START.minusSeconds(30), Duration.ofMinutes(1), 30, 30);
        String sloId = h.createSlo(rolling7(monitorId));

        Map<String, Object> out = h.ok("get_slo_status", h.reader, args("monitorId", monitorId, "sloId", sloId));

        assertThat(out).containsEntry("status", "red");
        assertThat(list(out.get("burnAlerts"))).anySatisfy(a -> assertThat(a).containsEntry("name", "fast_1h")
                .containsEntry("firing", true));
        assertThat(((Number) out.get("burnRate1h")).doubleValue()).isGreaterThan(14.4);
    }

    @Test
    void noChecksReadsAsNoDataNeverZeroOrHundred() {
        String sloId = h.createSlo(rolling7(monitorId));
        Map<String, Object> out = h.ok("get_slo_status", h.reader, args("monitorId", monitorId, "sloId", sloId));
        assertThat(out).containsEntry("noData", true).containsEntry("achievedPercent", null)
                .containsEntry("budgetBurnedPercent", null).containsEntry("coveragePercent", 0.0);
    }

    @Test
    void listSlosIsEmptyWithANoteThenListsEachWithItsStatus() {
        Map<String, Object> empty = h.ok("list_slos", h.reader, args("monitorId", monitorId));
        assertThat(list(empty.get("slos"))).isEmpty();
        assertThat((String) empty.get("note")).contains("create_slo");

        h.checks(monitorId, SloHarness.START.minusSeconds(60), Duration.ofMinutes(10), 100, 0);
        String first = h.createSlo(monthly(monitorId));
        String second = h.createSlo(rolling7(monitorId));
        h.createSlo(rolling7(h.website(h.writer, "Blog")));

        Map<String, Object> out = h.ok("list_slos", h.reader, args("monitorId", monitorId));
        List<Map<String, Object>> rows = list(out.get("slos"));
        assertThat(rows).extracting(r -> map(r.get("slo")).get("id")).containsExactly(first, second);
        assertThat(rows).extracting(r -> map(r.get("slo")).get("window"))
                .containsExactly("calendar monthly", "rolling 7 days");
        assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("status", "green")
                .containsEntry("achievedPercent", 100.0).containsEntry("budgetBurnedPercent", 0.0));
        assertThat(out.get("note")).isNull();
    }

    @Test
    void updateSloReplacesEveryFieldAndResetsOmittedOnes() {
        String sloId = h.createSlo(monthly(monitorId, "description", "old", "excludePaused", true,
                "burnAlertPolicy", "fast"));
        h.clock.advance(Duration.ofMinutes(5));

        Map<String, Object> out = h.ok("update_slo", h.writer, args("monitorId", monitorId, "sloId", sloId,
                "name", "Latency", "sliType", "latency", "latencyThresholdMs", 800, "target", 99.95,
                "windowType", "rolling", "windowLengthDays", 28));

        assertThat(map(out.get("slo"))).containsEntry("id", sloId).containsEntry("window", "rolling 28 days");
        Map<String, Object> slo = map(h.ok("get_slo_status", h.reader, args("monitorId", monitorId, "sloId", sloId))
                .get("slo"));
        assertThat(slo).containsEntry("id", sloId).containsEntry("name", "Latency").containsEntry("description", null)
                .containsEntry("sliType", "latency").containsEntry("latencyThresholdMs", 800)
                .containsEntry("windowType", "rolling").containsEntry("windowLengthDays", 28)
                .containsEntry("calendarCycle", null).containsEntry("excludePaused", false)
                .containsEntry("burnAlertPolicy", "balanced");
        assertThat(((Number) slo.get("target")).doubleValue()).isEqualTo(99.95);
        io.enori.mcp.api.Slo stored = h.enori.storage().slos().find(h.writer.accountId(), sloId).orElseThrow();
        assertThat(stored.createdAt()).isEqualTo(SloHarness.START);
        assertThat(stored.updatedAt()).isEqualTo(SloHarness.START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void deleteSloRemovesItAndItsRollupsAndLeavesTheMonitor() {
        h.checks(monitorId, SloHarness.START.minusSeconds(60), Duration.ofHours(1), 72, 2);
        String sloId = h.createSlo(rolling7(monitorId));
        String kept = h.createSlo(monthly(monitorId));
        LocalDate from = LocalDate.of(2025, 11, 1);
        LocalDate to = LocalDate.of(2025, 11, 11);
        assertThat(h.enori.storage().slos().days(h.writer.accountId(), sloId, from, to)).isNotEmpty();
        Map<String, Object> monitorBefore = h.ok("get_monitor", h.reader, args("monitorId", monitorId));

        Map<String, Object> out = h.ok("delete_slo", h.writer, args("monitorId", monitorId, "sloId", sloId));

        assertThat(out).containsEntry("deleted", true).containsEntry("sloId", sloId)
                .containsEntry("name", "Weekly uptime");
        assertThat(h.enori.storage().slos().days(h.writer.accountId(), sloId, from, to)).isEmpty();
        assertThat(h.enori.storage().slos().days(h.writer.accountId(), kept, from, to)).isNotEmpty();
        assertThat(h.ok("get_monitor", h.reader, args("monitorId", monitorId))).isEqualTo(monitorBefore);
        assertThat(h.enori.storage().checkResults().stats(h.writer.accountId(), monitorId,
                SloHarness.START.minus(Duration.ofDays(5)), SloHarness.START).total()).isEqualTo(72);
        assertThat(list(h.ok("list_slos", h.reader, args("monitorId", monitorId)).get("slos")))
                .extracting(r -> map(r.get("slo")).get("id")).containsExactly(kept);
        assertThat(h.error("delete_slo", h.writer, args("monitorId", monitorId, "sloId", sloId)).message())
                .isEqualTo("SLO not found");
    }

    @Test
    void complianceReportsTheCurrentAndPastCalendarPeriods() {
        // October: 1 down of 1000 hourly-ish checks (99.9 %); November so far: all up.
        h.checks(monitorId, java.time.Instant.parse("2025-10-31T23:00:00Z"), Duration.ofMinutes(40), 1000, 10);
        h.checks(monitorId, SloHarness.START.minusSeconds(60), Duration.ofHours(1), 200, 0);
        String sloId = h.createSlo(monthly(monitorId, "target", 99.5));

        Map<String, Object> out = h.ok("get_slo_compliance", h.reader,
                args("monitorId", monitorId, "sloId", sloId, "periods", "2"));

        assertThat(out).containsEntry("window", "calendar monthly");
        assertThat(((Number) out.get("target")).doubleValue()).isEqualTo(99.5);
        List<Map<String, Object>> periods = list(out.get("periods"));
        assertThat(periods).extracting(p -> p.get("start"))
                .containsExactly("2025-11-01T00:00:00Z", "2025-10-01T00:00:00Z", "2025-09-01T00:00:00Z");
        assertThat(periods.get(0)).containsEntry("inProgress", true).containsEntry("met", true)
                .containsEntry("badChecks", 0L);
        assertThat(periods.get(1)).containsEntry("inProgress", false).containsEntry("met", false)
                .containsEntry("badChecks", 10L).containsEntry("end", "2025-11-01T00:00:00Z");
        assertThat(((Number) periods.get(1).get("achievedPercent")).doubleValue()).isEqualTo(99.0);
        assertThat(periods.get(2)).containsEntry("noData", true).containsEntry("achievedPercent", null)
                .containsEntry("met", null);
        assertThat((String) out.get("note")).contains("no data");
        assertThat(out).containsEntry("missed", 1);
    }

    @Test
    void breachesListMissedPeriodsAndBurnAlertFirings() {
        h.checks(monitorId, java.time.Instant.parse("2025-10-31T23:00:00Z"), Duration.ofMinutes(40), 1000, 10);
        h.checks(monitorId, SloHarness.START.minus(Duration.ofDays(2)), Duration.ofMinutes(1), 600, 0);
        h.checks(monitorId, SloHarness.START.minus(Duration.ofDays(2)).plus(Duration.ofMinutes(30)),
                Duration.ofMinutes(1), 30, 30);
        String sloId = h.createSlo(monthly(monitorId, "target", 99.5));

        Map<String, Object> out = h.ok("get_slo_breaches", h.reader, args("monitorId", monitorId, "sloId", sloId,
                "tz", "Europe/Berlin"));

        assertThat(out).containsEntry("since", "2025-10-11T14:00:00+02:00");
        // November is still in progress but 30 bad of 630 already spent its whole budget; October missed 99.5.
        List<Map<String, Object>> breached = list(out.get("breachedPeriods"));
        assertThat(breached).extracting(p -> p.get("start"))
                .containsExactly("2025-11-01T01:00:00+01:00", "2025-10-01T02:00:00+02:00");
        assertThat(breached).extracting(p -> p.get("reason")).containsExactly("budget_exhausted", "missed");
        assertThat(list(out.get("burnAlertFirings"))).isNotEmpty()
                .allSatisfy(f -> assertThat((String) f.get("start")).startsWith("2025-11-08"));
    }

    @Test
    void breachesRangeDefaultsTo30DaysAndIsAtMost90() {
        String sloId = h.createSlo(rolling7(monitorId));
        Map<String, Object> out = h.ok("get_slo_breaches", h.reader, args("monitorId", monitorId, "sloId", sloId));
        assertThat(out).containsEntry("since", "2025-10-11T12:00:00Z").containsEntry("until", "2025-11-10T12:00:00Z");
        assertThat(list(out.get("breachedPeriods"))).isEmpty();
        assertThat((String) out.get("note")).startsWith("No breaches");
        assertThat(h.error("get_slo_breaches", h.reader, args("monitorId", monitorId, "sloId", sloId,
                "since", "2025-08-01")).message()).isEqualTo("Invalid argument: since must be at most 90 days before until");
        assertThat(h.error("get_slo_compliance", h.reader, args("monitorId", monitorId, "sloId", sloId,
                "periods", 13)).message()).startsWith("Invalid argument: periods must be between 1 and 12");
    }

    @Test
    void excludedMaintenanceCountsNeitherWayAndIsReported() {
        h.checks(monitorId, SloHarness.START.minusSeconds(60), Duration.ofMinutes(10), 100, 0);
        String excluding = h.createSlo(monthly(monitorId, "excludeMaintenance", true));
        String counting = h.createSlo(monthly(monitorId, "name", "Counting"));
        io.enori.mcp.api.Caller ops = io.enori.mcp.core.testing.ToolCalls.newKey(h.enori, "acme",
                java.util.EnumSet.of(io.enori.mcp.api.Scope.MAINTENANCE_WRITE), "ops");
        h.ok("start_maintenance_now", ops, args("durationMinutes", 60, "monitorIds", List.of(monitorId), "name", "Deploy"));
        h.checks(monitorId, SloHarness.START.plus(Duration.ofMinutes(30)), Duration.ofMinutes(1), 30, 30);
        h.clock.advance(Duration.ofMinutes(90));

        Map<String, Object> excluded = h.ok("get_slo_status", h.reader, args("monitorId", monitorId, "sloId", excluding));
        Map<String, Object> counted = h.ok("get_slo_status", h.reader, args("monitorId", monitorId, "sloId", counting));

        assertThat(excluded).containsEntry("badChecks", 0L).containsEntry("validChecks", 100L)
                .containsEntry("excludedChecks", 30L).containsEntry("excludedMinutes", 60.0)
                .containsEntry("achievedPercent", 100.0);
        assertThat(counted).containsEntry("badChecks", 30L).containsEntry("validChecks", 130L)
                .containsEntry("excludedChecks", 0L).containsEntry("excludedMinutes", 0.0);
    }

    @Test
    void contentMatchCountsOnlyChecksWhoseKeywordWasFound() {
        String withKeyword = (String) map(h.ok("create_monitor", h.writer, args("type", "website", "name", "Docs",
                "url", "https://docs.example.com", "keyword", "Welcome")).get("monitor")).get("id");
        for (int i = 0; i < 10; i++) {
            h.enori.storage().checkResults().insert(new io.enori.mcp.api.CheckResult("chk_CM" + i,
                    h.writer.accountId(), withKeyword, io.enori.mcp.api.CheckStatus.UP, 100, 200, null, i >= 2,
                    null, null, SloHarness.START.minus(Duration.ofMinutes(10 - i))));
        }
        String sloId = h.createSlo(rolling7(withKeyword, "sliType", "content_match", "target", 90));

        Map<String, Object> out = h.ok("get_slo_status", h.reader, args("monitorId", withKeyword, "sloId", sloId));

        assertThat(map(out.get("slo"))).containsEntry("sliType", "content_match");
        assertThat(out).containsEntry("validChecks", 10L).containsEntry("badChecks", 2L)
                .containsEntry("achievedPercent", 80.0).containsEntry("status", "red");
    }

    @Test
    void complianceOfARollingSloReportsBackToBackWindows() {
        h.checks(monitorId, SloHarness.START.minusSeconds(60), Duration.ofHours(1), 24 * 20, 0);
        String sloId = h.createSlo(rolling7(monitorId));

        Map<String, Object> out = h.ok("get_slo_compliance", h.reader, args("monitorId", monitorId, "sloId", sloId));

        assertThat(out).containsEntry("window", "rolling 7 days").containsEntry("met", 2).containsEntry("missed", 0);
        assertThat(list(out.get("periods"))).extracting(p -> p.get("start") + ".." + p.get("end")).containsExactly(
                "2025-11-03T12:00:00Z..2025-11-10T12:00:00Z", "2025-10-27T12:00:00Z..2025-11-03T12:00:00Z",
                "2025-10-20T12:00:00Z..2025-10-27T12:00:00Z", "2025-10-13T12:00:00Z..2025-10-20T12:00:00Z");
        assertThat(list(out.get("periods")).get(0)).containsEntry("inProgress", false).containsEntry("met", true);
        assertThat(list(out.get("periods")).get(3)).containsEntry("noData", true);
    }
}
