package io.enori.mcp.core.monitors;

import io.enori.mcp.core.testing.LocalSite;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.monitors.ToolHarness.assertNotFound;
import static io.enori.mcp.core.testing.ToolCalls.longOf;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GetMonitorTest {
    private ToolHarness h;

    @BeforeEach
    void setUp() {
        h = ToolHarness.create();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void returnsConfigurationAndStateOfOneMonitor() {
        String id = (String) h.create(args("type", "port", "name", "Postgres", "host", "db.internal", "port", 5432,
                "intervalSeconds", 120, "alertAfterFailures", 5)).get("id");

        Map<String, Object> m = map(h.ok("get_monitor", h.reader, args("monitorId", id)).get("monitor"));

        assertThat(m).containsEntry("id", id).containsEntry("name", "Postgres").containsEntry("type", "port")
                .containsEntry("status", "pending").containsEntry("host", "db.internal")
                .containsEntry("address", "db.internal:5432").containsEntry("paused", false)
                .containsEntry("lastCheckedAt", null).containsEntry("lastResponseTimeMs", null);
        assertThat(longOf(m, "port")).isEqualTo(5432);
        assertThat(longOf(m, "intervalSeconds")).isEqualTo(120);
        assertThat(longOf(m, "timeoutMs")).isEqualTo(10_000);
        assertThat(longOf(m, "alertAfterFailures")).isEqualTo(5);
    }

    @Test
    void showsStateAfterACheck() {
        try (LocalSite site = LocalSite.start()) {
            String id = h.createWebsite("Site", site.url());
            h.clock.advance(Duration.ofMinutes(1));
            h.checkNow(id);

            Map<String, Object> m = h.monitor(id);

            assertThat(m).containsEntry("status", "up").containsEntry("lastCheckedAt", "2025-11-10T12:01:00Z")
                    .containsEntry("lastSuccessAt", "2025-11-10T12:01:00Z").containsEntry("ssl", null);
            assertThat(longOf(m, "lastResponseTimeMs")).isGreaterThanOrEqualTo(0);
            assertThat(longOf(m, "consecutiveFailures")).isZero();
        }
    }

    @Test
    void unknownWellFormedIdIsMonitorNotFound() {
        h.createWebsite("Site", "https://example.com");
        assertNotFound(h.error("get_monitor", h.writer, args("monitorId", "mon_DOESNOTEXIST0000")),
                "mon_DOESNOTEXIST0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "mon_!!", "mon_", "chk_0123456789", "mon_abc def", "mon_abc/../x"})
    void malformedIdIsInvalidArgument(String monitorId) {
        assertThat(assertInvalid(h.error("get_monitor", h.writer, args("monitorId", monitorId)), "monitorId"))
                .contains("an id starting with mon_");
    }

    @Test
    void overlongIdIsInvalidArgument() {
        assertInvalid(h.error("get_monitor", h.writer, args("monitorId", "mon_" + "A".repeat(100_000))), "monitorId");
    }

    @Test
    void missingIdIsRequired() {
        assertThat(assertInvalid(h.error("get_monitor", h.writer, args()), "monitorId")).contains("is required");
    }

    @Test
    void numericIdIsRejectedAsNotAString() {
        assertThat(assertInvalid(h.error("get_monitor", h.writer, args("monitorId", 42)), "monitorId"))
                .contains("must be a string");
    }

    @Test
    void unknownFieldIsRejected() {
        String id = h.createWebsite("Site", "https://example.com");
        assertThat(assertInvalid(h.error("get_monitor", h.writer, args("monitorId", id, "verbose", true)), "verbose"))
                .contains("is not a known field; allowed: monitorId");
    }
}
