package io.enori.mcp.core.browser;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.testing.ToolCalls.error;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static io.enori.mcp.core.testing.ToolCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.api.spi.BillingGateway;
import io.enori.mcp.api.spi.BrowserMonitorStore;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.store.JdbiStorage;
import io.enori.mcp.core.testing.MutableClock;
import io.enori.mcp.core.testing.ToolCalls;
import io.enori.mcp.core.tool.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BrowserMonitorToolsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final ScriptedBrowserCheckExecutor browser = new ScriptedBrowserCheckExecutor();
    private EnoriMcp enori;

    private EnoriMcp enori(BillingGateway gateway) {
        EnoriMcp.Builder b = EnoriMcp.builder().storage(JdbiStorage.create("jdbc:h2:mem:browser-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1")).clock(clock).browserCheckExecutor(browser);
        if (gateway != null) {
            b.billingGateway(gateway);
        }
        enori = b.build();
        return enori;
    }

    @AfterEach
    void close() {
        if (enori != null) {
            enori.close();
        }
    }

    private static Caller writer(EnoriMcp enori, String account) {
        return ToolCalls.newKey(enori, account, EnumSet.allOf(Scope.class), "all");
    }

    private static List<Object> steps() {
        return List.of(Map.of("kind", "navigate", "url", "https://shop.example.com/login"),
                Map.of("kind", "fill", "selector", "#email", "value", "{{email}}"),
                Map.of("kind", "fill", "selector", "#password", "value", "{{password}}"),
                Map.of("kind", "click", "selector", "button[type=submit]"),
                Map.of("kind", "assertText", "text", "Welcome"));
    }

    private static List<Object> variables() {
        return List.of(Map.of("name", "email", "value", "ops@example.com"),
                Map.of("name", "password", "value", "hunter2-SECRET", "secret", true));
    }

    private static Map<String, Object> create(EnoriMcp enori, Caller caller, String name) {
        return ok(enori, "create_browser_monitor", caller, args("name", name, "url", "https://shop.example.com/login",
                "steps", steps(), "variables", variables()));
    }

    @Test
    void stepsAreLimitedTo25AndEachProblemNamesTheStepIndex() {
        enori(null);
        Caller caller = writer(enori, "acme");
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            many.add(Map.of("kind", "screenshot"));
        }
        ToolError tooMany = error(enori, "create_browser_monitor", caller, args("name", "x", "url",
                "https://a.example.com", "steps", many));
        assertThat(assertInvalid(tooMany, "steps")).contains("at most 25 steps (got 26)");

        String created = (String) create(enori, caller, "shop").get("monitorId");
        assertThat(error(enori, "update_browser_steps", caller, args("monitorId", created, "steps", many)).message())
                .contains("at most 25");
        assertInvalid(error(enori, "update_browser_steps", caller, args("monitorId", created, "steps",
                List.of(Map.of("kind", "navigate", "url", "https://a.example.com"), Map.of("kind", "click")))),
                "steps[1].selector");
        assertInvalid(error(enori, "update_browser_steps", caller, args("monitorId", created, "steps",
                List.of(Map.of("kind", "navigate", "url", "ftp://a.example.com")))), "steps[0].url");
        assertInvalid(error(enori, "update_browser_steps", caller, args("monitorId", created, "steps",
                List.of(Map.of("kind", "waitFor", "ms", 60001)))), "steps[0].ms");
        assertInvalid(error(enori, "update_browser_steps", caller, args("monitorId", created, "steps",
                List.of(Map.of("kind", "click", "selector", "x".repeat(501))))), "steps[0].selector");
        assertInvalid(error(enori, "update_browser_steps", caller, args("monitorId", created, "steps",
                List.of(Map.of("kind", "fill", "selector", "#q")))), "steps[0].value");
        assertInvalid(error(enori, "update_browser_steps", caller, args("monitorId", created, "steps",
                List.of(Map.of("kind", "hover", "selector", "#q")))), "steps[0].kind");
        List<Object> exactly25 = new ArrayList<>(many.subList(0, 25));
        assertThat(ok(enori, "update_browser_steps", caller, args("monitorId", created, "steps", exactly25))
                .get("stepCount")).isEqualTo(25);
    }

    @Test
    void firstMonitorIsFreeSecondIsBilledAndDeleteCreditsTheRemainingDays() {
        enori(null);
        Caller caller = writer(enori, "acme");
        Map<String, Object> first = create(enori, caller, "free one");
        assertThat(first.get("free")).isEqualTo(true);
        assertThat(first.get("billingItemId")).isNull();

        Map<String, Object> second = create(enori, caller, "paid one");
        assertThat(second.get("free")).isEqualTo(false);
        assertThat(second.get("billingItemId")).asString().startsWith("bill_");
        assertThat(new BigDecimal(second.get("price").toString())).isEqualByComparingTo("9.00");

        // Started 2026-03-01T00:00Z, 30-day periods; deleted 12 days 5 hours in: 17 days 19 hours remain, 17 whole
        // days are credited: 9.00 x 17 / 30 = 5.10.
        clock.advance(Duration.ofDays(12).plusHours(5));
        Map<String, Object> deleted = ok(enori, "delete_browser_monitor", caller,
                args("monitorId", second.get("monitorId")));
        assertThat(new BigDecimal(deleted.get("credit").toString())).isEqualByComparingTo("5.10");
        assertThat(((Number) deleted.get("remainingDays")).longValue()).isEqualTo(17);
        assertThat((String) deleted.get("note")).contains("5.10 USD for 17 of 30 days");
        List<BrowserMonitorStore.BillingItem> items = enori.storage().browserMonitors().billingItems(caller.accountId());
        assertThat(items).hasSize(1);
        assertThat(items.get(0).credit()).isEqualByComparingTo("5.10");
        assertThat(items.get(0).cancelledAt()).isEqualTo(clock.instant());
        assertThat(enori.storage().monitors().find(caller.accountId(), (String) second.get("monitorId"))).isEmpty();

        // The free one's delete credits nothing, and frees the slot for the next one.
        assertThat(ok(enori, "delete_browser_monitor", caller, args("monitorId", first.get("monitorId")))
                .get("credit")).isNull();
        assertThat(create(enori, caller, "free again").get("free")).isEqualTo(true);
    }

    @Test
    void aFailingGatewayLeavesNoMonitorBehind() {
        enori(new BillingGateway() {
            @Override
            public String addItem(Charge charge) {
                throw new IllegalStateException("gateway down");
            }

            @Override
            public void cancelItem(Cancellation cancellation) {
                throw new IllegalStateException("gateway down");
            }
        });
        Caller caller = writer(enori, "acme");
        create(enori, caller, "free one");
        ToolError failed = error(enori, "create_browser_monitor", caller, args("name", "paid",
                "url", "https://shop.example.com", "steps", steps(), "variables", variables()));
        assertThat(failed.message()).isEqualTo("Billing failed");
        assertThat(failed.details().get("hint").toString()).contains("No monitor was created");
        assertThat(enori.storage().monitors().count(caller.accountId())).isEqualTo(1);
        assertThat(enori.storage().browserMonitors().listAll(caller.accountId())).hasSize(1);
        assertThat(list(ok(enori, "get_browser_monitors", caller, args()).get("monitors"))).hasSize(1);
    }

    @Test
    void scheduledRunsAreRecordedAsChecksWithDetailsAndHealing() throws Exception {
        enori(null);
        Caller caller = writer(enori, "acme");
        String id = (String) create(enori, caller, "shop").get("monitorId");
        browser.thenFailAt(3, "selector button[type=submit] not found").thenHealAt(1, 2100.0, 0.12);
        enori.scheduler().start();
        CheckResult down = enori.scheduler().runNow(caller.accountId(), id).get(10, TimeUnit.SECONDS).result();
        assertThat(down.status().wireName()).isEqualTo("down");
        assertThat(down.error()).contains("Step 3 failed");
        assertThat(browser.requests().get(0).variables()).containsEntry("password", "hunter2-SECRET");

        Map<String, Object> details = ok(enori, "get_browser_check_details", caller, args("monitorId", id));
        assertThat((String) details.get("checkId")).startsWith("bc_");
        List<Map<String, Object>> stepResults = list(details.get("steps"));
        assertThat(stepResults).extracting(s -> s.get("status"))
                .containsExactly("passed", "passed", "passed", "failed", "skipped");
        assertThat(list(details.get("consoleErrors"))).isNotEmpty();
        assertThat(map(list(ok(enori, "get_browser_monitors", caller, args()).get("monitors")).get(0)))
                .containsEntry("healing", "broken").containsEntry("healingStep", 3);

        clock.advance(Duration.ofMinutes(10));
        enori.scheduler().runNow(caller.accountId(), id).get(10, TimeUnit.SECONDS);
        clock.advance(Duration.ofSeconds(1)); // ranges end before "now"
        Map<String, Object> status = ok(enori, "get_browser_monitor_status", caller, args("monitorId", id));
        assertThat(status).containsEntry("checks", 2).containsEntry("uptimePercent", 50.0)
                .containsEntry("healing", "healed").containsEntry("healingStep", 1).containsEntry("stepCount", 5);
        assertThat(status.get("lcpP75Ms")).isEqualTo(2100.0);
        // The ordinary check results carry both runs, so incidents, stats and SLOs see them.
        assertThat(list(ok(enori, "get_check_results", caller, args("monitorId", id)).get("results"))).hasSize(2);
        String firstCheck = (String) details.get("checkId");
        assertThat(ok(enori, "get_browser_check_details", caller, args("monitorId", id, "checkId", firstCheck))
                .get("status")).isEqualTo("down");
    }

    @Test
    void secretValuesAreNeverReturned() {
        enori(null);
        Caller caller = writer(enori, "acme");
        Map<String, Object> created = create(enori, caller, "shop");
        String id = (String) created.get("monitorId");
        assertThat(list(created.get("variables"))).anySatisfy(v -> assertThat(v)
                .containsEntry("name", "password").containsEntry("value", "••••").containsEntry("secret", true));
        Map<String, Object> updated = ok(enori, "update_browser_steps", caller, args("monitorId", id, "steps", steps()));
        for (Map<String, Object> out : List.of(created, updated, ok(enori, "get_browser_monitors", caller, args()),
                ok(enori, "get_browser_monitor_status", caller, args("monitorId", id)))) {
            assertThat(Json.write(out)).doesNotContain("hunter2-SECRET").doesNotContain("ops@example.com\", \"secret\": true");
        }
        assertThat(Json.write(updated)).contains("ops@example.com"); // a non-secret variable is shown
    }

    @Test
    void scopesAndAccountsAreEnforced() {
        enori(null);
        Caller caller = writer(enori, "acme");
        String id = (String) create(enori, caller, "shop").get("monitorId");
        Caller reader = ToolCalls.newKey(enori, "acme", EnumSet.of(Scope.MONITORS_READ), "read");
        assertThat(error(enori, "create_browser_monitor", reader, args("name", "x", "url", "https://a.example.com",
                "steps", steps())).details()).containsEntry("requiredScope", "monitors:write");
        assertThat(error(enori, "generate_browser_steps", reader, args("url", "https://a.example.com")).message())
                .isEqualTo("Insufficient scope");
        assertThat(ok(enori, "get_browser_monitors", reader, args()).get("count")).isEqualTo(1);

        Caller other = writer(enori, "globex");
        for (String tool : List.of("get_browser_monitor_status", "get_browser_check_details", "delete_browser_monitor")) {
            assertThat(error(enori, tool, other, args("monitorId", id)).message()).as(tool).isEqualTo("Monitor not found");
        }
        assertThat(error(enori, "update_browser_steps", other, args("monitorId", id, "steps", steps())).message())
                .isEqualTo("Monitor not found");
        assertThat(ok(enori, "get_browser_monitors", other, args()).get("count")).isEqualTo(0);
        assertThat(enori.storage().monitors().find(caller.accountId(), id)).isPresent();
    }

    @Test
    void browserMonitorsShowInTheOrdinaryMonitorToolsAndCheckNowRunsThem() {
        enori(null);
        Caller caller = writer(enori, "acme");
        String id = (String) create(enori, caller, "shop").get("monitorId");
        Map<String, Object> monitor = ok(enori, "get_monitor", caller, args("monitorId", id));
        assertThat(Json.write(monitor)).contains("\"type\":\"browser\"").contains("https://shop.example.com/login");
        assertThat(error(enori, "update_monitor", caller, args("monitorId", id, "host", "example.com")).message())
                .startsWith("Invalid argument: host");

        enori.scheduler().start();
        Map<String, Object> checked = ok(enori, "check_now", caller, args("monitorId", id));
        assertThat(Json.write(checked)).contains("\"up\"");
        assertThat(ok(enori, "get_browser_check_details", caller, args("monitorId", id)).get("status")).isEqualTo("up");
    }
}
