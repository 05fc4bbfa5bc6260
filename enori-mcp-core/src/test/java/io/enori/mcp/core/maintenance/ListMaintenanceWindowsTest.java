package io.enori.mcp.core.maintenance;

import static io.enori.mcp.core.testing.OpsHarness.assertInsufficientScope;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Scope;
import io.enori.mcp.core.testing.OpsHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListMaintenanceWindowsTest {
    private OpsHarness h;

    @BeforeEach
    void setUp() {
        h = OpsHarness.create();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private String create(String name, String startsAt, int minutes, List<String> monitorIds) {
        return (String) map(h.ok("create_maintenance_window", h.admin, args("name", name, "startsAt", startsAt,
                "durationMinutes", minutes, "monitorIds", monitorIds)).get("window")).get("id");
    }

    private List<Map<String, Object>> windows(Map<String, Object> args) {
        return list(h.ok("list_maintenance_windows", h.reader, args).get("windows"));
    }

    private static List<Object> ids(List<Map<String, Object>> windows) {
        return windows.stream().map(w -> w.get("id")).collect(Collectors.toList());
    }

    @Test
    void aWindowMovesFromScheduledToActiveToCompletedAsTimePasses() {
        String shop = h.monitor("Shop");
        String id = create("DB upgrade", "2025-11-10T13:00:00Z", 30, List.of(shop));

        Map<String, Object> scheduled = windows(args()).get(0);
        assertThat(scheduled).containsEntry("id", id).containsEntry("state", "scheduled")
                .containsEntry("remainingMinutes", null);
        assertThat(ids(windows(args("state", "scheduled")))).containsExactly(id);
        assertThat(windows(args("state", "active"))).isEmpty();

        h.clock.advance(Duration.ofMinutes(70));
        Map<String, Object> active = windows(args()).get(0);
        assertThat(active).containsEntry("state", "active").containsEntry("remainingMinutes", 20.0);
        assertThat(ids(windows(args("state", "active")))).containsExactly(id);
        assertThat(windows(args("state", "scheduled"))).isEmpty();

        h.clock.advance(Duration.ofMinutes(20));
        Map<String, Object> completed = windows(args()).get(0);
        assertThat(completed).containsEntry("state", "completed").containsEntry("remainingMinutes", null);
        assertThat(ids(windows(args("state", "completed")))).containsExactly(id);
        assertThat(windows(args("state", "active"))).isEmpty();
    }

    @Test
    void showsCoveredMonitorsByNameOrAllMonitors() {
        String shop = h.monitor("Shop");
        String api = h.monitor("API");
        create("Two", "2025-11-10T14:00:00Z", 30, List.of(api, shop));
        create("All", "2025-11-10T13:00:00Z", 30, List.of());

        List<Map<String, Object>> out = windows(args());

        assertThat(out.get(0)).containsEntry("name", "Two").containsEntry("appliesTo", "2 monitors")
                .containsEntry("createdBy", h.admin.principalId());
        assertThat(list(out.get(0).get("monitors"))).containsExactly(Map.of("id", api, "name", "API"),
                Map.of("id", shop, "name", "Shop"));
        assertThat(out.get(1)).containsEntry("name", "All").containsEntry("appliesTo", "all monitors");
        assertThat(list(out.get(1).get("monitors"))).isEmpty();
    }

    @Test
    void filtersByOverlapWithSinceAndUntilAndEchoesThemInTz() {
        String early = create("Early", "2025-11-10T13:00:00Z", 60, List.of());
        String late = create("Late", "2025-11-12T13:00:00Z", 60, List.of());

        Map<String, Object> out = h.ok("list_maintenance_windows", h.reader,
                args("since", "2025-11-11", "tz", "Europe/Berlin"));

        assertThat(ids(list(out.get("windows")))).containsExactly(late);
        assertThat(out).containsEntry("since", "2025-11-11T00:00:00+01:00").containsEntry("until", null)
                .containsEntry("tz", "Europe/Berlin");
        assertThat(map(list(out.get("windows")).get(0))).containsEntry("startsAt", "2025-11-12T14:00:00+01:00");
        assertThat(ids(windows(args("until", "2025-11-11T00:00:00Z")))).containsExactly(early);
        assertThat(ids(windows(args("since", "2025-11-10T13:30:00Z", "until", "2025-11-12T13:00:00Z"))))
                .containsExactly(early);
        assertThat(h.ok("list_maintenance_windows", h.reader, args("state", "completed")))
                .containsEntry("note", "No maintenance windows match these filters.");
        assertThat(assertInvalid(h.error("list_maintenance_windows", h.reader,
                args("since", "2025-11-12", "until", "2025-11-11")), "since")).contains("before until");
    }

    @Test
    void pagesLatestStartFirstWithCursors() {
        List<String> created = new ArrayList<>();
        for (int day = 11; day <= 15; day++) {
            created.add(0, create("Day " + day, "2025-11-" + day + "T10:00:00Z", 30, List.of()));
        }

        List<Object> seen = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = h.ok("list_maintenance_windows", h.reader,
                    cursor == null ? args("limit", 2) : args("limit", 2, "cursor", cursor));
            seen.addAll(ids(list(page.get("windows"))));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null && seen.size() <= created.size());

        assertThat(seen).containsExactlyElementsOf(created);
        assertInvalid(h.error("list_maintenance_windows", h.reader, args("cursor", "bogus")), "cursor");
        String otherToolsCursor = (String) h.ok("list_monitors", h.reader, args("limit", 1)).get("nextCursor");
        assertThat(otherToolsCursor).isNull();
    }

    @Test
    void badArgumentsNameTheFieldAndTheAllowedValues() {
        assertThat(assertInvalid(h.error("list_maintenance_windows", h.reader, args("state", "running")), "state"))
                .contains("scheduled, active, completed");
        assertThat(assertInvalid(h.error("list_maintenance_windows", h.reader, args("since", "yesterday")), "since"))
                .contains("ISO-8601");
        assertInvalid(h.error("list_maintenance_windows", h.reader, args("limit", 500)), "limit");
    }

    @Test
    void anotherAccountsWindowsAreInvisibleAndTheReadScopeIsRequired() {
        create("Ours", "2025-11-10T13:00:00Z", 30, List.of());

        Map<String, Object> theirs = h.ok("list_maintenance_windows", h.outsider, args());
        assertThat(theirs).containsEntry("count", 0);
        assertThat((String) theirs.get("note")).contains("No maintenance windows yet");
        assertInsufficientScope(h.error("list_maintenance_windows", h.without(Scope.MONITORS_READ), args()),
                Scope.MONITORS_READ);
    }
}
