package io.enori.mcp.core.monitors;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.monitors.ToolHarness.assertNotFound;
import static io.enori.mcp.core.testing.ToolCalls.longOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Snooze;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnsnoozeMonitorTest {
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
    void endsTheCallersSnoozeAndSaysItWasSnoozed() {
        h.ok("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", 60));

        Map<String, Object> out = h.ok("unsnooze_monitor", h.writer, args("monitorId", id));

        assertThat(out).containsEntry("monitorId", id).containsEntry("snoozed", false).containsEntry("wasSnoozed", true);
        assertThat(h.ok("get_snooze_status", h.writer, args("monitorId", id))).containsEntry("snoozed", false)
                .containsEntry("until", null);
        assertThat(h.enori.storage().snoozes().find(h.writer.accountId(), id, h.writer.principalId())).isEmpty();
    }

    @Test
    void unsnoozingTwiceReportsNothingToEnd() {
        h.ok("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", 60));
        h.ok("unsnooze_monitor", h.writer, args("monitorId", id));
        assertThat(h.ok("unsnooze_monitor", h.writer, args("monitorId", id))).containsEntry("wasSnoozed", false);
    }

    @Test
    void anExpiredSnoozeWasNotActive() {
        h.ok("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", 30));
        h.clock.advance(Duration.ofMinutes(30));
        assertThat(h.ok("unsnooze_monitor", h.writer, args("monitorId", id))).containsEntry("wasSnoozed", false);
    }

    @Test
    void leavesOtherPrincipalsSnoozesAlone() {
        h.ok("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", 60));
        h.ok("snooze_monitor", h.writer2, args("monitorId", id, "durationMinutes", 120));

        h.ok("unsnooze_monitor", h.writer, args("monitorId", id));

        assertThat(h.enori.storage().snoozes().listForMonitor(h.writer.accountId(), id))
                .extracting(Snooze::principalId).containsExactly(h.writer2.principalId());
        Map<String, Object> theirs = h.ok("get_snooze_status", h.writer2, args("monitorId", id));
        assertThat(theirs).containsEntry("snoozed", true).containsEntry("until", "2025-11-10T14:00:00Z");
        assertThat(longOf(theirs, "othersSnoozed")).isZero();
        assertThat(longOf(h.ok("get_snooze_status", h.writer, args("monitorId", id)), "othersSnoozed")).isEqualTo(1);
    }

    @Test
    void aMonitorNeverSnoozedWasNotSnoozed() {
        assertThat(h.ok("unsnooze_monitor", h.writer, args("monitorId", id))).containsEntry("wasSnoozed", false)
                .containsEntry("snoozed", false);
    }

    @Test
    void rejectsBadAndUnknownIds() {
        h.ok("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", 60));
        assertInvalid(h.error("unsnooze_monitor", h.writer, args("monitorId", "mon_!!")), "monitorId");
        assertInvalid(h.error("unsnooze_monitor", h.writer, args("monitorId", id, "durationMinutes", 30)),
                "durationMinutes");
        assertNotFound(h.error("unsnooze_monitor", h.writer, args("monitorId", "mon_NOPE0000")), "mon_NOPE0000");
        assertThat(h.ok("get_snooze_status", h.writer, args("monitorId", id))).containsEntry("snoozed", true);
    }
}
