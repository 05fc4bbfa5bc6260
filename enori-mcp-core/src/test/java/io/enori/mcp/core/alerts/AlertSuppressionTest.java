package io.enori.mcp.core.alerts;

import io.enori.mcp.core.testing.WebhookReceiver;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Alert;
import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentEvent;
import io.enori.mcp.api.IncidentStatus;
import io.enori.mcp.api.Plan;
import io.enori.mcp.core.checks.DefaultCheckExecutor;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.Ids;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A snooze silences only the channels its principal owns; a maintenance window silences every channel. Either way
 * the alert is recorded as suppressed with the reason, and nothing is sent for it.
 */
class AlertSuppressionTest {
    private AlertHarness h;
    private WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        h = new AlertHarness();
        receiver = h.receiver();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void aSnoozeSuppressesOnlyTheSnoozersChannelWhileTeammatesAndSharedChannelsAreDelivered() {
        String mine = h.channel(AlertChannel.Type.WEBHOOK, "Writer's phone", receiver.url("/writer"),
                h.writer.principalId());
        String theirs = h.channel(AlertChannel.Type.SLACK, "Writer 2's DM", receiver.url("/writer2"),
                h.writer2.principalId());
        String shared = h.channel(AlertChannel.Type.DISCORD, "#ops", receiver.url("/shared"), null);
        String shop = h.monitor("Shop", mine, theirs, shared);
        h.ok("snooze_monitor", h.writer, args("monitorId", shop, "durationMinutes", 60));

        h.open(shop);

        Map<String, Alert> byChannel = h.awaitSettled(3).stream()
                .collect(Collectors.toMap(Alert::channelId, a -> a));
        assertThat(byChannel.get(mine).status()).isEqualTo(Alert.Status.SUPPRESSED);
        assertThat(byChannel.get(mine).reason())
                .isEqualTo("snoozed by " + h.writer.principalId() + " until 2025-11-10T13:00:00Z");
        assertThat(byChannel.get(mine).attempts()).isZero();
        assertThat(byChannel.get(theirs).status()).isEqualTo(Alert.Status.DELIVERED);
        assertThat(byChannel.get(shared).status()).isEqualTo(Alert.Status.DELIVERED);
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::path)
                .containsExactlyInAnyOrder("/writer2", "/shared");
    }

    @Test
    void anExpiredOrRemovedSnoozeNoLongerSuppresses() {
        String mine = h.channel(AlertChannel.Type.WEBHOOK, "Writer's phone", receiver.url("/writer"),
                h.writer.principalId());
        String shop = h.monitor("Shop", mine);
        h.ok("snooze_monitor", h.writer, args("monitorId", shop, "durationMinutes", 30));
        h.ok("unsnooze_monitor", h.writer, args("monitorId", shop));

        h.open(shop);

        assertThat(h.awaitSettled(1).get(0).status()).isEqualTo(Alert.Status.DELIVERED);
    }

    @Test
    void aMaintenanceWindowSuppressesEveryChannelAndNamesTheWindow() {
        // Driven through the dispatcher's own context, with a coverage that says a window covers the monitor.
        String shared = h.channel(AlertChannel.Type.WEBHOOK, "#ops", receiver.url("/shared"), null);
        String mine = h.channel(AlertChannel.Type.WEBHOOK, "Mine", receiver.url("/mine"), h.writer.principalId());
        String shop = h.monitor("Shop", shared, mine);
        CoreContext context = new CoreContext(h.enori.storage(), h.clock, new Ids(h.clock),
                DefaultCheckExecutor.create(), Plan.DEFAULT, "http://localhost");
        MaintenanceCoverage coverage = (account, monitor, at) -> monitor.equals(shop)
                ? Optional.of("mw_1 \"Database upgrade\"") : Optional.empty();
        try (Alerting alerting = Alerting.create(context, AlertHarness.FAST, null, null, coverage)) {
            Instant now = h.clock.instant();
            Incident incident = new Incident("inc_MAINT00000001", h.writer.accountId(), shop, IncidentStatus.OPEN,
                    "down", now, null, null, null, null, null, now);
            IncidentEvent opened = new IncidentEvent("evt_MAINT0000001", h.writer.accountId(), incident.id(),
                    IncidentEvent.Kind.OPENED, "Incident opened: down", IncidentEvent.SYSTEM, now);
            assertThat(h.enori.storage().incidents().open(incident, opened)).isTrue();

            context.incidentEvents().publish(incident, opened);
        }

        List<Alert> alerts = h.stored();
        assertThat(alerts).hasSize(2).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(Alert.Status.SUPPRESSED);
            assertThat(a.reason()).isEqualTo("maintenance window mw_1 \"Database upgrade\" covers this monitor");
        });
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void acknowledgementsAndUpdatesMakeNoAlerts() {
        String shared = h.channel(AlertChannel.Type.WEBHOOK, "#ops", receiver.url("/shared"), null);
        String incident = h.open(h.monitor("Shop", shared));
        h.awaitSettled(1);

        h.ok("acknowledge_incident", h.writer, args("incidentId", incident));
        h.ok("add_incident_update", h.writer, args("incidentId", incident, "message", "Rolling back"));
        h.ok("resolve_incident", h.writer, args("incidentId", incident, "resolutionNote", "Rolled back"));

        List<Alert> alerts = h.awaitSettled(2);
        assertThat(alerts).extracting(Alert::event)
                .containsExactly(Alert.Event.INCIDENT_RESOLVED, Alert.Event.INCIDENT_OPENED);
        assertThat(receiver.received().get(1).json()).containsEntry("event", "incident_resolved");
    }

    @Test
    void aMonitorWithoutChannelsMakesNoAlerts() {
        h.open(h.monitor("Quiet"));

        assertThat(h.stored()).isEmpty();
    }
}
