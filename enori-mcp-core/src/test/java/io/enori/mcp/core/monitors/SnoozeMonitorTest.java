package io.enori.mcp.core.monitors;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.monitors.ToolHarness.assertNotFound;
import static io.enori.mcp.core.testing.ToolCalls.longOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Snooze;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnoozeMonitorTest {
    private ToolHarness h;
    private String id;

    @BeforeEach
    void setUp() {
        h = ToolHarness.create();
        id = h.createWebsite("Shop", "https://shop.example.com");
        h.clock.advance(Duration.ofMinutes(7));
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private List<Snooze> stored() {
        return h.enori.storage().snoozes().listForMonitor(h.writer.accountId(), id);
    }

    @Test
    void snoozesUntilNowPlusTheDurationExactly() {
        Map<String, Object> out = h.ok("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", 90));

        assertThat(out).containsEntry("monitorId", id).containsEntry("snoozed", true)
                .containsEntry("until", "2025-11-10T13:37:00Z");
        assertThat(longOf(out, "durationMinutes")).isEqualTo(90);
        assertThat((String) out.get("appliesTo")).contains(h.writer.principalId()).contains("others");
        assertThat(stored()).singleElement().satisfies(s -> {
            assertThat(s.principalId()).isEqualTo(h.writer.principalId());
            assertThat(s.until()).isEqualTo(Instant.parse("2025-11-10T13:37:00Z"));
        });
    }

    @Test
    void acceptsTheBoundariesAndNumericStrings() {
        assertThat(h.ok("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", 30)))
                .containsEntry("until", "2025-11-10T12:37:00Z");
        assertThat(h.ok("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", 4320)))
                .containsEntry("until", "2025-11-13T12:07:00Z");
        assertThat(h.ok("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", "60")))
                .containsEntry("until", "2025-11-10T13:07:00Z");
    }

    @Test
    void snoozingAgainReplacesTheEndTime() {
        h.ok("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", 600));
        h.clock.advance(Duration.ofMinutes(10));
        h.ok("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", 30));

        assertThat(stored()).singleElement()
                .satisfies(s -> assertThat(s.until()).isEqualTo(Instant.parse("2025-11-10T12:47:00Z")));
        assertThat(h.ok("get_snooze_status", h.writer, args("monitorId", id)))
                .containsEntry("until", "2025-11-10T12:47:00Z");
    }

    @Test
    void snoozesArePerPrincipal() {
        h.ok("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", 60));

        assertThat(h.ok("get_snooze_status", h.writer2, args("monitorId", id))).containsEntry("snoozed", false);
        h.ok("snooze_monitor", h.writer2, args("monitorId", id, "durationMinutes", 120));

        assertThat(stored()).extracting(Snooze::principalId)
                .containsExactlyInAnyOrder(h.writer.principalId(), h.writer2.principalId());
        assertThat(h.ok("get_snooze_status", h.writer, args("monitorId", id)))
                .containsEntry("until", "2025-11-10T13:07:00Z");
        assertThat(h.ok("get_snooze_status", h.writer2, args("monitorId", id)))
                .containsEntry("until", "2025-11-10T14:07:00Z");
    }

    @ParameterizedTest
    @ValueSource(ints = {29, 4321, 0, -60})
    void rejectsDurationsOutsideThirtyMinutesToSeventyTwoHours(int minutes) {
        assertThat(assertInvalid(h.error("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", minutes)),
                "durationMinutes")).contains("must be between 30 and 4320");
        assertThat(stored()).isEmpty();
    }

    @Test
    void rejectsMissingOrNonNumericDuration() {
        assertThat(assertInvalid(h.error("snooze_monitor", h.writer, args("monitorId", id)), "durationMinutes"))
                .contains("is required");
        assertThat(assertInvalid(h.error("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes",
                "an hour")), "durationMinutes")).contains("must be an integer");
        assertInvalid(h.error("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", 60,
                "reason", "deploy")), "reason");
        assertThat(stored()).isEmpty();
    }

    @Test
    void rejectsBadAndUnknownIds() {
        assertInvalid(h.error("snooze_monitor", h.writer, args("monitorId", "abc", "durationMinutes", 60)),
                "monitorId");
        assertNotFound(h.error("snooze_monitor", h.writer, args("monitorId", "mon_NOPE0000", "durationMinutes", 60)),
                "mon_NOPE0000");
        assertThat(stored()).isEmpty();
    }
}
