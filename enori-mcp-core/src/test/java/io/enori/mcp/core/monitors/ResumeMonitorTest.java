package io.enori.mcp.core.monitors;

import io.enori.mcp.core.testing.LocalSite;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.monitors.ToolHarness.assertNotFound;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResumeMonitorTest {
    private ToolHarness h;
    private String id;

    @BeforeEach
    void setUp() {
        h = ToolHarness.create();
        id = h.createWebsite("Shop", "https://shop.example.com");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void resumesAPausedMonitorBackToItsCheckedStatus() {
        try (LocalSite site = LocalSite.start()) {
            String checked = h.createWebsite("Local", site.url());
            h.checkNow(checked);
            h.ok("pause_monitor", h.writer, args("monitorId", checked));
            h.clock.advance(Duration.ofMinutes(2));

            Map<String, Object> out = h.ok("resume_monitor", h.writer, args("monitorId", checked));

            assertThat(out).containsEntry("changed", true);
            assertThat(map(out.get("monitor"))).containsEntry("id", checked).containsEntry("status", "up");
            assertThat(h.monitor(checked)).containsEntry("paused", false).containsEntry("status", "up")
                    .containsEntry("updatedAt", "2025-11-10T12:02:00Z");
        }
    }

    @Test
    void neverCheckedMonitorResumesAsPending() {
        h.ok("pause_monitor", h.writer, args("monitorId", id));
        assertThat(map(h.ok("resume_monitor", h.writer, args("monitorId", id)).get("monitor")))
                .containsEntry("status", "pending");
        assertThat(list(h.ok("list_monitors", h.writer, args("status", "paused")).get("monitors"))).isEmpty();
    }

    @Test
    void resumingTwiceIsIdempotent() {
        h.ok("pause_monitor", h.writer, args("monitorId", id));
        assertThat(h.ok("resume_monitor", h.writer, args("monitorId", id))).containsEntry("changed", true);
        assertThat(h.ok("resume_monitor", h.writer, args("monitorId", id))).containsEntry("changed", false);
    }

    @Test
    void resumingAMonitorThatWasNeverPausedChangesNothing() {
        Map<String, Object> before = h.monitor(id);
        h.clock.advance(Duration.ofMinutes(1));
        Map<String, Object> out = h.ok("resume_monitor", h.writer, args("monitorId", id));
        assertThat(out).containsEntry("changed", false);
        assertThat(h.monitor(id)).isEqualTo(before);
    }

    @Test
    void rejectsBadAndUnknownIds() {
        h.ok("pause_monitor", h.writer, args("monitorId", id));
        assertInvalid(h.error("resume_monitor", h.writer, args("monitorId", "mon_!!")), "monitorId");
        assertInvalid(h.error("resume_monitor", h.writer, args("monitorId", id, "at", "now")), "at");
        assertNotFound(h.error("resume_monitor", h.writer, args("monitorId", "mon_NOPE0000")), "mon_NOPE0000");
        assertThat(h.monitor(id)).containsEntry("paused", true);
    }
}
