package io.enori.mcp.core.incidents;

import static io.enori.mcp.core.incidents.IncidentHarness.HTTP_503;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.incidents.IncidentHarness.assertIncidentNotFound;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetIncidentTest {
    private IncidentHarness h;
    private String shop;
    private String id;

    @BeforeEach
    void setUp() {
        h = new IncidentHarness();
        shop = h.monitor("Shop", h.site);
        id = h.open(shop, h.site);
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void returnsTheIncidentAndItsWholeTimelineOldestFirst() {
        h.clock.advance(Duration.ofMinutes(3));
        h.ok("acknowledge_incident", h.writer, args("incidentId", id, "note", "on it"));
        h.clock.advance(Duration.ofMinutes(2));
        h.ok("add_incident_update", h.writer2, args("incidentId", id, "message", "Rolled back the deploy"));
        h.clock.advance(Duration.ofMinutes(3));
        h.ok("resolve_incident", h.writer, args("incidentId", id, "resolutionNote", "Fixed the config"));
        h.clock.advance(Duration.ofHours(1));

        Map<String, Object> out = h.ok("get_incident", h.reader, args("incidentId", id));

        String cause = "2 consecutive failed checks; last: " + HTTP_503;
        assertThat(map(out.get("incident"))).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("id", id), Map.entry("monitorId", shop), Map.entry("status", "resolved"),
                Map.entry("cause", cause), Map.entry("startedAt", "2025-11-10T12:02:00Z"),
                Map.entry("acknowledgedAt", "2025-11-10T12:05:00Z"),
                Map.entry("acknowledgedBy", h.writer.principalId()),
                Map.entry("resolvedAt", "2025-11-10T12:10:00Z"), Map.entry("resolvedBy", h.writer.principalId()),
                Map.entry("resolutionNote", "Fixed the config"), Map.entry("durationMinutes", 8.0)));
        assertThat(list(out.get("timeline"))).containsExactly(
                Map.of("kind", "opened", "message", "Incident opened: " + cause, "author", "system",
                        "at", "2025-11-10T12:02:00Z"),
                Map.of("kind", "acknowledged", "message", "Acknowledged: on it", "author", h.writer.principalId(),
                        "at", "2025-11-10T12:05:00Z"),
                Map.of("kind", "update", "message", "Rolled back the deploy", "author", h.writer2.principalId(),
                        "at", "2025-11-10T12:07:00Z"),
                Map.of("kind", "resolved", "message", "Resolved: Fixed the config", "author",
                        h.writer.principalId(), "at", "2025-11-10T12:10:00Z"));
    }

    @Test
    void anActiveIncidentsDurationRunsToNow() {
        h.clock.advance(Duration.ofMinutes(7).plusSeconds(30));
        assertThat(h.incident(id)).containsEntry("status", "open").containsEntry("durationMinutes", 7.5);
        h.clock.advance(Duration.ofHours(2));
        assertThat(h.incident(id)).containsEntry("durationMinutes", 127.5);
    }

    @Test
    void authorsAreKeyIdsNotSecrets() {
        h.clock.advance(Duration.ofMinutes(1));
        h.ok("acknowledge_incident", h.writer, args("incidentId", id));

        List<Map<String, Object>> timeline = list(h.get(id).get("timeline"));
        assertThat(h.writer.principalId()).startsWith("key_");
        assertThat(timeline.get(1)).containsEntry("author", h.writer.principalId());
        assertThat((String) timeline.get(1).get("author")).doesNotStartWith("enr_");
    }

    @Test
    void unknownWellFormedIdIsIncidentNotFound() {
        assertIncidentNotFound(h.error("get_incident", h.reader, args("incidentId", "inc_NOSUCHINCIDENT")),
                "inc_NOSUCHINCIDENT");
    }

    @Test
    void malformedIdIsAnInvalidArgument() {
        assertInvalid(h.error("get_incident", h.reader, args("incidentId", "inc_!!")), "incidentId");
        assertInvalid(h.error("get_incident", h.reader, args("incidentId", shop)), "incidentId");
        assertInvalid(h.error("get_incident", h.reader, args("incidentId", "")), "incidentId");
        assertInvalid(h.error("get_incident", h.reader, args("incidentId", 42)), "incidentId");
        assertThat(assertInvalid(h.error("get_incident", h.reader, args()), "incidentId"))
                .isEqualTo("Invalid argument: incidentId is required");
        assertInvalid(h.error("get_incident", h.reader, args("incidentId", id, "verbose", true)), "verbose");
    }
}
