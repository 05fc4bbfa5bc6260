package io.enori.mcp.core.monitors;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.auth.ApiKeys;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the invoker checks before any tool runs: authentication and the per-principal rate limit. */
class InvocationGuardsTest {

    @ParameterizedTest
    @ValueSource(strings = {"list_monitors", "get_monitor", "get_monitor_stats", "get_check_results",
            "get_health_summary", "create_monitor", "update_monitor", "check_now", "pause_monitor", "resume_monitor",
            "snooze_monitor", "unsnooze_monitor", "get_snooze_status", "share_monitor"})
    void unauthenticatedCallerIsRefusedByEveryTool(String tool) {
        try (ToolHarness h = ToolHarness.create()) {
            String id = h.createWebsite("Shop", "https://shop.example.com");

            ToolError error = h.error(tool, Caller.unauthenticated("x"), args("monitorId", id));

            assertThat(error.message()).startsWith("Authentication failed").isEqualTo("Authentication failed: x");
            assertThat(h.monitorCount(h.writer)).isEqualTo(1);
            assertThat(h.monitor(id)).containsEntry("paused", false).containsEntry("name", "Shop");
        }
    }

    @Test
    void wrongAndRevokedKeysAreRefused() {
        try (ToolHarness h = ToolHarness.create()) {
            Caller wrong = h.enori.apiKeys().authenticate("enr_notARealKey");
            assertThat(h.error("list_monitors", wrong, args()).message())
                    .isEqualTo("Authentication failed: the API key is not valid");

            ApiKeys.IssuedKey issued = h.enori.apiKeys().create(ToolHarness.ACCOUNT_A, ToolHarness.READ_WRITE, "temp");
            h.enori.apiKeys().revoke(issued.key().id());
            Caller revoked = h.enori.apiKeys().authenticate(issued.plaintext());
            assertThat(h.error("list_monitors", revoked, args()).message())
                    .startsWith("Authentication failed").contains("revoked");

            assertThat(h.error("list_monitors", h.enori.apiKeys().authenticate(" "), args()).message())
                    .startsWith("Authentication failed: no API key");
        }
    }

    @Test
    void sixthCallInAMinuteIsRateLimitedUntilTheWindowRolls() {
        try (ToolHarness h = ToolHarness.create(b -> b.rateLimits(5, 10))) {
            for (int i = 0; i < 5; i++) {
                h.ok("list_monitors", h.writer, args());
            }

            ToolError error = h.error("list_monitors", h.writer, args());

            assertThat(error.message()).isEqualTo("Rate limit exceeded");
            assertThat(error.details()).containsEntry("limit", 5).containsEntry("remaining", 0)
                    .containsEntry("retryAfterSeconds", 60L);

            h.clock.advance(Duration.ofSeconds(30));
            ToolError later = h.error("list_monitors", h.writer, args());
            assertThat(later.details()).containsEntry("retryAfterSeconds", 30L);

            h.clock.advance(Duration.ofSeconds(30));
            h.ok("list_monitors", h.writer, args());
        }
    }

    @Test
    void rejectedCallsDoNotUseUpTheNextWindow() {
        try (ToolHarness h = ToolHarness.create(b -> b.rateLimits(5, 10))) {
            for (int i = 0; i < 5; i++) {
                h.ok("list_monitors", h.writer, args());
            }
            for (int i = 0; i < 10; i++) {
                h.error("list_monitors", h.writer, args());
            }
            h.clock.advance(Duration.ofSeconds(60));
            for (int i = 0; i < 5; i++) {
                h.ok("list_monitors", h.writer, args());
            }
            assertThat(h.error("list_monitors", h.writer, args()).message()).isEqualTo("Rate limit exceeded");
        }
    }

    @Test
    void oauthGrantsGetTheirOwnHigherLimit() {
        try (ToolHarness h = ToolHarness.create(b -> b.rateLimits(5, 10))) {
            Caller oauth = Caller.oauth(h.writer.accountId(), "grant_1");
            for (int i = 0; i < 10; i++) {
                h.ok("list_monitors", oauth, args());
            }
            ToolError error = h.error("list_monitors", oauth, args());
            assertThat(error.message()).isEqualTo("Rate limit exceeded");
            assertThat(error.details()).containsEntry("limit", 10);
        }
    }

    @Test
    void limitIsPerPrincipal() {
        try (ToolHarness h = ToolHarness.create(b -> b.rateLimits(5, 10))) {
            for (int i = 0; i < 5; i++) {
                h.ok("get_health_summary", h.writer, args());
            }
            assertThat(h.error("get_health_summary", h.writer, args()).message()).isEqualTo("Rate limit exceeded");

            h.ok("get_health_summary", h.writer2, args());
            h.ok("get_health_summary", h.reader, args());
            h.ok("list_monitors", h.outsider, args());
        }
    }

    @Test
    void failedCallsCountTowardsTheLimitAndTheLimitComesBeforeScope() {
        try (ToolHarness h = ToolHarness.create(b -> b.rateLimits(5, 10))) {
            for (int i = 0; i < 5; i++) {
                h.error("get_monitor", h.reader, args("monitorId", "not-an-id"));
            }
            ToolError error = h.error("create_monitor", h.reader, args("type", "ping", "name", "P", "host", "a.example"));
            assertThat(error.message()).isEqualTo("Rate limit exceeded");
            assertThat(h.monitorCount(h.reader)).isZero();
        }
    }

    @Test
    void unknownToolIsAnErrorAndNotATool() {
        try (ToolHarness h = ToolHarness.create()) {
            ToolOutcome outcome = h.call("delete_monitor", h.writer, Map.of());
            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(((ToolOutcome.Failed) outcome).error().message()).isEqualTo("Unknown tool: delete_monitor");
            assertThat(h.enori.toolDescriptors()).extracting(d -> d.name()).doesNotContain("delete_monitor");
        }
    }

    @Test
    void nullArgumentsAreTreatedAsEmpty() {
        try (ToolHarness h = ToolHarness.create()) {
            assertThat(h.ok("list_monitors", h.writer, null)).containsEntry("count", 0);
            assertThat(h.error("get_monitor", h.writer, null).message())
                    .isEqualTo("Invalid argument: monitorId is required");
        }
    }
}
