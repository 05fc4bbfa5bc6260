package io.enori.mcp.core.alerts;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Alert;
import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.spi.IncidentFilter;
import io.enori.mcp.api.spi.PageRequest;
import io.enori.mcp.core.testing.PostgresSchemas;
import io.enori.mcp.core.testing.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two cores on one PostgreSQL schema both record failing (then healthy) checks of the same monitor at the same
 * moments: one incident opens (the active-incident key), and each of its alerts is recorded and sent once.
 */
class ClusterAlertIT {
    private final PostgresSchemas schemas = new PostgresSchemas();

    @AfterEach
    void dropSchemas() {
        schemas.close();
    }

    @Test
    void twoNodesRecordingTheSameFailuresSendEachAlertOnce() throws Exception {
        String url = schemas.freshUrl();
        try (WebhookReceiver receiver = WebhookReceiver.start();
             AlertHarness a = new AlertHarness(url, b -> { });
             AlertHarness b = new AlertHarness(url, x -> { })) {
            String hook = a.channel(AlertChannel.Type.WEBHOOK, "Hook", receiver.url("/hook"), null);
            String shop = a.monitor("Shop", hook);

            a.site.unavailable();
            for (int round = 1; round <= 4; round++) {
                bothCheckAtOnce(a, b, shop, AlertHarness.START.plus(Duration.ofMinutes(round)));
            }
            List<Incident> incidents = incidents(a, shop);
            assertThat(incidents).as("incidents of the monitor").hasSize(1);
            AlertHarness.await(() -> receiver.received().size() >= 1, () -> "no alert arrived");

            a.site.healthy();
            for (int round = 5; round <= 6; round++) {
                bothCheckAtOnce(a, b, shop, AlertHarness.START.plus(Duration.ofMinutes(round)));
            }
            assertThat(incidents(a, shop)).hasSize(1).allMatch(i -> i.resolvedAt() != null);

            List<Alert> alerts = a.awaitSettled(2);
            assertThat(alerts).extracting(Alert::event)
                    .containsExactlyInAnyOrder(Alert.Event.INCIDENT_OPENED, Alert.Event.INCIDENT_RESOLVED);
            assertThat(alerts).allMatch(alert -> alert.status() == Alert.Status.DELIVERED);
            Thread.sleep(300); // nothing more may arrive: a second send would be late, not early
            assertThat(receiver.received()).as("webhook requests").hasSize(2);
        }
    }

    /** Both nodes' clocks at {@code at}, then one check_now on each, released together. */
    private static void bothCheckAtOnce(AlertHarness a, AlertHarness b, String monitorId, Instant at)
            throws Exception {
        a.clock.set(at);
        b.clock.set(at);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (AlertHarness node : List.of(a, b)) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return node.ok("check_now", node.writer, args("monitorId", monitorId));
            }));
        }
        go.countDown();
        for (CompletableFuture<Object> call : calls) {
            call.get(30, TimeUnit.SECONDS);
        }
    }

    private static List<Incident> incidents(AlertHarness h, String monitorId) {
        return h.enori.storage().incidents().list(h.writer.accountId(), new IncidentFilter(null, monitorId, false),
                null, null, PageRequest.first(50)).items();
    }
}
