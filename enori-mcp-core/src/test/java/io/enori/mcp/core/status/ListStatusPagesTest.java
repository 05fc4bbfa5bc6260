package io.enori.mcp.core.status;

import static io.enori.mcp.core.testing.OpsHarness.assertInsufficientScope;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Scope;
import io.enori.mcp.api.StatusPage.Component;
import io.enori.mcp.core.testing.LocalSite;
import io.enori.mcp.core.testing.OpsHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListStatusPagesTest {
    private OpsHarness h;

    @BeforeEach
    void setUp() {
        h = OpsHarness.create();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void listsEachPageWithItsComponentCountAndOverallStatus() {
        LocalSite broken = h.newSite();
        String web = h.monitor("Web");
        String db = h.monitor("DB", broken);
        h.check(web);
        h.openIncident(db, broken);
        String calm = h.enori.statusPages().create(h.admin.accountId(), "Public", "public",
                List.of(new Component("Website", web))).id();
        String stormy = h.enori.statusPages().create(h.admin.accountId(), "Internal",
                List.of(new Component("Website", web), new Component("Database", db))).id();

        Map<String, Object> out = h.ok("list_status_pages", h.reader, args());

        assertThat(out).containsEntry("count", 2).containsEntry("nextCursor", null).containsEntry("note", null);
        List<Map<String, Object>> pages = list(out.get("statusPages"));
        assertThat(pages.get(0)).containsEntry("id", calm).containsEntry("name", "Public").containsEntry("slug", "public")
                .containsEntry("componentCount", 1).containsEntry("overallStatus", "operational");
        assertThat(pages.get(1)).containsEntry("id", stormy).containsEntry("slug", null)
                .containsEntry("componentCount", 2).containsEntry("overallStatus", "major_outage");
        assertThat((String) pages.get(1).get("summary")).isEqualTo(
                "1 of 2 components not operational (Database: major outage).");
    }

    @Test
    void pagesWithCursorsOldestFirst() {
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            created.add(h.enori.statusPages().create(h.admin.accountId(), "Page " + i, List.of()).id());
        }

        List<Object> seen = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = h.ok("list_status_pages", h.reader,
                    cursor == null ? args("limit", 2) : args("limit", 2, "cursor", cursor));
            list(page.get("statusPages")).forEach(p -> seen.add(p.get("id")));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null && seen.size() <= created.size());

        assertThat(seen).containsExactlyElementsOf(created);
        assertInvalid(h.error("list_status_pages", h.reader, args("cursor", "bogus")), "cursor");
    }

    @Test
    void anotherAccountsPagesAreInvisibleAndTheReadScopeIsRequired() {
        h.enori.statusPages().create(h.admin.accountId(), "Ours", List.of());

        Map<String, Object> theirs = h.ok("list_status_pages", h.outsider, args());
        assertThat(theirs).containsEntry("count", 0);
        assertThat((String) theirs.get("note")).contains("No status pages yet");
        assertInsufficientScope(h.error("list_status_pages", h.without(Scope.STATUS_PAGES_READ), args()),
                Scope.STATUS_PAGES_READ);
    }
}
