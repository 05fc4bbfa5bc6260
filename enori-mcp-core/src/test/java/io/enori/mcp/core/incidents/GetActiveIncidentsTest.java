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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetActiveIncidentsTest {
    private IncidentHarness h;

    @BeforeEach
    void setUp() {
        h = new IncidentHarness();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void listsOnlyOpenAndAcknowledgedIncidentsHoweverOld() {
        LocalSite apiSite = h.newSite();
        LocalSite dbSite = h.newSite();
        String shop = h.monitor("Shop", h.site);
        String api = h.monitor("API", apiSite);
        String db = h.monitor("DB", dbSite);
        String recovered = h.open(shop, h.site);
        h.recover(shop, h.site);
        String acknowledged = h.open(api, apiSite);
        h.ok("acknowledge_incident", h.writer, args("incidentId", acknowledged));
        String open = h.open(db, dbSite);

        h.clock.advance(Duration.ofDays(30));
        Map<String, Object> out = h.ok("get_active_incidents", h.reader, args());

        assertThat(ids(out.get("incidents"))).containsExactly(open, acknowledged).doesNotContain(recovered);
        assertThat(longOf(out, "count")).isEqualTo(2);
        assertThat(out).containsEntry("nextCursor", null).containsEntry("note", null);
        List<Map<String, Object>> incidents = list(out.get("incidents"));
        assertThat(incidents.get(0)).containsEntry("status", "open").containsEntry("monitorId", db)
                .containsEntry("startedAt", "2025-11-10T12:07:00Z").containsEntry("durationMinutes", 43_200.0);
        assertThat(incidents.get(1)).containsEntry("status", "acknowledged").containsEntry("monitorId", api)
                .containsEntry("acknowledgedBy", h.writer.principalId());
        // The same incidents are outside list_incidents' default 24 h.
        assertThat(h.ok("list_incidents", h.reader, args())).containsEntry("count", 0);
    }

    @Test
    void emptyWhenNothingIsBroken() {
        String shop = h.monitor("Shop", h.site);
        Map<String, Object> before = h.ok("get_active_incidents", h.reader, args());
        assertThat(list(before.get("incidents"))).isEmpty();
        assertThat(before).containsEntry("count", 0).containsEntry("note", "No active incidents.");

        String id = h.open(shop, h.site);
        assertThat(h.activeIds(h.reader)).containsExactly(id);

        h.recover(shop, h.site);
        Map<String, Object> after = h.ok("get_active_incidents", h.reader, args());
        assertThat(list(after.get("incidents"))).isEmpty();
        assertThat(after).containsEntry("note", "No active incidents.");
    }

    @Test
    void pagesWithCursors() {
        LocalSite apiSite = h.newSite();
        String shop = h.monitor("Shop", h.site);
        String api = h.monitor("API", apiSite);
        String older = h.open(shop, h.site);
        String newer = h.open(api, apiSite);

        Map<String, Object> first = h.ok("get_active_incidents", h.reader, args("limit", 1));
        Map<String, Object> second = h.ok("get_active_incidents", h.reader,
                args("limit", 1, "cursor", first.get("nextCursor")));

        assertThat(ids(first.get("incidents"))).containsExactly(newer);
        assertThat(first.get("nextCursor")).isNotNull();
        assertThat(ids(second.get("incidents"))).containsExactly(older);
        assertThat(second).containsEntry("nextCursor", null).containsEntry("note", null);
        assertInvalid(h.error("get_active_incidents", h.reader, args("cursor", "xyz")), "cursor");
        assertInvalid(h.error("get_active_incidents", h.reader, args("status", "open")), "status");
    }

    @Test
    void incidentsStartedAtTheSameInstantPageWithoutGapsOrRepeats() {
        List<LocalSite> sites = List.of(h.site, h.newSite(), h.newSite());
        List<String> monitors = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            monitors.add(h.monitor("Node " + i, sites.get(i)));
            sites.get(i).unavailable();
        }
        Set<String> opened = new HashSet<>();
        for (int round = 0; round < 2; round++) {
            h.clock.advance(Duration.ofMinutes(1));
            monitors.forEach(m -> {
                Object reported = h.check(m).get("incident");
                if (reported != null) {
                    opened.add(((String) reported).substring("opened ".length()));
                }
            });
        }
        h.clock.advance(Duration.ofMinutes(1));
        assertThat(opened).hasSize(3);

        for (String tool : List.of("get_active_incidents", "list_incidents")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                Map<String, Object> page = h.ok(tool, h.reader,
                        cursor == null ? args("limit", "1") : args("limit", "1", "cursor", cursor));
                seen.addAll(ids(page.get("incidents")));
                cursor = (String) page.get("nextCursor");
                assertThat(seen).as("%s terminates", tool).hasSizeLessThanOrEqualTo(3);
            } while (cursor != null);
            assertThat(seen).as(tool).containsExactlyInAnyOrderElementsOf(opened);
            assertThat(list(h.ok(tool, h.reader, args()).get("incidents"))).extracting(i -> i.get("id"))
                    .as("%s without paging, same order", tool).containsExactlyElementsOf(seen);
        }
    }
}
