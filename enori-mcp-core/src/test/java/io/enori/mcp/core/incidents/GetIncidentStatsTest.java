package io.enori.mcp.core.incidents;

import io.enori.mcp.core.testing.LocalSite;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.testing.ToolCalls.longOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetIncidentStatsTest {
    private IncidentHarness h;
    private String shop;

    @BeforeEach
    void setUp() {
        h = new IncidentHarness();
        shop = h.monitor("Shop", h.site);
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private Map<String, Object> stats(Map<String, Object> args) {
        return h.ok("get_incident_stats", h.reader, args);
    }

    private static void assertCounts(Map<String, Object> out, long total, long active, long acknowledged,
                                     long resolved) {
        assertThat(longOf(out, "total")).as("total").isEqualTo(total);
        assertThat(longOf(out, "active")).as("active").isEqualTo(active);
        assertThat(longOf(out, "acknowledged")).as("acknowledged").isEqualTo(acknowledged);
        assertThat(longOf(out, "resolved")).as("resolved").isEqualTo(resolved);
    }

    /** Opened at T (12:02), acknowledged at T+3 min, resolved at T+15 min. */
    private String acknowledgedThenResolved() {
        String id = h.open(shop, h.site);
        h.clock.advance(Duration.ofMinutes(3));
        h.ok("acknowledge_incident", h.writer, args("incidentId", id));
        h.clock.advance(Duration.ofMinutes(12));
        h.ok("resolve_incident", h.writer2, args("incidentId", id, "resolutionNote", "Scaled up"));
        return id;
    }

    @Test
    void exactMeanTimesForOneControlledIncident() {
        acknowledgedThenResolved();
        h.clock.advance(Duration.ofMinutes(1));

        Map<String, Object> out = stats(args());

        assertCounts(out, 1, 0, 1, 1);
        assertThat(out).containsEntry("mttaMinutes", 3.0).containsEntry("mttrMinutes", 15.0)
                .containsEntry("note", null).containsEntry("since", "2025-11-09T12:18:00Z")
                .containsEntry("until", "2025-11-10T12:18:00Z").containsEntry("tz", "UTC");
    }

    @Test
    void meansAverageOverIncidentsAndRecoveryCountsAsResolution() {
        acknowledgedThenResolved();
        LocalSite apiSite = h.newSite();
        LocalSite dbSite = h.newSite();
        String api = h.monitor("API", apiSite);
        String db = h.monitor("DB", dbSite);
        // Opened 12:19, recovered 12:24 without anyone acknowledging: MTTR 5 min.
        h.open(api, apiSite);
        h.clock.advance(Duration.ofMinutes(4));
        assertThat(h.recover(api, apiSite)).startsWith("resolved ");
        // Opened 12:26, acknowledged 20 s later, still active.
        String stillOpen = h.open(db, dbSite);
        h.clock.advance(Duration.ofSeconds(20));
        h.ok("acknowledge_incident", h.writer, args("incidentId", stillOpen));
        h.clock.advance(Duration.ofMinutes(1));

        Map<String, Object> out = stats(args());

        assertCounts(out, 3, 1, 2, 2);
        // MTTA (180 s + 20 s) / 2 = 100 s = 1.67 min, reported to one decimal; MTTR (900 s + 300 s) / 2.
        assertThat(out).containsEntry("mttaMinutes", 1.7).containsEntry("mttrMinutes", 10.0);

        Map<String, Object> later = stats(args("since", "2025-11-10T12:19:00Z"));
        assertCounts(later, 2, 1, 1, 1);
        assertThat(later).containsEntry("mttaMinutes", 0.3).containsEntry("mttrMinutes", 5.0);
    }

    @Test
    void meansAreNullWhileNothingWasAcknowledgedOrResolved() {
        h.open(shop, h.site);
        h.clock.advance(Duration.ofMinutes(5));

        Map<String, Object> out = stats(args());

        assertCounts(out, 1, 1, 0, 0);
        assertThat(out).containsEntry("mttaMinutes", null).containsEntry("mttrMinutes", null)
                .containsEntry("note", null);
    }

    @Test
    void noIncidentsMeansZeroCountsNullMeansAndANote() {
        Map<String, Object> out = stats(args());

        assertCounts(out, 0, 0, 0, 0);
        assertThat(out).containsEntry("mttaMinutes", null).containsEntry("mttrMinutes", null)
                .containsEntry("note", "No incidents started in this range.");
    }

    @Test
    void countsIncidentsStartedInTheRangeAndEchoesItInTheRequestedZone() {
        acknowledgedThenResolved();
        h.clock.advance(Duration.ofDays(2));

        assertCounts(stats(args()), 0, 0, 0, 0);
        Map<String, Object> berlin = stats(args("since", "2025-11-10", "until", "2025-11-11", "tz", "Europe/Berlin"));
        assertCounts(berlin, 1, 0, 1, 1);
        assertThat(berlin).containsEntry("since", "2025-11-10T00:00:00+01:00")
                .containsEntry("until", "2025-11-11T00:00:00+01:00").containsEntry("tz", "Europe/Berlin")
                .containsEntry("mttrMinutes", 15.0);
        assertCounts(stats(args("since", "2025-11-10T12:02:00.001Z", "until", "2025-11-11T00:00:00Z")),
                0, 0, 0, 0);
    }

    @Test
    void badRangeIsAnInvalidArgument() {
        assertInvalid(h.error("get_incident_stats", h.reader, args("since", "2025-11-10T12:00:00Z",
                "until", "2025-11-10T11:00:00Z")), "since");
        assertInvalid(h.error("get_incident_stats", h.reader, args("tz", "Nowhere/Special")), "tz");
        assertInvalid(h.error("get_incident_stats", h.reader, args("monitorId", shop)), "monitorId");
    }
}
