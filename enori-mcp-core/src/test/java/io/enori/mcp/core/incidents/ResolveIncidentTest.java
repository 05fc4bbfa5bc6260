package io.enori.mcp.core.incidents;

import static io.enori.mcp.core.incidents.IncidentHarness.HTTP_503;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.incidents.IncidentHarness.assertAlreadyResolved;
import static io.enori.mcp.core.incidents.IncidentHarness.assertIncidentNotFound;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.incidents.IncidentHarness.kinds;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentStatus;
import io.enori.mcp.api.ToolError;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResolveIncidentTest {
    private IncidentHarness h;
    private String shop;
    private String id;

    @BeforeEach
    void setUp() {
        h = new IncidentHarness();
        shop = h.monitor("Shop", h.site);
        id = h.open(shop, h.site);
        h.clock.advance(Duration.ofMinutes(8));
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void requiresAResolutionNote() {
        assertThat(assertInvalid(h.error("resolve_incident", h.writer, args("incidentId", id)), "resolutionNote"))
                .isEqualTo("Invalid argument: resolutionNote is required");
        assertThat(assertInvalid(h.error("resolve_incident", h.writer, args("incidentId", id,
                "resolutionNote", "   ")), "resolutionNote")).isEqualTo("Invalid argument: resolutionNote must not be empty");
        assertInvalid(h.error("resolve_incident", h.writer, args("incidentId", id,
                "resolutionNote", "x".repeat(2001))), "resolutionNote");

        assertThat(h.stored(id).status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(kinds(h.timeline(id))).containsExactly("opened");
    }

    @Test
    void resolvesWithTheCallersKeyAsResolver() {
        Map<String, Object> out = h.ok("resolve_incident", h.writer2,
                args("incidentId", id, "resolutionNote", "Restarted the pod"));

        assertThat(map(out.get("incident"))).containsEntry("id", id).containsEntry("status", "resolved")
                .containsEntry("resolvedAt", "2025-11-10T12:10:00Z").containsEntry("resolvedBy", h.writer2.principalId())
                .containsEntry("resolutionNote", "Restarted the pod").containsEntry("acknowledgedAt", null)
                .containsEntry("durationMinutes", 8.0);
        Incident stored = h.stored(id);
        assertThat(stored.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(stored.resolvedBy()).isEqualTo(h.writer2.principalId());
        assertThat(h.timeline(id)).extracting(e -> e.get("kind"), e -> e.get("author"), e -> e.get("message"))
                .containsExactly(
                        tuple("opened", "system",
                                "Incident opened: 2 consecutive failed checks; last: " + HTTP_503),
                        tuple("resolved", h.writer2.principalId(),
                                "Resolved: Restarted the pod"));
        assertThat(h.activeIds(h.reader)).isEmpty();
    }

    @Test
    void resolvingKeepsTheAcknowledgement() {
        h.ok("acknowledge_incident", h.writer, args("incidentId", id));
        h.clock.advance(Duration.ofMinutes(1));

        Map<String, Object> incident = map(h.ok("resolve_incident", h.writer2,
                args("incidentId", id, "resolutionNote", "Done")).get("incident"));

        assertThat(incident).containsEntry("acknowledgedBy", h.writer.principalId())
                .containsEntry("acknowledgedAt", "2025-11-10T12:10:00Z")
                .containsEntry("resolvedBy", h.writer2.principalId()).containsEntry("resolvedAt", "2025-11-10T12:11:00Z");
        assertThat(kinds(h.timeline(id))).containsExactly("opened", "acknowledged", "resolved");
    }

    @Test
    void aSecondResolveIsRefusedAndKeepsTheFirstResolution() {
        h.ok("resolve_incident", h.writer, args("incidentId", id, "resolutionNote", "First"));
        h.clock.advance(Duration.ofMinutes(1));

        ToolError error = h.error("resolve_incident", h.writer2, args("incidentId", id, "resolutionNote", "Second"));

        assertAlreadyResolved(error, id);
        assertThat(error.details()).containsEntry("resolvedAt", "2025-11-10T12:10:00Z");
        assertThat(h.incident(id)).containsEntry("resolutionNote", "First")
                .containsEntry("resolvedBy", h.writer.principalId());
        assertThat(kinds(h.timeline(id))).containsExactly("opened", "resolved");
    }

    @Test
    void resolvingARecoveredIncidentIsRefused() {
        h.recover(shop, h.site);

        assertAlreadyResolved(h.error("resolve_incident", h.writer, args("incidentId", id, "resolutionNote", "x")), id);
        assertThat(h.incident(id)).containsEntry("resolvedBy", null);
    }

    @Test
    void afterAManualResolveWhileStillFailingTheNextFailureOpensANewIncident() {
        h.ok("resolve_incident", h.writer, args("incidentId", id, "resolutionNote", "Thought it was fixed"));

        h.clock.advance(Duration.ofMinutes(1));
        Map<String, Object> out = h.check(shop);

        String reported = (String) out.get("incident");
        assertThat(reported).startsWith("opened inc_").isNotEqualTo("opened " + id);
        String reopened = reported.substring("opened ".length());
        assertThat(h.incident(reopened)).containsEntry("status", "open")
                .containsEntry("startedAt", "2025-11-10T12:11:00Z")
                .containsEntry("cause", "3 consecutive failed checks; last: " + HTTP_503);
        assertThat(h.incident(id)).containsEntry("status", "resolved")
                .containsEntry("resolutionNote", "Thought it was fixed");
        assertThat(h.activeIds(h.reader)).containsExactly(reopened);

        // Recovery now resolves the new one and leaves the manual resolution alone.
        assertThat(h.recover(shop, h.site)).isEqualTo("resolved " + reopened);
        assertThat(kinds(h.timeline(id))).containsExactly("opened", "resolved");
        assertThat(kinds(h.timeline(reopened))).containsExactly("opened", "recovered");
    }

    @Test
    void anUpCheckAfterAManualResolveLeavesItAlone() {
        h.ok("resolve_incident", h.writer, args("incidentId", id, "resolutionNote", "Fixed by hand"));

        assertThat(h.recover(shop, h.site)).isNull();

        assertThat(h.incident(id)).containsEntry("resolutionNote", "Fixed by hand")
                .containsEntry("resolvedBy", h.writer.principalId()).containsEntry("resolvedAt", "2025-11-10T12:10:00Z");
        assertThat(kinds(h.timeline(id))).containsExactly("opened", "resolved");
    }

    @Test
    void unknownAndMalformedIds() {
        assertIncidentNotFound(h.error("resolve_incident", h.writer, args("incidentId", "inc_MISSING0001",
                "resolutionNote", "x")), "inc_MISSING0001");
        assertInvalid(h.error("resolve_incident", h.writer, args("incidentId", "inc_", "resolutionNote", "x")),
                "incidentId");
        assertThat(h.stored(id).status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(h.stored(id).resolvedAt()).isNull();
    }
}
