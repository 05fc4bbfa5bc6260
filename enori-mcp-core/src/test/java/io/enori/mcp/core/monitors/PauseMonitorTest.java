package io.enori.mcp.core.monitors;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.monitors.ToolHarness.assertNotFound;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.spi.MonitorPauseStore.PausedPeriod;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PauseMonitorTest {
    private ToolHarness h;
    private String id;

    @BeforeEach
    void setUp() {
        h = ToolHarness.create();
        id = h.createWebsite("Shop", "https://shop.example.com");
        h.createWebsite("Blog", "https://blog.example.com");
        h.clock.advance(Duration.ofMinutes(3));
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void pausesAndReportsTheChange() {
        Map<String, Object> out = h.ok("pause_monitor", h.writer, args("monitorId", id));

        assertThat(out).containsEntry("changed", true);
        assertThat(map(out.get("monitor"))).containsEntry("id", id).containsEntry("name", "Shop")
                .containsEntry("status", "paused");
        assertThat(h.monitor(id)).containsEntry("paused", true).containsEntry("status", "paused")
                .containsEntry("updatedAt", "2025-11-10T12:03:00Z");
    }

    @Test
    void everyPauseAndResumeIsStoredAsAPausePeriod() {
        h.ok("pause_monitor", h.writer, args("monitorId", id));
        h.clock.advance(Duration.ofMinutes(10));
        h.ok("pause_monitor", h.writer, args("monitorId", id));
        h.ok("resume_monitor", h.writer, args("monitorId", id));
        h.clock.advance(Duration.ofMinutes(5));
        h.ok("pause_monitor", h.writer, args("monitorId", id));

        Instant start = ToolHarness.START;
        assertThat(h.enori.storage().monitorPauses().overlapping(h.writer.accountId(), id, start, start.plusSeconds(
                3_600))).containsExactly(
                new PausedPeriod(start.plusSeconds(180), start.plusSeconds(780)),
                new PausedPeriod(start.plusSeconds(1_080), null));
    }

    @Test
    void pausingTwiceIsIdempotent() {
        h.ok("pause_monitor", h.writer, args("monitorId", id));
        h.clock.advance(Duration.ofMinutes(1));

        Map<String, Object> again = h.ok("pause_monitor", h.writer, args("monitorId", id));

        assertThat(again).containsEntry("changed", false);
        assertThat(map(again.get("monitor"))).containsEntry("status", "paused");
        assertThat(h.monitor(id)).containsEntry("paused", true).containsEntry("updatedAt", "2025-11-10T12:03:00Z");
    }

    @Test
    void pausedMonitorsAreListedByStatusPaused() {
        h.ok("pause_monitor", h.writer, args("monitorId", id));

        Map<String, Object> paused = h.ok("list_monitors", h.reader, args("status", "paused"));
        assertThat(list(paused.get("monitors"))).extracting(m -> m.get("id")).containsExactly(id);
        assertThat(list(h.ok("list_monitors", h.reader, args("status", "pending")).get("monitors")))
                .extracting(m -> m.get("name")).containsExactly("Blog");
    }

    @Test
    void leavesOtherMonitorsAlone() {
        String blog = (String) list(h.ok("list_monitors", h.writer, args("name", "Blog")).get("monitors")).get(0)
                .get("id");
        Map<String, Object> before = h.monitor(blog);
        h.ok("pause_monitor", h.writer, args("monitorId", id));
        assertThat(h.monitor(blog)).isEqualTo(before);
    }

    @Test
    void rejectsBadAndUnknownIds() {
        assertInvalid(h.error("pause_monitor", h.writer, args("monitorId", "abc")), "monitorId");
        assertInvalid(h.error("pause_monitor", h.writer, args()), "monitorId");
        assertInvalid(h.error("pause_monitor", h.writer, args("monitorId", id, "minutes", 5)), "minutes");
        assertNotFound(h.error("pause_monitor", h.writer, args("monitorId", "mon_NOPE0000")), "mon_NOPE0000");
        assertThat(h.monitor(id)).containsEntry("paused", false);
    }
}
