package io.enori.mcp.core.monitors;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.monitors.ToolHarness.assertNotFound;
import static io.enori.mcp.core.testing.ToolCalls.longOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetSnoozeStatusTest {
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
    void notSnoozedByDefault() {
        Map<String, Object> out = h.ok("get_snooze_status", h.reader, args("monitorId", id));
        assertThat(out).containsEntry("monitorId", id).containsEntry("snoozed", false).containsEntry("until", null)
                .containsEntry("remainingMinutes", null);
        assertThat(longOf(out, "othersSnoozed")).isZero();
    }

    @Test
    void showsTheCallersOwnSnoozeWithRemainingMinutes() {
        h.ok("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", 60));
        h.clock.advance(Duration.ofMinutes(20).plusSeconds(30));

        Map<String, Object> out = h.ok("get_snooze_status", h.writer, args("monitorId", id));

        assertThat(out).containsEntry("snoozed", true).containsEntry("until", "2025-11-10T13:00:00Z");
        assertThat(longOf(out, "remainingMinutes")).as("39.5 minutes round up").isEqualTo(40);
        assertThat(longOf(out, "othersSnoozed")).isZero();
    }

    @Test
    void othersSnoozedCountsTheOtherPrincipalsOnly() {
        h.ok("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", 60));

        Map<String, Object> forWriter2 = h.ok("get_snooze_status", h.writer2, args("monitorId", id));
        assertThat(forWriter2).containsEntry("snoozed", false).containsEntry("until", null);
        assertThat(longOf(forWriter2, "othersSnoozed")).isEqualTo(1);

        h.ok("snooze_monitor", h.writer2, args("monitorId", id, "durationMinutes", 30));

        assertThat(longOf(h.ok("get_snooze_status", h.writer, args("monitorId", id)), "othersSnoozed")).isEqualTo(1);
        assertThat(longOf(h.ok("get_snooze_status", h.writer2, args("monitorId", id)), "othersSnoozed")).isEqualTo(1);
        Map<String, Object> forReader = h.ok("get_snooze_status", h.reader, args("monitorId", id));
        assertThat(forReader).containsEntry("snoozed", false);
        assertThat(longOf(forReader, "othersSnoozed")).isEqualTo(2);
    }

    @Test
    void expiredSnoozesNoLongerCount() {
        h.ok("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", 30));
        h.ok("snooze_monitor", h.writer2, args("monitorId", id, "durationMinutes", 90));
        h.clock.advance(Duration.ofMinutes(30));

        Map<String, Object> mine = h.ok("get_snooze_status", h.writer, args("monitorId", id));
        assertThat(mine).containsEntry("snoozed", false).containsEntry("remainingMinutes", null);
        assertThat(longOf(mine, "othersSnoozed")).isEqualTo(1);

        h.clock.advance(Duration.ofMinutes(60));
        assertThat(longOf(h.ok("get_snooze_status", h.writer, args("monitorId", id)), "othersSnoozed")).isZero();
    }

    @Test
    void snoozesOnOneMonitorDoNotShowOnAnother() {
        String other = h.createWebsite("Blog", "https://blog.example.com");
        h.ok("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", 60));
        Map<String, Object> out = h.ok("get_snooze_status", h.writer, args("monitorId", other));
        assertThat(out).containsEntry("snoozed", false);
        assertThat(longOf(out, "othersSnoozed")).isZero();
    }

    @Test
    void rejectsBadAndUnknownIds() {
        assertInvalid(h.error("get_snooze_status", h.reader, args("monitorId", "abc")), "monitorId");
        assertInvalid(h.error("get_snooze_status", h.reader, args()), "monitorId");
        assertInvalid(h.error("get_snooze_status", h.reader, args("monitorId", id, "principal", "me")), "principal");
        assertNotFound(h.error("get_snooze_status", h.reader, args("monitorId", "mon_NOPE0000")), "mon_NOPE0000");
    }
}
