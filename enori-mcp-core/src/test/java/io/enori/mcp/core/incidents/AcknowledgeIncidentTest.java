package io.enori.mcp.core.incidents;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.incidents.IncidentHarness.assertAlreadyResolved;
import static io.enori.mcp.core.incidents.IncidentHarness.assertIncidentNotFound;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.incidents.IncidentHarness.kinds;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentStatus;
import io.enori.mcp.api.ToolError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AcknowledgeIncidentTest {
    private IncidentHarness h;
    private String shop;
    private String id;

    @BeforeEach
    void setUp() {
        h = new IncidentHarness();
        shop = h.monitor("Shop", h.site);
        id = h.open(shop, h.site);
        h.clock.advance(Duration.ofMinutes(3));
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void recordsWhoAcknowledgedAndWhen() {
        Map<String, Object> out = h.ok("acknowledge_incident", h.writer, args("incidentId", id));

        assertThat(out).containsEntry("changed", true);
        assertThat(map(out.get("incident"))).containsEntry("id", id).containsEntry("status", "acknowledged")
                .containsEntry("acknowledgedAt", "2025-11-10T12:05:00Z")
                .containsEntry("acknowledgedBy", h.writer.principalId()).containsEntry("resolvedAt", null)
                .containsEntry("durationMinutes", 3.0);
        Incident stored = h.stored(id);
        assertThat(stored.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(stored.acknowledgedAt()).isEqualTo(Instant.parse("2025-11-10T12:05:00Z"));
        assertThat(stored.acknowledgedBy()).isEqualTo(h.writer.principalId());
        assertThat(h.timeline(id).get(1)).isEqualTo(Map.of("kind", "acknowledged", "message", "Acknowledged",
                "author", h.writer.principalId(), "at", "2025-11-10T12:05:00Z"));
    }

    @Test
    void anOptionalNoteGoesOnTheTimeline() {
        h.ok("acknowledge_incident", h.writer, args("incidentId", id, "note", "  Looking at the load balancer  "));

        assertThat(h.timeline(id).get(1)).containsEntry("message", "Acknowledged: Looking at the load balancer");
    }

    @Test
    void acknowledgingAgainChangesNothing() {
        h.ok("acknowledge_incident", h.writer, args("incidentId", id));
        h.clock.advance(Duration.ofMinutes(2));

        Map<String, Object> again = h.ok("acknowledge_incident", h.writer2, args("incidentId", id, "note", "me too"));

        assertThat(again).containsEntry("changed", false);
        assertThat(map(again.get("incident"))).containsEntry("status", "acknowledged")
                .containsEntry("acknowledgedBy", h.writer.principalId())
                .containsEntry("acknowledgedAt", "2025-11-10T12:05:00Z");
        assertThat(kinds(h.timeline(id))).containsExactly("opened", "acknowledged");
        assertThat(h.stored(id).acknowledgedBy()).isEqualTo(h.writer.principalId());
    }

    @Test
    void anAcknowledgedIncidentStaysActiveAndFurtherFailuresOpenNoOther() {
        h.ok("acknowledge_incident", h.writer, args("incidentId", id));
        h.clock.advance(Duration.ofMinutes(1));

        assertThat(h.check(shop)).containsEntry("incident", null);

        assertThat(h.activeIds(h.reader)).containsExactly(id);
        assertThat(h.incident(id)).containsEntry("status", "acknowledged");
    }

    @Test
    void acknowledgingAResolvedIncidentFails() {
        h.recover(shop, h.site);
        List<String> before = kinds(h.timeline(id));

        ToolError error = h.error("acknowledge_incident", h.writer, args("incidentId", id));

        assertAlreadyResolved(error, id);
        assertThat(error.details()).containsEntry("resolvedAt", "2025-11-10T12:06:00Z");
        assertThat(h.stored(id).acknowledgedAt()).isNull();
        assertThat(kinds(h.timeline(id))).isEqualTo(before).containsExactly("opened", "recovered");
    }

    @Test
    void unknownAndMalformedIds() {
        assertIncidentNotFound(h.error("acknowledge_incident", h.writer, args("incidentId", "inc_MISSING0001")),
                "inc_MISSING0001");
        assertInvalid(h.error("acknowledge_incident", h.writer, args("incidentId", "incident-1")), "incidentId");
        assertInvalid(h.error("acknowledge_incident", h.writer, args("incidentId", id, "note", "x".repeat(2001))),
                "note");
        assertThat(h.stored(id).status()).isEqualTo(IncidentStatus.OPEN);
    }
}
