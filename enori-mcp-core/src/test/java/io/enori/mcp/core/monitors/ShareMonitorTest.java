package io.enori.mcp.core.monitors;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.monitors.ToolHarness.assertNotFound;
import static io.enori.mcp.core.testing.ToolCalls.longOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.ShareLink;
import io.enori.mcp.core.auth.ApiKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShareMonitorTest {
    private static final String PREFIX = "http://127.0.0.1:8080/share/";

    private ToolHarness h;
    private String id;

    @BeforeEach
    void setUp() {
        h = ToolHarness.create();
        id = h.createWebsite("Shop", "https://shop.example.com");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private List<ShareLink> active() {
        return h.enori.storage().shareLinks().listActive(h.writer.accountId(), id);
    }

    @Test
    void createsALinkShownOnceAndStoresOnlyItsHash() {
        h.clock.advance(Duration.ofMinutes(1));
        Map<String, Object> out = h.ok("share_monitor", h.writer, args("monitorId", id));

        String url = (String) out.get("shareUrl");
        assertThat(url).startsWith(PREFIX);
        String token = url.substring(PREFIX.length());
        assertThat(token).matches("[A-Za-z0-9_-]{32}");
        assertThat(out).containsEntry("monitorId", id).containsEntry("action", "create")
                .containsEntry("createdAt", "2025-11-10T12:01:00Z");
        assertThat(longOf(out, "activeLinks")).isEqualTo(1);
        assertThat(longOf(out, "revokedLinks")).isZero();
        assertThat((String) out.get("note")).contains("shown only now");
        assertThat(active()).singleElement().satisfies(link -> {
            assertThat(link.tokenHash()).isEqualTo(ApiKeys.hash(token)).isNotEqualTo(token);
            assertThat(link.monitorId()).isEqualTo(id);
        });
    }

    @Test
    void eachCreateMakesAnotherDistinctLink() {
        String first = (String) h.ok("share_monitor", h.writer, args("monitorId", id, "action", "create")).get("shareUrl");
        Map<String, Object> second = h.ok("share_monitor", h.writer, args("monitorId", id, "action", "CREATE"));
        assertThat(second.get("shareUrl")).isNotEqualTo(first);
        assertThat(longOf(second, "activeLinks")).isEqualTo(2);
    }

    @Test
    void revokeCountsTheLinksItRevoked() {
        h.ok("share_monitor", h.writer, args("monitorId", id));
        h.ok("share_monitor", h.writer, args("monitorId", id));

        Map<String, Object> out = h.ok("share_monitor", h.writer, args("monitorId", id, "action", "Revoke"));

        assertThat(out).containsEntry("action", "revoke").containsEntry("shareUrl", null).containsEntry("note", null);
        assertThat(longOf(out, "revokedLinks")).isEqualTo(2);
        assertThat(longOf(out, "activeLinks")).isZero();
        assertThat(active()).isEmpty();

        Map<String, Object> again = h.ok("share_monitor", h.writer, args("monitorId", id, "action", "revoke"));
        assertThat(longOf(again, "revokedLinks")).isZero();
        assertThat(again).containsEntry("note", "The monitor had no active share links.");
    }

    @Test
    void revokeTouchesOnlyThatMonitorsLinks() {
        String other = h.createWebsite("Blog", "https://blog.example.com");
        h.ok("share_monitor", h.writer, args("monitorId", id));
        h.ok("share_monitor", h.writer, args("monitorId", other));

        assertThat(longOf(h.ok("share_monitor", h.writer, args("monitorId", id, "action", "revoke")), "revokedLinks"))
                .isEqualTo(1);
        assertThat(h.enori.storage().shareLinks().listActive(h.writer.accountId(), other)).hasSize(1);
    }

    @Test
    void usesTheConfiguredPublicBaseUrl() {
        try (ToolHarness custom = ToolHarness.create(b -> b.publicBaseUrl("https://status.example.com/"))) {
            String monitor = custom.createWebsite("Shop", "https://shop.example.com");
            assertThat((String) custom.ok("share_monitor", custom.writer, args("monitorId", monitor)).get("shareUrl"))
                    .startsWith("https://status.example.com/share/");
        }
    }

    @Test
    void rejectsUnknownActionsListingTheAllowedOnes() {
        assertThat(assertInvalid(h.error("share_monitor", h.writer, args("monitorId", id, "action", "delete")),
                "action")).contains("must be one of create, revoke");
        assertInvalid(h.error("share_monitor", h.writer, args("monitorId", id, "expiresIn", 60)), "expiresIn");
        assertInvalid(h.error("share_monitor", h.writer, args("monitorId", "abc")), "monitorId");
        assertNotFound(h.error("share_monitor", h.writer, args("monitorId", "mon_NOPE0000")), "mon_NOPE0000");
        assertThat(active()).isEmpty();
    }
}
