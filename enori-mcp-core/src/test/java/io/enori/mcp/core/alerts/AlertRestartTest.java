package io.enori.mcp.core.alerts;

import io.enori.mcp.core.testing.WebhookReceiver;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Alert;
import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.spi.AlertStore;
import io.enori.mcp.core.checks.DefaultCheckExecutor;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.Ids;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts survive the process: what one core recorded but did not deliver (it died first), the next core on the
 * same database delivers once started, exactly once, and never while another live process holds the claim.
 */
class AlertRestartTest {

    @Test
    void pendingAlertsLeftInTheDatabaseAreDeliveredOnceByTheNextCore(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("enori").toAbsolutePath() + ";DB_CLOSE_DELAY=-1";
        Instant created;
        Alert unclaimed;
        Alert claimedByDeadProcess;
        Alert claimedByLiveProcess;
        Alert delivered;
        WebhookReceiver receiver = WebhookReceiver.start();
        try (AlertHarness first = new AlertHarness(url, b -> { })) {
            String hook = first.channel(AlertChannel.Type.WEBHOOK, "Hook", receiver.url("/hook"), null);
            String shop = first.monitor("Shop");
            String incident = first.open(shop);
            // Paused, so the next core's scheduler leaves it alone and only the left-over alerts are in play.
            first.ok("pause_monitor", first.writer, args("monitorId", shop));
            created = first.clock.instant();
            AlertStore alerts = first.enori.storage().alerts();
            String account = first.writer.accountId();
            unclaimed = pending(account, shop, incident, hook, "alr_LEFTOVER00001", created);
            claimedByDeadProcess = pending(account, shop, incident, hook, "alr_LEFTOVER00002", created);
            claimedByLiveProcess = pending(account, shop, incident, hook, "alr_LEFTOVER00003", created);
            delivered = pending(account, shop, incident, hook, "alr_LEFTOVER00004", created)
                    .withOutcome(Alert.Status.DELIVERED, null, 1, created);
            for (Alert a : new Alert[] {unclaimed, claimedByDeadProcess, claimedByLiveProcess, delivered}) {
                alerts.insert(a);
            }
            assertThat(alerts.claim(account, claimedByDeadProcess.id(), "node_dead", created.minusSeconds(3_600),
                    created.minusSeconds(60))).isTrue();
            assertThat(alerts.claim(account, claimedByLiveProcess.id(), "node_alive", created,
                    created.plus(Duration.ofDays(1)))).isTrue();
            // The process "dies": its core stops without ever having been started.
        }

        try (AlertHarness second = new AlertHarness(url, b -> { })) {
            second.clock.set(created.plusSeconds(60));
            second.enori.start();

            AlertHarness.await(() -> status(second, unclaimed) == Alert.Status.DELIVERED
                    && status(second, claimedByDeadProcess) == Alert.Status.DELIVERED, () -> "" + second.stored());
            assertThat(receiver.received()).hasSize(2);
            assertThat(status(second, claimedByLiveProcess)).isEqualTo(Alert.Status.PENDING);
            assertThat(second.enori.storage().alerts().find(second.writer.accountId(), delivered.id()).orElseThrow())
                    .isEqualTo(delivered);

            // Another sweep, in this process or a third one, finds nothing left to deliver: nothing is sent twice.
            second.enori.start();
            CoreContext context = new CoreContext(second.enori.storage(), second.clock, new Ids(second.clock),
                    DefaultCheckExecutor.create(), Plan.DEFAULT, "http://localhost");
            try (Alerting third = Alerting.create(context, AlertHarness.FAST, null, null, MaintenanceCoverage.NONE)) {
                assertThat(third.sweep()).isZero();

                // Once the live process's claim lapses, its alert is taken over and delivered, once.
                second.clock.set(created.plus(Duration.ofDays(2)));
                assertThat(third.sweep()).isEqualTo(1);
                AlertHarness.await(() -> status(second, claimedByLiveProcess) == Alert.Status.DELIVERED,
                        () -> "" + second.stored());
                assertThat(third.sweep()).isZero();
            }
            assertThat(receiver.received()).hasSize(3);
        } finally {
            receiver.close();
        }
    }

    private static Alert pending(String account, String monitor, String incident, String channel, String id,
                                 Instant at) {
        return new Alert(id, account, monitor, incident, channel, AlertChannel.Type.WEBHOOK,
                Alert.Event.INCIDENT_OPENED, Alert.Status.PENDING, null, 0, at, at, null);
    }

    private static Alert.Status status(AlertHarness h, Alert alert) {
        return h.enori.storage().alerts().find(h.writer.accountId(), alert.id()).orElseThrow().status();
    }
}
