package io.enori.mcp.core;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Scope;
import io.enori.mcp.core.alerts.AlertOptions;
import io.enori.mcp.core.checks.DefaultCheckExecutor;
import io.enori.mcp.core.store.JdbiStorage;
import io.enori.mcp.core.store.TestStorage;
import io.enori.mcp.core.testing.LocalSite;
import io.enori.mcp.core.testing.MutableClock;
import io.enori.mcp.core.testing.ToolCalls;
import io.enori.mcp.core.testing.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring loop as a whole, driven by the scheduler alone (no check_now): a fake clock, a real local site that
 * goes down and comes back, and a real webhook receiver on loopback. Down → incident after 2 failures → exactly one
 * alert → maintenance suppresses the next ones (recorded as suppressed) → after maintenance, recovery resolves the
 * incident and the resolve alert is sent. Then a restart on the same H2 file with an open incident and a pending
 * alert: one incident, the alert delivered once, nothing doubled.
 */
class MonitoringLoopTest {
    private static final Instant START = Instant.parse("2026-11-02T09:00:00Z");
    private static final int INTERVAL = 60;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AlertOptions FAST = AlertOptions.defaults().withAttemptTimeout(Duration.ofSeconds(5))
            .withBackoff(Duration.ofMillis(20));

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);
    private final LocalSite site = LocalSite.start();
    private final WebhookReceiver receiver = WebhookReceiver.start();
    private EnoriMcp enori;

    @AfterEach
    void tearDown() {
        if (enori != null) {
            enori.close();
        }
        site.close();
        receiver.close();
    }

    @Test
    void downIncidentAlertMaintenanceRecoveryAndResolveAlert() {
        enori = core(TestStorage.freshH2Url());
        Caller ops = ToolCalls.newKey(enori, "acme", EnumSet.allOf(Scope.class), "ops");
        String channel = enori.alertChannels().create(ops.accountId(), AlertChannel.Type.WEBHOOK, "ops hook",
                receiver.url("/hook"), null).id();
        String shop = monitor(ops, channel);
        enori.start();

        // Up, then two scheduled failures: the second opens the incident and alerts the channel once.
        runOnce(shop);
        assertThat(lastStatus(ops, shop)).isEqualTo("up");
        site.unavailable();
        runOnce(shop);
        assertThat(active(ops)).isEmpty();
        runOnce(shop);
        List<Map<String, Object>> open = active(ops);
        assertThat(open).hasSize(1);
        String first = (String) open.get(0).get("id");
        await(() -> receiver.received().size() == 1, () -> "the opened alert reaches the webhook");
        assertThat(receiver.received().get(0).json()).containsEntry("event", "incident_opened");
        assertThat(map(receiver.received().get(0).json().get("incident"))).containsEntry("id", first);
        awaitAlert(ops, shop, "incident_opened", first, "delivered");

        // A further failure neither opens a second incident nor alerts again.
        runOnce(shop);
        assertThat(active(ops)).extracting(i -> i.get("id")).containsExactly(first);

        // Maintenance: the recovery and the next outage are recorded as suppressed, checks and incidents go on.
        Map<String, Object> window = map(ok(ops, "start_maintenance_now", args("durationMinutes", 30,
                "monitorIds", List.of(shop), "name", "Database upgrade")).get("window"));
        site.healthy();
        runOnce(shop);
        assertThat(active(ops)).isEmpty();
        String suppressedReason = (String) awaitAlert(ops, shop, "incident_resolved", first, "suppressed").get("reason");
        assertThat(suppressedReason).contains((String) window.get("id"));
        site.unavailable();
        runOnce(shop);
        runOnce(shop);
        String second = (String) active(ops).get(0).get("id");
        assertThat(second).isNotEqualTo(first);
        awaitAlert(ops, shop, "incident_opened", second, "suppressed");

        // After the window: recovery resolves the second incident and its resolve alert is delivered.
        clock.advance(Duration.ofMinutes(31));
        site.healthy();
        runOnce(shop);
        assertThat(active(ops)).isEmpty();
        awaitAlert(ops, shop, "incident_resolved", second, "delivered");
        await(() -> receiver.received().size() == 2, () -> "the resolve alert reaches the webhook");
        assertThat(receiver.received().stream().map(r -> r.json().get("event")).collect(Collectors.toList()))
                .containsExactly("incident_opened", "incident_resolved");
        assertThat(map(receiver.received().get(1).json().get("incident"))).containsEntry("id", second);
        assertThat(alertStatuses(ops, shop)).containsExactly("delivered", "suppressed", "suppressed", "delivered");
    }

    @Test
    void aRestartNeitherDuplicatesNorLosesTheIncidentOrItsPendingAlert() {
        String url = "jdbc:h2:file:" + dir.resolve("restart").toAbsolutePath() + ";DB_CLOSE_DELAY=-1";
        String incident;
        String shop;
        Caller ops;
        // The receiver is too slow for the first process: its alert is still in flight when the process stops.
        receiver.slow(3_000);
        enori = core(url);
        ops = ToolCalls.newKey(enori, "acme", EnumSet.allOf(Scope.class), "ops");
        String channel = enori.alertChannels().create(ops.accountId(), AlertChannel.Type.WEBHOOK, "ops hook",
                receiver.url("/hook"), null).id();
        shop = monitor(ops, channel);
        site.unavailable();
        enori.start();
        runOnce(shop);
        runOnce(shop);
        incident = (String) active(ops).get(0).get("id");
        await(() -> receiver.received().size() == 1, () -> "the first process starts delivering");
        enori.close();
        assertThat(alertStatuses(ops, shop)).containsExactly("pending");

        receiver.slow(0);
        clock.advance(Duration.ofMinutes(1));
        enori = core(url);
        Caller again = ops;
        enori.start();
        // The second process delivers the left-over alert once (the first attempt never got its answer).
        await(() -> alertStatuses(again, shop).equals(List.of("delivered")), () -> "left-over alert delivered: "
                + alertStatuses(again, shop));
        assertThat(receiver.received()).hasSize(2);
        assertThat(active(again)).extracting(i -> i.get("id")).containsExactly(incident);

        // Still down after the restart: the same incident stays open, no second one, no new alert.
        runOnce(shop);
        assertThat(active(again)).extracting(i -> i.get("id")).containsExactly(incident);
        assertThat(alertStatuses(again, shop)).hasSize(1);

        site.healthy();
        runOnce(shop);
        assertThat(active(again)).isEmpty();
        Map<String, Object> resolved = ok(again, "get_incident", args("incidentId", incident));
        assertThat(list(resolved.get("timeline"))).extracting(e -> e.get("kind")).containsExactly("opened", "recovered");
        await(() -> alertStatuses(again, shop).equals(List.of("delivered", "delivered")), () -> "resolve alert");
        assertThat(list(ok(again, "list_incidents", args("monitorId", shop, "until",
                clock.instant().plusSeconds(1).toString())).get("incidents"))).hasSize(1);
    }

    private EnoriMcp core(String url) {
        return EnoriMcp.builder().storage(JdbiStorage.create(url)).clock(clock)
                .checkExecutor(DefaultCheckExecutor.create()).rateLimits(100_000, 100_000).alertOptions(FAST)
                .defaultPlan(Plan.DEFAULT).checkWorkers(2).build();
    }

    private String monitor(Caller ops, String channel) {
        return (String) map(ok(ops, "create_monitor", args("type", "website", "name", "Shop", "url", site.url(),
                "intervalSeconds", INTERVAL, "alertAfterFailures", 2, "timeoutMs", 2000,
                "channelIds", List.of(channel))).get("monitor")).get("id");
    }

    /** Moves the clock one interval on and waits until the scheduler has recorded one more check of the monitor. */
    private void runOnce(String monitorId) {
        long before = enori.scheduler().stats().runs();
        clock.advance(Duration.ofSeconds(INTERVAL));
        await(() -> enori.scheduler().stats().runs() > before,
                () -> "a scheduled check of " + monitorId + " by " + clock.instant());
    }

    private List<Map<String, Object>> active(Caller caller) {
        return list(ok(caller, "get_active_incidents", Map.of()).get("incidents"));
    }

    private String lastStatus(Caller caller, String monitorId) {
        return (String) list(ok(caller, "get_check_results", args("monitorId", monitorId, "limit", 1,
                "until", clock.instant().plusSeconds(1).toString())).get("results"))
                .get(0).get("status");
    }

    /** Statuses of the monitor's alerts, oldest first. */
    private List<String> alertStatuses(Caller caller, String monitorId) {
        List<Map<String, Object>> alerts = list(ok(caller, "list_alerts", args("monitorId", monitorId,
                "until", clock.instant().plusSeconds(1).toString())).get("alerts"));
        List<String> statuses = alerts.stream().map(a -> (String) a.get("status")).collect(Collectors.toList());
        java.util.Collections.reverse(statuses);
        return statuses;
    }

    private Map<String, Object> awaitAlert(Caller caller, String monitorId, String event, String incidentId,
                                           String status) {
        Map<String, Object>[] found = new Map[1];
        await(() -> {
            for (Map<String, Object> a : list(ok(caller, "list_alerts", args("monitorId", monitorId,
                    "until", clock.instant().plusSeconds(1).toString())).get("alerts"))) {
                if (event.equals(a.get("event")) && incidentId.equals(a.get("incidentId"))
                        && status.equals(a.get("status"))) {
                    found[0] = a;
                    return true;
                }
            }
            return false;
        }, () -> event + " alert of " + incidentId + " " + status);
        return found[0];
    }

    private Map<String, Object> ok(Caller caller, String tool, Map<String, Object> args) {
        return ToolCalls.ok(enori, tool, caller, args);
    }

    private static void await(BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + WAIT.toSeconds() + " s: " + what.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
