package io.enori.mcp.core.monitors;

import io.enori.mcp.core.testing.LocalSite;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.monitors.ToolHarness.assertNotFound;
import static io.enori.mcp.core.testing.ToolCalls.doubleOf;
import static io.enori.mcp.core.testing.ToolCalls.longOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetMonitorStatsTest {
    private ToolHarness h;
    private LocalSite site;
    private String id;

    @BeforeEach
    void setUp() {
        h = ToolHarness.create();
        site = LocalSite.start();
        id = h.createWebsite("Site", site.url());
    }

    @AfterEach
    void tearDown() {
        site.close();
        h.close();
    }

    private void checkAfter(Duration wait, boolean healthy) {
        h.clock.advance(wait);
        if (healthy) {
            site.healthy();
        } else {
            site.unavailable();
        }
        h.checkNow(id);
    }

    @Test
    void threeUpAndOneDownIsSeventyFivePercentWithDowntimeUntilRecovery() {
        checkAfter(Duration.ZERO, true);             // 12:00 up
        checkAfter(Duration.ofMinutes(5), true);     // 12:05 up
        checkAfter(Duration.ofMinutes(5), false);    // 12:10 down
        checkAfter(Duration.ofMinutes(15), true);    // 12:25 up: 15 minutes down
        h.clock.advance(Duration.ofMinutes(5));      // now 12:30

        Map<String, Object> out = h.ok("get_monitor_stats", h.reader, args("monitorId", id));

        assertThat(out).containsEntry("monitorId", id).containsEntry("note", null).containsEntry("tz", "UTC")
                .containsEntry("since", "2025-11-09T12:30:00Z").containsEntry("until", "2025-11-10T12:30:00Z");
        assertThat(longOf(out, "totalChecks")).isEqualTo(4);
        assertThat(longOf(out, "failedChecks")).isEqualTo(1);
        assertThat(doubleOf(out, "uptimePercent")).isEqualTo(75.0);
        assertThat(doubleOf(out, "downtimeMinutes")).isEqualTo(15.0);
        assertThat(doubleOf(out, "avgResponseTimeMs")).isGreaterThanOrEqualTo(0.0);
        assertThat(doubleOf(out, "p95ResponseTimeMs")).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void aTrailingDownCheckCountsUntilTheEndOfTheRange() {
        checkAfter(Duration.ZERO, true);             // 12:00 up
        checkAfter(Duration.ofMinutes(10), false);   // 12:10 down
        h.clock.advance(Duration.ofMinutes(20));     // now 12:30: down for 20 minutes so far

        Map<String, Object> out = h.ok("get_monitor_stats", h.writer, args("monitorId", id));

        assertThat(doubleOf(out, "uptimePercent")).isEqualTo(50.0);
        assertThat(doubleOf(out, "downtimeMinutes")).isEqualTo(20.0);

        Map<String, Object> window = h.ok("get_monitor_stats", h.writer, args("monitorId", id,
                "since", "2025-11-10T12:00:00Z", "until", "2025-11-10T12:15:00Z"));
        assertThat(doubleOf(window, "downtimeMinutes")).as("down time is clipped to the range").isEqualTo(5.0);
        assertThat(longOf(window, "totalChecks")).isEqualTo(2);
    }

    @Test
    void anOutageThatBeganBeforeTheRangeCountsFromTheRangeStart() {
        checkAfter(Duration.ZERO, false);            // 12:00 down
        checkAfter(Duration.ofMinutes(20), true);    // 12:20 up
        h.clock.advance(Duration.ofMinutes(10));     // now 12:30

        Map<String, Object> out = h.ok("get_monitor_stats", h.writer, args("monitorId", id,
                "since", "2025-11-10T12:10:00Z"));

        assertThat(doubleOf(out, "downtimeMinutes")).isEqualTo(10.0);
    }

    @Test
    void uptimeIsRoundedToThreeDecimals() {
        checkAfter(Duration.ZERO, true);
        checkAfter(Duration.ofMinutes(1), true);
        checkAfter(Duration.ofMinutes(1), false);
        h.clock.advance(Duration.ofSeconds(30));

        Map<String, Object> out = h.ok("get_monitor_stats", h.writer, args("monitorId", id));

        assertThat(doubleOf(out, "uptimePercent")).isEqualTo(66.667);
        assertThat(doubleOf(out, "downtimeMinutes")).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void onlyChecksInsideTheRangeCount() {
        checkAfter(Duration.ZERO, false);            // 12:00 down, outside the range asked for below
        checkAfter(Duration.ofMinutes(10), true);    // 12:10 up
        checkAfter(Duration.ofMinutes(10), true);    // 12:20 up
        h.clock.advance(Duration.ofMinutes(1));

        Map<String, Object> out = h.ok("get_monitor_stats", h.writer, args("monitorId", id,
                "since", "2025-11-10T12:05:00Z", "tz", "Europe/Berlin"));

        assertThat(longOf(out, "totalChecks")).isEqualTo(2);
        assertThat(longOf(out, "failedChecks")).isZero();
        assertThat(doubleOf(out, "uptimePercent")).isEqualTo(100.0);
        // The outage seen at 12:00 lasted into the range: 12:05 (range start) to 12:10 (recovery).
        assertThat(doubleOf(out, "downtimeMinutes")).isEqualTo(5.0);
        assertThat(out).containsEntry("tz", "Europe/Berlin").containsEntry("since", "2025-11-10T13:05:00+01:00")
                .containsEntry("until", "2025-11-10T13:21:00+01:00");
    }

    @Test
    void noChecksGiveNullUptimeAndANote() {
        Map<String, Object> out = h.ok("get_monitor_stats", h.writer, args("monitorId", id));

        assertThat(out).containsEntry("uptimePercent", null).containsEntry("avgResponseTimeMs", null)
                .containsEntry("p95ResponseTimeMs", null);
        assertThat(longOf(out, "totalChecks")).isZero();
        assertThat(longOf(out, "failedChecks")).isZero();
        assertThat(doubleOf(out, "downtimeMinutes")).isZero();
        assertThat((String) out.get("note")).startsWith("No checks in range").contains("check_now");
    }

    @Test
    void noteSaysWhenTheMonitorIsPaused() {
        h.ok("pause_monitor", h.writer, args("monitorId", id));
        assertThat(h.ok("get_monitor_stats", h.writer, args("monitorId", id)))
                .containsEntry("note", "No checks in range; the monitor is paused.")
                .containsEntry("uptimePercent", null);
    }

    @Test
    void rejectsBadInput() {
        assertInvalid(h.error("get_monitor_stats", h.writer, args("monitorId", id, "since", "last week")), "since");
        assertInvalid(h.error("get_monitor_stats", h.writer, args("monitorId", id, "until", "noon")), "until");
        assertInvalid(h.error("get_monitor_stats", h.writer, args("monitorId", id, "tz", "CET+99")), "tz");
        assertThat(assertInvalid(h.error("get_monitor_stats", h.writer, args("monitorId", id,
                "since", "2025-11-11", "until", "2025-11-10")), "since")).contains("before until");
        assertInvalid(h.error("get_monitor_stats", h.writer, args("monitorId", id, "limit", 5)), "limit");
        assertInvalid(h.error("get_monitor_stats", h.writer, args("monitorId", "mon_!!")), "monitorId");
        assertInvalid(h.error("get_monitor_stats", h.writer, args()), "monitorId");
        assertNotFound(h.error("get_monitor_stats", h.writer, args("monitorId", "mon_NOPE0000")), "mon_NOPE0000");
    }
}
