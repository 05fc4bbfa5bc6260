package io.enori.mcp.core.monitors;

import io.enori.mcp.core.testing.ToolCalls;
import io.enori.mcp.core.testing.LocalSite;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.monitors.ToolHarness.assertNotFound;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.longOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.ToolError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetCheckResultsTest {
    private ToolHarness h;
    private LocalSite site;
    private String id;

    @BeforeEach
    void setUp() {
        h = ToolHarness.create();
        site = LocalSite.start();
        id = h.createWebsite("Site", site.url());
    }

    @AfterEach
    void tearDown() {
        site.close();
        h.close();
    }

    /** Five checks one minute apart from 12:00 to 12:04 UTC, the fourth one down; the clock ends at 12:05. */
    private List<String> fiveChecks() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            if (i == 3) {
                site.unavailable();
            } else {
                site.healthy();
            }
            ids.add((String) ToolCalls.map(h.checkNow(id).get("result")).get("id"));
            h.clock.advance(Duration.ofMinutes(1));
        }
        return ids;
    }

    private static List<String> ids(Map<String, Object> page) {
        return list(page.get("results")).stream().map(r -> (String) r.get("id")).collect(Collectors.toList());
    }

    @Test
    void returnsChecksNewestFirstWithTheirFields() {
        List<String> checks = fiveChecks();

        Map<String, Object> out = h.ok("get_check_results", h.reader, args("monitorId", id));

        assertThat(ids(out)).containsExactly(checks.get(4), checks.get(3), checks.get(2), checks.get(1), checks.get(0));
        assertThat(longOf(out, "count")).isEqualTo(5);
        assertThat(out).containsEntry("monitorId", id).containsEntry("nextCursor", null).containsEntry("note", null)
                .containsEntry("tz", "UTC")
                .containsEntry("since", "2025-11-09T12:05:00Z")
                .containsEntry("until", "2025-11-10T12:05:00Z");
        Map<String, Object> newest = list(out.get("results")).get(0);
        assertThat(newest).containsEntry("status", "up").containsEntry("checkedAt", "2025-11-10T12:04:00Z")
                .containsEntry("error", null);
        assertThat(longOf(newest, "statusCode")).isEqualTo(200);
        Map<String, Object> failed = list(out.get("results")).get(1);
        assertThat(failed).containsEntry("status", "down").containsEntry("checkedAt", "2025-11-10T12:03:00Z")
                .containsEntry("error", "HTTP 503 (expected 200-399)");
        assertThat(longOf(failed, "statusCode")).isEqualTo(503);
        assertThat(longOf(failed, "responseTimeMs")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void statusNarrowsToTheFailedChecks() {
        List<String> checks = fiveChecks();

        Map<String, Object> down = h.ok("get_check_results", h.reader, args("monitorId", id, "status", "DOWN"));
        assertThat(ids(down)).containsExactly(checks.get(3));
        Map<String, Object> up = h.ok("get_check_results", h.reader, args("monitorId", id, "status", "up"));
        assertThat(ids(up)).containsExactly(checks.get(4), checks.get(2), checks.get(1), checks.get(0));
        assertInvalid(h.error("get_check_results", h.reader, args("monitorId", id, "status", "paused")), "status");
    }

    @Test
    void pagesNewestFirstWithoutDuplicates() {
        List<String> checks = fiveChecks();

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = h.ok("get_check_results", h.writer, cursor == null
                    ? args("monitorId", id, "limit", 2) : args("monitorId", id, "limit", "2", "cursor", cursor));
            seen.addAll(ids(page));
            sizes.add((int) longOf(page, "count"));
            cursor = (String) page.get("nextCursor");
            assertThat(sizes.size()).isLessThanOrEqualTo(5);
        } while (cursor != null);

        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).doesNotHaveDuplicates()
                .containsExactly(checks.get(4), checks.get(3), checks.get(2), checks.get(1), checks.get(0));
    }

    @Test
    void filtersToTheHalfOpenRangeAndEchoesIt() {
        List<String> checks = fiveChecks();

        Map<String, Object> out = h.ok("get_check_results", h.writer, args("monitorId", id,
                "since", "2025-11-10T12:01:00Z", "until", "2025-11-10T12:03:00Z"));

        assertThat(ids(out)).containsExactly(checks.get(2), checks.get(1));
        assertThat(out).containsEntry("since", "2025-11-10T12:01:00Z").containsEntry("until", "2025-11-10T12:03:00Z")
                .containsEntry("tz", "UTC");
    }

    @Test
    void rendersTimesInTheRequestedZone() {
        fiveChecks();

        Map<String, Object> out = h.ok("get_check_results", h.writer, args("monitorId", id, "tz", "Europe/Berlin",
                "since", "2025-11-10", "until", "2025-11-10T13:03:30"));

        assertThat(out).containsEntry("tz", "Europe/Berlin")
                .containsEntry("since", "2025-11-10T00:00:00+01:00")
                .containsEntry("until", "2025-11-10T13:03:30+01:00");
        assertThat(list(out.get("results"))).extracting(r -> r.get("checkedAt"))
                .containsExactly("2025-11-10T13:03:00+01:00", "2025-11-10T13:02:00+01:00",
                        "2025-11-10T13:01:00+01:00", "2025-11-10T13:00:00+01:00");
    }

    @Test
    void explicitOffsetsWinOverTheZone() {
        fiveChecks();
        Map<String, Object> out = h.ok("get_check_results", h.writer, args("monitorId", id, "tz", "America/New_York",
                "since", "2025-11-10T12:02:00Z"));
        assertThat(out).containsEntry("since", "2025-11-10T07:02:00-05:00").containsEntry("until",
                "2025-11-10T07:05:00-05:00");
        assertThat(ids(out)).hasSize(3);
    }

    @Test
    void explainsAnEmptyResult() {
        Map<String, Object> never = h.ok("get_check_results", h.writer, args("monitorId", id));
        assertThat(ids(never)).isEmpty();
        assertThat(never).containsEntry("note", "No checks yet; run check_now.");

        h.checkNow(id);
        h.clock.advance(Duration.ofDays(2));
        assertThat(h.ok("get_check_results", h.writer, args("monitorId", id)))
                .containsEntry("note", "No checks in range; widen since/until.");

        h.ok("pause_monitor", h.writer, args("monitorId", id));
        assertThat(h.ok("get_check_results", h.writer, args("monitorId", id)))
                .containsEntry("note", "No checks in range; the monitor is paused.");
    }

    @Test
    void rejectsBadRanges() {
        assertThat(assertInvalid(h.error("get_check_results", h.writer, args("monitorId", id, "since", "yesterday")),
                "since")).contains("must be ISO-8601");
        assertInvalid(h.error("get_check_results", h.writer, args("monitorId", id, "until", "2025-13-01")), "until");
        assertThat(assertInvalid(h.error("get_check_results", h.writer, args("monitorId", id, "tz", "Mars/Olympus")),
                "tz")).contains("IANA time zone");
        assertThat(assertInvalid(h.error("get_check_results", h.writer, args("monitorId", id,
                "since", "2025-11-10T12:00:00Z", "until", "2025-11-09T12:00:00Z")), "since"))
                .contains("must be before until");
        assertInvalid(h.error("get_check_results", h.writer, args("monitorId", id,
                "since", "2025-11-10T12:00:00Z", "until", "2025-11-10T12:00:00Z")), "since");
        assertThat(assertInvalid(h.error("get_check_results", h.writer, args("monitorId", id,
                "since", "2020-01-01T00:00:00Z")), "since")).contains("at most 400 days");
        assertInvalid(h.error("get_check_results", h.writer, args("monitorId", id, "since", 20251110)), "since");
    }

    @Test
    void rejectsACursorFromAnotherTool() {
        for (int i = 0; i < 3; i++) {
            h.createWebsite("Other " + i, "https://o" + i + ".example.com");
        }
        String listCursor = (String) h.ok("list_monitors", h.writer, args("limit", 1)).get("nextCursor");
        assertThat(listCursor).isNotNull();

        ToolError error = h.error("get_check_results", h.writer, args("monitorId", id, "cursor", listCursor));

        assertThat(assertInvalid(error, "cursor")).contains("is not a cursor returned by this tool");
    }

    @Test
    void rejectsAMangledCursorAsInvalidArgument() {
        fiveChecks();
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("v1|get_check_results|1762776".getBytes(StandardCharsets.UTF_8));

        ToolError error = h.error("get_check_results", h.writer, args("monitorId", id, "cursor", forged));

        assertInvalid(error, "cursor");
    }

    @Test
    void rejectsBadPagingAndUnknownFields() {
        assertInvalid(h.error("get_check_results", h.writer, args("monitorId", id, "limit", 500)), "limit");
        assertInvalid(h.error("get_check_results", h.writer, args("monitorId", id, "cursor", "%%%")), "cursor");
        assertInvalid(h.error("get_check_results", h.writer, args("monitorId", id, "order", "asc")), "order");
        assertInvalid(h.error("get_check_results", h.writer, args("monitorId", "abc")), "monitorId");
        assertNotFound(h.error("get_check_results", h.writer, args("monitorId", "mon_NOPE0000")), "mon_NOPE0000");
    }
}
