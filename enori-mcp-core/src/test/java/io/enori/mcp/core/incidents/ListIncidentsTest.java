package io.enori.mcp.core.incidents;

import io.enori.mcp.core.testing.LocalSite;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.incidents.IncidentHarness.ids;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.longOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One account with three incidents from real checks, all read-only tests over it: {@code resolved} (Shop,
 * 12:02–12:03 by recovery), {@code acknowledged} (API, opened 12:05, acknowledged 12:06) and {@code open}
 * (Shop, opened 12:08). The clock then stands at 12:10.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListIncidentsTest {
    private IncidentHarness h;
    private String shop;
    private String api;
    private String resolved;
    private String acknowledged;
    private String open;

    @BeforeAll
    void setUp() {
        h = new IncidentHarness();
        LocalSite apiSite = h.newSite();
        shop = h.monitor("Shop", h.site);
        api = h.monitor("API", apiSite);
        resolved = h.open(shop, h.site);
        h.recover(shop, h.site);
        acknowledged = h.open(api, apiSite);
        h.clock.advance(Duration.ofMinutes(1));
        h.ok("acknowledge_incident", h.writer, args("incidentId", acknowledged));
        open = h.open(shop, h.site);
        h.clock.advance(Duration.ofMinutes(2));
    }

    @AfterAll
    void tearDown() {
        h.close();
    }

    private Map<String, Object> listing(Map<String, Object> args) {
        return h.ok("list_incidents", h.reader, args);
    }

    @Test
    void listsIncidentsNewestFirstWithTheirState() {
        Map<String, Object> out = listing(args());

        assertThat(ids(out.get("incidents"))).containsExactly(open, acknowledged, resolved);
        assertThat(longOf(out, "count")).isEqualTo(3);
        assertThat(out).containsEntry("nextCursor", null).containsEntry("note", null)
                .containsEntry("since", "2025-11-09T12:10:00Z").containsEntry("until", "2025-11-10T12:10:00Z")
                .containsEntry("tz", "UTC");
        List<Map<String, Object>> incidents = list(out.get("incidents"));
        assertThat(incidents).extracting(i -> i.get("status")).containsExactly("open", "acknowledged", "resolved");
        assertThat(incidents).extracting(i -> i.get("monitorId")).containsExactly(shop, api, shop);
        assertThat(incidents.get(0)).containsEntry("startedAt", "2025-11-10T12:08:00Z")
                .containsEntry("durationMinutes", 2.0);
        assertThat(incidents.get(1)).containsEntry("acknowledgedBy", h.writer.principalId())
                .containsEntry("acknowledgedAt", "2025-11-10T12:06:00Z").containsEntry("durationMinutes", 5.0);
        assertThat(incidents.get(2)).containsEntry("resolvedAt", "2025-11-10T12:03:00Z")
                .containsEntry("resolvedBy", null).containsEntry("durationMinutes", 1.0);
    }

    @Test
    void pagesOneIncidentAtATimeWithCursors() {
        List<String> seen = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = listing(cursor == null ? args("limit", 1) : args("limit", 1, "cursor", cursor));
            assertThat(longOf(page, "count")).isEqualTo(1);
            assertThat(page).containsEntry("note", null);
            seen.addAll(ids(page.get("incidents")));
            cursor = (String) page.get("nextCursor");
            cursors.add(cursor);
            assertThat(seen).as("paging terminates").hasSizeLessThanOrEqualTo(3);
        } while (cursor != null);

        assertThat(seen).containsExactly(open, acknowledged, resolved);
        assertThat(cursors).hasSize(3).doesNotHaveDuplicates();
        assertThat(cursors.get(2)).isNull();
    }

    @Test
    void pagingKeepsTheFilter() {
        Map<String, Object> first = listing(args("monitorId", shop, "limit", 1));
        Map<String, Object> second = listing(args("monitorId", shop, "limit", 1,
                "cursor", first.get("nextCursor")));

        assertThat(ids(first.get("incidents"))).containsExactly(open);
        assertThat(ids(second.get("incidents"))).containsExactly(resolved);
        assertThat(second).containsEntry("nextCursor", null);
    }

    @Test
    void filtersByStatus() {
        assertThat(ids(listing(args("status", "open")).get("incidents"))).containsExactly(open);
        assertThat(ids(listing(args("status", "acknowledged")).get("incidents"))).containsExactly(acknowledged);
        assertThat(ids(listing(args("status", "resolved")).get("incidents"))).containsExactly(resolved);
        assertThat(ids(listing(args("status", "RESOLVED")).get("incidents"))).containsExactly(resolved);
    }

    @Test
    void filtersByMonitorAndCombinesFilters() {
        assertThat(ids(listing(args("monitorId", shop)).get("incidents"))).containsExactly(open, resolved);
        assertThat(ids(listing(args("monitorId", api)).get("incidents"))).containsExactly(acknowledged);
        assertThat(ids(listing(args("monitorId", shop, "status", "resolved")).get("incidents")))
                .containsExactly(resolved);

        Map<String, Object> none = listing(args("monitorId", api, "status", "resolved"));
        assertThat(list(none.get("incidents"))).isEmpty();
        assertThat(none).containsEntry("count", 0).containsEntry("note", "No incidents started in this range.");
        assertThat(list(listing(args("monitorId", "mon_NOSUCHMONITOR0")).get("incidents"))).isEmpty();
    }

    @Test
    void rangeSelectsByStartTimeHalfOpen() {
        assertThat(ids(listing(args("since", "2025-11-10T12:05:00Z", "until", "2025-11-10T12:08:00Z"))
                .get("incidents"))).containsExactly(acknowledged);
        assertThat(ids(listing(args("since", "2025-11-10T12:05:00Z", "until", "2025-11-10T12:08:00.001Z"))
                .get("incidents"))).containsExactly(open, acknowledged);
        assertThat(ids(listing(args("since", "2025-11-10T12:02:00.001Z")).get("incidents")))
                .containsExactly(open, acknowledged);
    }

    @Test
    void echoesTheRangeAndRendersTimesInTheRequestedZone() {
        Map<String, Object> out = listing(args("since", "2025-11-10T13:04:00", "until", "2025-11-10T13:06:00",
                "tz", "Europe/Berlin"));

        assertThat(out).containsEntry("since", "2025-11-10T13:04:00+01:00")
                .containsEntry("until", "2025-11-10T13:06:00+01:00").containsEntry("tz", "Europe/Berlin");
        assertThat(list(out.get("incidents"))).singleElement().satisfies(i -> assertThat(i)
                .containsEntry("id", acknowledged).containsEntry("startedAt", "2025-11-10T13:05:00+01:00")
                .containsEntry("acknowledgedAt", "2025-11-10T13:06:00+01:00"));

        Map<String, Object> byDate = listing(args("since", "2025-11-10", "tz", "Europe/Berlin"));
        assertThat(byDate).containsEntry("since", "2025-11-10T00:00:00+01:00")
                .containsEntry("until", "2025-11-10T13:10:00+01:00");
        assertThat(list(byDate.get("incidents"))).extracting(i -> i.get("resolvedAt"))
                .containsExactly(null, null, "2025-11-10T13:03:00+01:00");
    }

    @Test
    void emptyRangeSaysWhy() {
        Map<String, Object> out = listing(args("since", "2025-11-01T00:00:00Z", "until", "2025-11-02T00:00:00Z"));

        assertThat(list(out.get("incidents"))).isEmpty();
        assertThat(out).containsEntry("count", 0).containsEntry("nextCursor", null)
                .containsEntry("note", "No incidents started in this range.");
    }

    @Test
    void badStatusIsAnInvalidArgumentListingTheAllowedValues() {
        String message = assertInvalid(h.error("list_incidents", h.reader, args("status", "closed")), "status");
        assertThat(message).isEqualTo("Invalid argument: status must be one of open, acknowledged, resolved "
                + "(got 'closed')");
    }

    @Test
    void otherBadArgumentsNameTheirField() {
        assertInvalid(h.error("list_incidents", h.reader, args("monitorId", "inc_ABC")), "monitorId");
        assertInvalid(h.error("list_incidents", h.reader, args("limit", 0)), "limit");
        assertInvalid(h.error("list_incidents", h.reader, args("limit", 201)), "limit");
        assertInvalid(h.error("list_incidents", h.reader, args("tz", "Mars/Olympus")), "tz");
        assertInvalid(h.error("list_incidents", h.reader, args("since", "yesterday")), "since");
        assertInvalid(h.error("list_incidents", h.reader, args("cursor", "bm90IGEgY3Vyc29y")), "cursor");
        assertInvalid(h.error("list_incidents", h.reader, args("severity", "high")), "severity");
    }

    @Test
    void aCursorFromActiveIncidentsIsNotAListIncidentsCursor() {
        String foreign = (String) h.ok("get_active_incidents", h.reader, args("limit", 1)).get("nextCursor");
        assertThat(foreign).isNotNull();

        assertInvalid(h.error("list_incidents", h.reader, args("cursor", foreign)), "cursor");
    }
}
