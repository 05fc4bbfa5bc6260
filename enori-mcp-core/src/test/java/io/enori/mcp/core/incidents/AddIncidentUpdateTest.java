package io.enori.mcp.core.incidents;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.incidents.IncidentHarness.assertIncidentNotFound;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.incidents.IncidentHarness.kinds;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.IncidentStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AddIncidentUpdateTest {
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
    void appendsUpdatesInOrderWithTheirAuthors() {
        h.clock.advance(Duration.ofMinutes(1));
        Map<String, Object> first = h.ok("add_incident_update", h.writer,
                args("incidentId", id, "message", "Investigating elevated 503s"));
        h.clock.advance(Duration.ofMinutes(1));
        Map<String, Object> second = h.ok("add_incident_update", h.writer2,
                args("incidentId", id, "message", "Rolled back the deploy; watching error rates"));

        assertThat(kinds(list(first.get("timeline")))).containsExactly("opened", "update");
        assertThat(map(second.get("incident"))).containsEntry("id", id).containsEntry("status", "open");
        List<Map<String, Object>> timeline = list(second.get("timeline"));
        assertThat(timeline).isEqualTo(h.timeline(id));
        assertThat(timeline.subList(1, 3)).containsExactly(
                Map.of("kind", "update", "message", "Investigating elevated 503s", "author", h.writer.principalId(),
                        "at", "2025-11-10T12:03:00Z"),
                Map.of("kind", "update", "message", "Rolled back the deploy; watching error rates",
                        "author", h.writer2.principalId(), "at", "2025-11-10T12:04:00Z"));
        assertThat(h.stored(id).status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(h.stored(id).acknowledgedAt()).as("an update is not an acknowledgement").isNull();
    }

    @Test
    void worksOnResolvedIncidents() {
        h.recover(shop, h.site);
        h.clock.advance(Duration.ofHours(20));

        Map<String, Object> out = h.ok("add_incident_update", h.writer,
                args("incidentId", id, "message", "Post-mortem: https://wiki.example.com/pm/42"));

        assertThat(map(out.get("incident"))).containsEntry("status", "resolved")
                .containsEntry("resolvedAt", "2025-11-10T12:03:00Z");
        assertThat(kinds(list(out.get("timeline")))).containsExactly("opened", "recovered", "update");
        assertThat(list(out.get("timeline")).get(2)).containsEntry("at", "2025-11-11T08:03:00Z")
                .containsEntry("author", h.writer.principalId());
        assertThat(h.stored(id).status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void messageIsRequiredAndBounded() {
        assertThat(assertInvalid(h.error("add_incident_update", h.writer, args("incidentId", id)), "message"))
                .isEqualTo("Invalid argument: message is required");
        assertInvalid(h.error("add_incident_update", h.writer, args("incidentId", id, "message", " ")), "message");
        assertInvalid(h.error("add_incident_update", h.writer, args("incidentId", id, "message", "x".repeat(2001))),
                "message");
        assertIncidentNotFound(h.error("add_incident_update", h.writer,
                args("incidentId", "inc_MISSING0001", "message", "hello")), "inc_MISSING0001");
        assertThat(kinds(h.timeline(id))).containsExactly("opened");
    }
    @Test
    void updatesWrittenInTheSameMillisecondKeepTheirOrder() {
        h.clock.advance(Duration.ofMinutes(1));
        List<String> written = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            written.add("Update " + i);
            h.ok("add_incident_update", h.writer, args("incidentId", id, "message", "Update " + i));
        }

        List<String> read = h.timeline(id).stream().filter(e -> "update".equals(e.get("kind")))
                .map(e -> (String) e.get("message")).collect(Collectors.toList());
        assertThat(read).containsExactlyElementsOf(written);
    }
}
