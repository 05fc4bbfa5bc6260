package io.enori.mcp.core.monitors;

import io.enori.mcp.core.testing.LocalSite;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.testing.ToolCalls.doubleOf;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.longOf;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Plan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetHealthSummaryTest {
    private ToolHarness h;
    private LocalSite healthy;
    private LocalSite flaky;

    @BeforeEach
    void setUp() {
        h = ToolHarness.create();
        healthy = LocalSite.start();
        flaky = LocalSite.start();
    }

    @AfterEach
    void tearDown() {
        healthy.close();
        flaky.close();
        h.close();
    }

    @Test
    void listsEveryMonitorWorstFirstWithTotalsByStatus() {
        String good = h.createWebsite("Good", healthy.url());
        String wobbly = h.createWebsite("Wobbly", flaky.url());
        String broken = h.createWebsite("Broken", "http://127.0.0.1:" + LocalSite.closedPort() + "/");
        String paused = h.createWebsite("Paused", healthy.url());
        String pending = h.createWebsite("Pending", "https://never.example.com");

        h.checkNow(good);
        h.checkNow(wobbly);
        h.checkNow(broken);
        h.clock.advance(Duration.ofMinutes(1));
        h.checkNow(good);
        flaky.unavailable();
        h.checkNow(wobbly);
        flaky.healthy();
        h.clock.advance(Duration.ofMinutes(1));
        h.checkNow(wobbly);
        h.ok("pause_monitor", h.writer, args("monitorId", paused));
        h.clock.advance(Duration.ofMinutes(1));

        Map<String, Object> out = h.ok("get_health_summary", h.reader, args());

        List<Map<String, Object>> rows = list(out.get("monitors"));
        assertThat(rows).extracting(r -> r.get("monitorId"))
                .as("down first, then by error rate, then the rest by name")
                .containsExactly(broken, wobbly, good, paused, pending);
        Map<String, Object> totals = map(out.get("totals"));
        assertThat(longOf(totals, "up")).isEqualTo(2);
        assertThat(longOf(totals, "down")).isEqualTo(1);
        assertThat(longOf(totals, "paused")).isEqualTo(1);
        assertThat(longOf(totals, "pending")).isEqualTo(1);
        assertThat(out).containsEntry("truncated", false).containsEntry("note", null).containsEntry("tz", "UTC")
                .containsEntry("until", "2025-11-10T12:03:00Z").containsEntry("since", "2025-11-09T12:03:00Z");

        Map<String, Object> brokenRow = rows.get(0);
        assertThat(brokenRow).containsEntry("name", "Broken").containsEntry("status", "down")
                .containsEntry("type", "website").containsEntry("lastSuccessAt", null);
        assertThat(doubleOf(brokenRow, "errorRatePercent")).isEqualTo(100.0);
        assertThat(longOf(brokenRow, "totalChecks")).isEqualTo(1);
        assertThat(longOf(brokenRow, "failedChecks")).isEqualTo(1);

        Map<String, Object> wobblyRow = rows.get(1);
        assertThat(wobblyRow).containsEntry("status", "up").containsEntry("lastSuccessAt", "2025-11-10T12:02:00Z");
        assertThat(longOf(wobblyRow, "totalChecks")).isEqualTo(3);
        assertThat(doubleOf(wobblyRow, "errorRatePercent")).isEqualTo(33.3);

        Map<String, Object> goodRow = rows.get(2);
        assertThat(doubleOf(goodRow, "errorRatePercent")).isZero();
        assertThat(goodRow).containsEntry("lastSuccessAt", "2025-11-10T12:01:00Z");
        assertThat(doubleOf(goodRow, "avgResponseTimeMs")).isGreaterThanOrEqualTo(0.0);

        Map<String, Object> pendingRow = rows.get(4);
        assertThat(pendingRow).containsEntry("status", "pending").containsEntry("errorRatePercent", null)
                .containsEntry("avgResponseTimeMs", null).containsEntry("p95ResponseTimeMs", null);
        assertThat(longOf(pendingRow, "totalChecks")).isZero();
    }

    @Test
    void aDownMonitorComesFirstEvenWithALowerErrorRate() {
        String mostlyFine = h.createWebsite("A mostly fine", flaky.url());
        String mostlyBad = h.createWebsite("B mostly bad", healthy.url());
        for (int i = 0; i < 3; i++) {
            h.checkNow(mostlyFine);
            h.clock.advance(Duration.ofMinutes(1));
        }
        flaky.unavailable();
        h.checkNow(mostlyFine);           // 1 of 4 failed, but down now
        healthy.unavailable();
        h.checkNow(mostlyBad);
        h.checkNow(mostlyBad);
        healthy.healthy();
        h.clock.advance(Duration.ofMinutes(1));
        h.checkNow(mostlyBad);            // 2 of 3 failed, up now
        h.clock.advance(Duration.ofMinutes(1));

        List<Map<String, Object>> rows = list(h.ok("get_health_summary", h.writer, args()).get("monitors"));

        assertThat(rows).extracting(r -> r.get("monitorId")).containsExactly(mostlyFine, mostlyBad);
        assertThat(doubleOf(rows.get(0), "errorRatePercent")).isEqualTo(25.0);
        assertThat(doubleOf(rows.get(1), "errorRatePercent")).isEqualTo(66.7);
    }

    @Test
    void rangeLimitsWhichChecksCountAndTimesFollowTheZone() {
        String id = h.createWebsite("Site", healthy.url());
        h.checkNow(id);                                         // 12:00
        h.clock.advance(Duration.ofHours(2));
        h.checkNow(id);                                         // 14:00
        h.clock.advance(Duration.ofMinutes(1));

        Map<String, Object> out = h.ok("get_health_summary", h.writer, args("since", "2025-11-10T14:30:00+01:00",
                "tz", "Europe/Berlin"));

        assertThat(out).containsEntry("tz", "Europe/Berlin").containsEntry("since", "2025-11-10T14:30:00+01:00")
                .containsEntry("until", "2025-11-10T15:01:00+01:00");
        Map<String, Object> row = list(out.get("monitors")).get(0);
        assertThat(longOf(row, "totalChecks")).isEqualTo(1);
        assertThat(row).containsEntry("lastSuccessAt", "2025-11-10T15:00:00+01:00");
    }

    @Test
    void moreThanTwoHundredMonitorsAreCutToTheWorstTwoHundred() {
        try (ToolHarness big = ToolHarness.create(b -> b.defaultPlan(new Plan("big", 300, 1, 1, 0))
                .rateLimits(1_000, 1_000));
             LocalSite down = LocalSite.start()) {
            down.unavailable();
            String worst = big.createWebsite("zz worst", down.url());
            for (int i = 0; i < 200; i++) {
                big.create(args("type", "job", "name", String.format("job %03d", i)));
            }
            big.checkNow(worst);
            big.clock.advance(Duration.ofMinutes(1));

            Map<String, Object> out = big.ok("get_health_summary", big.writer, args());

            List<Map<String, Object>> rows = list(out.get("monitors"));
            assertThat(rows).hasSize(200);
            assertThat(rows.get(0)).containsEntry("monitorId", worst);
            assertThat(rows.get(199)).containsEntry("name", "job 198");
            assertThat(out).containsEntry("truncated", true)
                    .containsEntry("note", "Showing the 200 worst of 201 monitors.");
            Map<String, Object> totals = map(out.get("totals"));
            assertThat(longOf(totals, "down")).isEqualTo(1);
            assertThat(longOf(totals, "pending")).as("totals count every monitor").isEqualTo(200);
        }
    }

    @Test
    void emptyAccountSaysSo() {
        Map<String, Object> out = h.ok("get_health_summary", h.writer, args());
        assertThat(list(out.get("monitors"))).isEmpty();
        assertThat(out).containsEntry("note", "No monitors yet; create one with create_monitor.");
        Map<String, Object> totals = map(out.get("totals"));
        assertThat(totals.values()).allSatisfy(v -> assertThat(((Number) v).intValue()).isZero());
    }

    @Test
    void neverShowsAnotherAccountsMonitors() {
        h.createWebsite("A's shop", "https://a.example.com");
        h.ok("create_monitor", h.outsider, args("type", "ping", "name", "B's gateway", "host", "10.0.0.1"));

        List<Map<String, Object>> outsiderRows = list(h.ok("get_health_summary", h.outsider, args()).get("monitors"));
        assertThat(outsiderRows).extracting(r -> r.get("name")).containsExactly("B's gateway");
        assertThat(list(h.ok("get_health_summary", h.reader, args()).get("monitors"))).extracting(r -> r.get("name"))
                .containsExactly("A's shop");
    }

    @Test
    void rejectsBadInput() {
        assertInvalid(h.error("get_health_summary", h.writer, args("since", "tomorrow")), "since");
        assertInvalid(h.error("get_health_summary", h.writer, args("tz", "Nowhere/Land")), "tz");
        assertInvalid(h.error("get_health_summary", h.writer, args("until", "2024-01-01T00:00:00Z",
                "since", "2025-01-01T00:00:00Z")), "since");
        assertInvalid(h.error("get_health_summary", h.writer, args("monitorId", "mon_A")), "monitorId");
        assertInvalid(h.error("get_health_summary", h.writer, args("status", "down")), "status");
    }
}
