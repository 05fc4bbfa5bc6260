package io.enori.mcp.core.alerts;

import static io.enori.mcp.core.alerts.AlertLiveActivityTest.TOKEN;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.LiveActivityToken;
import io.enori.mcp.api.ToolError;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** register_live_activity_token: what it stores, and who may register what. */
class AlertLiveActivityTokenToolTest {
    private AlertHarness h;
    private String incident;

    @BeforeEach
    void setUp() {
        h = new AlertHarness();
        incident = h.open(h.monitor("Shop"));
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void storesTheTokenWithWhoRegisteredItAndAnswersWhatHappensNext() {
        Map<String, Object> out = h.ok("register_live_activity_token", h.writer, args("incidentId", incident,
                "token", "  " + TOKEN + " ", "platform", "IPADOS", "label", "Dana's iPad"));

        assertThat(out).containsEntry("incidentId", incident).containsEntry("platform", "ipados")
                .containsEntry("label", "Dana's iPad").containsEntry("created", true)
                .containsEntry("registeredAt", "2025-11-10T12:02:00Z");
        assertThat((String) out.get("note")).contains("pushed");
        assertThat(h.enori.storage().liveActivities().listForIncident(h.writer.accountId(), incident))
                .containsExactly(new LiveActivityToken(h.writer.accountId(), incident, TOKEN, "ipados",
                        "Dana's iPad", h.writer.principalId(), AlertHarness.START.plusSeconds(120)));
        assertThat(h.ok("register_live_activity_token", h.writer, args("incidentId", incident, "token", TOKEN)))
                .containsEntry("platform", "ios").containsEntry("created", false);
    }

    @Test
    void rejectsTokensThatAreNotHexOrBase64OrOutOfBounds() {
        for (String bad : new String[] {"short", "not a token with spaces!", "x".repeat(513), "é".repeat(20)}) {
            assertInvalid(h.error("register_live_activity_token", h.writer, args("incidentId", incident,
                    "token", bad)), "token");
        }
        assertInvalid(h.error("register_live_activity_token", h.writer, args("incidentId", incident)), "token");
        assertInvalid(h.error("register_live_activity_token", h.writer, args("incidentId", incident, "token",
                TOKEN, "platform", "android")), "platform");
        assertInvalid(h.error("register_live_activity_token", h.writer, args("incidentId", "incident-1",
                "token", TOKEN)), "incidentId");
        assertThat(h.enori.storage().liveActivities().listForIncident(h.writer.accountId(), incident)).isEmpty();
    }

    @Test
    void aReaderGetsInsufficientScope() {
        ToolError error = h.error("register_live_activity_token", h.reader, args("incidentId", incident,
                "token", TOKEN));

        assertThat(error.message()).isEqualTo("Insufficient scope");
        assertThat(error.details()).containsEntry("requiredScope", "incidents:write");
    }

    @Test
    void anotherAccountsIncidentIsNotFoundLikeAMissingOne() {
        ToolError foreign = h.error("register_live_activity_token", h.outsider, args("incidentId", incident,
                "token", TOKEN));
        ToolError missing = h.error("register_live_activity_token", h.outsider, args("incidentId",
                "inc_DOESNOTEXIST00", "token", TOKEN));

        assertThat(foreign.message()).isEqualTo(missing.message()).isEqualTo("Incident not found");
        assertThat(foreign.details()).containsOnly(Map.entry("incidentId", incident));
        assertThat(h.enori.storage().liveActivities().listForIncident(h.writer.accountId(), incident)).isEmpty();
    }

    @Test
    void aResolvedIncidentTakesNoNewToken() {
        h.ok("resolve_incident", h.writer, args("incidentId", incident, "resolutionNote", "Fixed"));

        ToolError error = h.error("register_live_activity_token", h.writer, args("incidentId", incident,
                "token", TOKEN));

        assertThat(error.message()).isEqualTo("Incident already resolved");
        assertThat(error.details()).containsEntry("incidentId", incident);
    }
}
