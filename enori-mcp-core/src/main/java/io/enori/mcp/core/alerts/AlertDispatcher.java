package io.enori.mcp.core.alerts;

import io.enori.mcp.api.Alert;
import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentEvent;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Snooze;
import io.enori.mcp.core.incidents.IncidentEvents;
import io.enori.mcp.core.tool.CoreContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an incident opening or ending into one alert per channel of its monitor. Runs on the publishing thread,
 * so it only decides and records: each alert is stored (suppressed, undeliverable or pending) before any network
 * I/O, and pending ones are queued for {@link AlertDelivery} on the bounded workers.
 *
 * <p>Suppression: a maintenance window covering the monitor suppresses every channel; a snooze suppresses only
 * the channels its principal owns, so shared channels and teammates' channels are still notified.
 */
final class AlertDispatcher implements IncidentEvents.Listener {
    static final String NO_EMAIL_SENDER = "no email sender configured";
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    /** How many pending alerts one sweep queues at most; the next sweep takes the rest. */
    private static final int SWEEP_BATCH = 500;

    private final CoreContext context;
    private final MaintenanceCoverage maintenance;
    private final boolean canEmail;
    private final AlertWorkers workers;
    private final AlertDelivery delivery;

    AlertDispatcher(CoreContext context, MaintenanceCoverage maintenance, boolean canEmail, AlertWorkers workers,
                    AlertDelivery delivery) {
        this.context = context;
        this.maintenance = maintenance;
        this.canEmail = canEmail;
        this.workers = workers;
        this.delivery = delivery;
    }

    @Override
    public void onEvent(Incident incident, IncidentEvent event) {
        Alert.Event alertEvent = switch (event.kind()) {
            case OPENED -> Alert.Event.INCIDENT_OPENED;
            case RESOLVED, RECOVERED -> Alert.Event.INCIDENT_RESOLVED;
            default -> null;
        };
        if (alertEvent == null) {
            return;
        }
        for (Alert alert : record(incident, alertEvent)) {
            if (alert.status() == Alert.Status.PENDING) {
                workers.submit(alert.id(), () -> delivery.deliver(alert));
            }
        }
    }

    /** Stores one alert per channel of the incident's monitor, each already decided; returns them. */
    List<Alert> record(Incident incident, Alert.Event event) {
        Optional<Monitor> monitor = context.storage().monitors().find(incident.accountId(), incident.monitorId());
        if (monitor.isEmpty() || monitor.get().channelIds().isEmpty()) {
            return List.of();
        }
        Instant now = context.clock().instant();
        Optional<String> window = maintenance.coveringWindow(incident.accountId(), incident.monitorId(), now);
        Map<String, Snooze> snoozes = context.storage().snoozes()
                .listForMonitor(incident.accountId(), incident.monitorId()).stream()
                .filter(s -> s.isActiveAt(now))
                .collect(Collectors.toMap(Snooze::principalId, Function.identity(), (a, b) -> a));
        List<Alert> alerts = new ArrayList<>();
        for (String channelId : monitor.get().channelIds()) {
            Optional<AlertChannel> channel = context.storage().alertChannels().find(incident.accountId(), channelId);
            if (channel.isEmpty()) {
                LOG.debug("monitor {} names channel {}, which no longer exists", incident.monitorId(), channelId);
                continue;
            }
            Alert.Status status = Alert.Status.PENDING;
            String reason = null;
            Snooze snooze = channel.get().isShared() ? null : snoozes.get(channel.get().ownerPrincipalId());
            if (window.isPresent()) {
                status = Alert.Status.SUPPRESSED;
                reason = "maintenance window " + window.get() + " covers this monitor";
            } else if (snooze != null) {
                status = Alert.Status.SUPPRESSED;
                reason = "snoozed by " + snooze.principalId() + " until " + snooze.until();
            } else if (channel.get().type() == AlertChannel.Type.EMAIL && !canEmail) {
                status = Alert.Status.UNDELIVERABLE;
                reason = NO_EMAIL_SENDER;
            }
            Alert alert = new Alert(context.ids().next("alr_"), incident.accountId(), incident.monitorId(),
                    incident.id(), channelId, channel.get().type(), event, status, reason, 0, now, now, null);
            try {
                context.storage().alerts().insert(alert);
                alerts.add(alert);
            } catch (RuntimeException e) {
                LOG.error("could not record the {} alert of incident {} for channel {}", event.wireName(),
                        incident.id(), channelId, e);
            }
        }
        return alerts;
    }

    /** Queues every pending alert nobody is delivering, e.g. those a stopped process left behind. */
    int resumePending() {
        int queued = 0;
        for (Alert alert : context.storage().alerts().listClaimable(context.clock().instant(), SWEEP_BATCH)) {
            if (workers.submit(alert.id(), () -> delivery.deliver(alert))) {
                queued++;
            }
        }
        return queued;
    }
}
