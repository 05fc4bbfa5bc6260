package io.enori.mcp.core.monitors;

import io.enori.mcp.core.testing.LocalSite;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.longOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListMonitorsTest {
    private ToolHarness h;

    @BeforeEach
    void setUp() {
        h = ToolHarness.create();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private static List<String> ids(Map<String, Object> page) {
        return list(page.get("monitors")).stream().map(m -> (String) m.get("id")).collect(Collectors.toList());
    }

    private static List<String> names(Map<String, Object> page) {
        return list(page.get("monitors")).stream().map(m -> (String) m.get("name")).collect(Collectors.toList());
    }

    @Test
    void listsSummariesOldestFirst() {
        String first = h.createWebsite("Shop", "https://shop.example.com");
        h.clock.advance(Duration.ofSeconds(1));
        String second = h.createPort("DB", "db.internal", 5432);

        Map<String, Object> out = h.ok("list_monitors", h.reader, args());

        assertThat(ids(out)).containsExactly(first, second);
        assertThat(longOf(out, "count")).isEqualTo(2);
        assertThat(out).containsEntry("nextCursor", null).containsEntry("note", null);
        Map<String, Object> shop = list(out.get("monitors")).get(0);
        assertThat(shop).containsEntry("name", "Shop").containsEntry("type", "website")
                .containsEntry("status", "pending").containsEntry("address", "https://shop.example.com")
                .containsEntry("lastResponseTimeMs", null).containsEntry("lastCheckedAt", null);
        assertThat(longOf(shop, "intervalSeconds")).isEqualTo(300);
        assertThat(list(out.get("monitors")).get(1)).containsEntry("address", "db.internal:5432");
    }

    @Test
    void pagesThroughFiveMonitorsTwoAtATime() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(h.createWebsite("Site " + i, "https://s" + i + ".example.com"));
            h.clock.advance(Duration.ofSeconds(1));
        }

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> page = h.ok("list_monitors", h.writer,
                    cursor == null ? args("limit", 2) : args("limit", 2, "cursor", cursor));
            pages++;
            seen.addAll(ids(page));
            pageSizes.add((int) longOf(page, "count"));
            cursor = (String) page.get("nextCursor");
            assertThat(pages).as("paging terminates").isLessThanOrEqualTo(5);
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(created);
    }

    @Test
    void limitAcceptsNumericStringAndRejectsOutOfRange() {
        h.createWebsite("A", "https://a.example.com");
        h.createWebsite("B", "https://b.example.com");
        assertThat(ids(h.ok("list_monitors", h.writer, args("limit", "1")))).hasSize(1);
        assertThat(assertInvalid(h.error("list_monitors", h.writer, args("limit", 0)), "limit"))
                .contains("between 1 and 200");
        assertInvalid(h.error("list_monitors", h.writer, args("limit", 201)), "limit");
        assertInvalid(h.error("list_monitors", h.writer, args("limit", "lots")), "limit");
    }

    @Test
    void filtersByTypeCaseInsensitively() {
        h.createWebsite("Shop", "https://shop.example.com");
        h.createPort("DB", "db.internal", 5432);
        h.createPing("Gateway", "10.0.0.1");

        assertThat(names(h.ok("list_monitors", h.writer, args("type", "PORT")))).containsExactly("DB");
        assertThat(names(h.ok("list_monitors", h.writer, args("type", "Website")))).containsExactly("Shop");
        Map<String, Object> none = h.ok("list_monitors", h.writer, args("type", "dns"));
        assertThat(ids(none)).isEmpty();
        assertThat(none).containsEntry("note", "No monitors match these filters.");
    }

    @Test
    void filtersByNameContainsCaseInsensitivelyAndTreatsWildcardsLiterally() {
        h.createWebsite("Shop Frontend", "https://shop.example.com");
        h.createWebsite("shop API", "https://api.example.com");
        h.createWebsite("Blog", "https://blog.example.com");
        h.createWebsite("50% off", "https://deals.example.com");
        h.createWebsite("500 offers", "https://offers.example.com");
        h.createWebsite("my_site", "https://u.example.com");
        h.createWebsite("myXsite", "https://x.example.com");
        h.createWebsite("Save!", "https://save.example.com");

        assertThat(names(h.ok("list_monitors", h.writer, args("name", "SHOP"))))
                .containsExactlyInAnyOrder("Shop Frontend", "shop API");
        assertThat(names(h.ok("list_monitors", h.writer, args("name", "0%")))).containsExactly("50% off");
        assertThat(names(h.ok("list_monitors", h.writer, args("name", "my_")))).containsExactly("my_site");
        assertThat(names(h.ok("list_monitors", h.writer, args("name", "!")))).containsExactly("Save!");
    }

    @Test
    void filtersByStatus() {
        try (LocalSite site = LocalSite.start()) {
            String up = h.createWebsite("Up", site.url());
            String down = h.createWebsite("Down", "http://127.0.0.1:" + LocalSite.closedPort() + "/");
            String paused = h.createWebsite("Paused", site.url());
            String pending = h.createWebsite("Pending", "https://never.example.com");
            h.checkNow(up);
            h.checkNow(down);
            h.checkNow(paused);
            h.ok("pause_monitor", h.writer, args("monitorId", paused));

            assertThat(ids(h.ok("list_monitors", h.writer, args("status", "up")))).containsExactly(up);
            assertThat(ids(h.ok("list_monitors", h.writer, args("status", "DOWN")))).containsExactly(down);
            assertThat(ids(h.ok("list_monitors", h.writer, args("status", "paused")))).containsExactly(paused);
            assertThat(ids(h.ok("list_monitors", h.writer, args("status", "Pending")))).containsExactly(pending);
            assertThat(list(h.ok("list_monitors", h.writer, args("status", "paused")).get("monitors")).get(0))
                    .containsEntry("status", "paused");
        }
    }

    @Test
    void combinesFilters() {
        h.createWebsite("Shop", "https://shop.example.com");
        h.createPort("Shop DB", "db.internal", 5432);
        assertThat(names(h.ok("list_monitors", h.writer, args("type", "port", "name", "shop", "status", "pending"))))
                .containsExactly("Shop DB");
    }

    @Test
    void emptyAccountSaysHowToStart() {
        Map<String, Object> out = h.ok("list_monitors", h.writer, args());
        assertThat(ids(out)).isEmpty();
        assertThat(longOf(out, "count")).isZero();
        assertThat(out).containsEntry("nextCursor", null)
                .containsEntry("note", "No monitors yet; create one with create_monitor.");
    }

    @Test
    void rejectsUnknownStatusListingTheAllowedOnes() {
        assertThat(assertInvalid(h.error("list_monitors", h.writer, args("status", "broken")), "status"))
                .contains("must be one of up, down, paused, pending");
        assertThat(assertInvalid(h.error("list_monitors", h.writer, args("type", "http")), "type"))
                .contains("website, ping, port, dns, domain, job");
    }

    @Test
    void rejectsUnknownFieldAndHugeName() {
        assertInvalid(h.error("list_monitors", h.writer, args("sort", "name")), "sort");
        assertThat(assertInvalid(h.error("list_monitors", h.writer, args("name", "n".repeat(100_000))), "name"))
                .contains("at most 200 characters");
    }

    @Test
    void rejectsCursorsThatAreNotItsOwn() {
        String id = h.createWebsite("A", "https://a.example.com");
        h.createWebsite("B", "https://b.example.com");
        try (LocalSite site = LocalSite.start()) {
            String checked = h.createWebsite("C", site.url());
            for (int i = 0; i < 3; i++) {
                h.checkNow(checked);
                h.clock.advance(Duration.ofSeconds(10));
            }
            String checkCursor = (String) h.ok("get_check_results", h.writer,
                    args("monitorId", checked, "limit", 1)).get("nextCursor");
            assertThat(checkCursor).isNotNull();

            assertThat(assertInvalid(h.error("list_monitors", h.writer, args("cursor", checkCursor)), "cursor"))
                    .contains("is not a cursor returned by this tool");
        }
        assertInvalid(h.error("list_monitors", h.writer, args("cursor", "not a cursor!")), "cursor");
        assertThat(id).startsWith("mon_");
    }

    @Test
    void neverShowsAnotherAccountsMonitors() {
        h.createWebsite("A's shop", "https://a.example.com");
        h.ok("create_monitor", h.outsider, args("type", "website", "name", "B's shop", "url", "https://b.example.com"));

        assertThat(names(h.ok("list_monitors", h.outsider, args()))).containsExactly("B's shop");
        assertThat(names(h.ok("list_monitors", h.writer, args()))).containsExactly("A's shop");
        assertThat(names(h.ok("list_monitors", h.outsider, args("name", "A's")))).isEmpty();
    }
}
