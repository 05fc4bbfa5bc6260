package io.enori.mcp.core.alerts;

import io.enori.mcp.api.Alert;
import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.spi.Storage;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one pending alert: claims it (so nobody else delivers it meanwhile), reads what it is about, tries
 * up to {@link AlertOptions#attempts()} times with doubling backoff, and records the outcome. Interrupted (the
 * core is closing), it hands the alert back as pending for the next start.
 */
final class AlertDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);

    private final Storage storage;
    private final Clock clock;
    private final AlertOptions options;
    private final ChannelSender sender;
    private final String claimant;

    AlertDelivery(Storage storage, Clock clock, AlertOptions options, ChannelSender sender, String claimant) {
        this.storage = storage;
        this.clock = clock;
        this.options = options;
        this.sender = sender;
        this.claimant = claimant;
    }

    void deliver(Alert pending) {
        Instant now = clock.instant();
        if (!storage.alerts().claim(pending.accountId(), pending.id(), claimant, now, now.plus(options.lease()))) {
            return;
        }
        Optional<AlertChannel> channel = storage.alertChannels().find(pending.accountId(), pending.channelId());
        Optional<Incident> incident = storage.incidents().find(pending.accountId(), pending.incidentId());
        if (channel.isEmpty() || incident.isEmpty()) {
            finish(pending, Alert.Status.FAILED, channel.isEmpty()
                    ? "channel " + pending.channelId() + " was deleted before delivery"
                    : "incident " + pending.incidentId() + " no longer exists", 0);
            return;
        }
        if (channel.get().type() == AlertChannel.Type.EMAIL && !sender.canEmail()) {
            finish(pending, Alert.Status.UNDELIVERABLE, AlertDispatcher.NO_EMAIL_SENDER, 0);
            return;
        }
        Monitor monitor = storage.monitors().find(pending.accountId(), pending.monitorId()).orElse(null);
        AlertMessages.Notice notice = AlertMessages.notice(pending, incident.get(), monitor);
        int attempts = 0;
        try {
            while (true) {
                attempts++;
                ChannelSender.Attempt attempt = sender.attempt(channel.get(), notice);
                switch (attempt.verdict()) {
                    case DELIVERED -> {
                        finish(pending, Alert.Status.DELIVERED, null, attempts);
                        return;
                    }
                    case FAIL -> {
                        finish(pending, Alert.Status.FAILED, attempt.reason(), attempts);
                        return;
                    }
                    default -> {
                        if (attempts >= options.attempts()) {
                            finish(pending, Alert.Status.FAILED, attempt.reason() + " (" + attempts
                                    + (attempts == 1 ? " attempt)" : " attempts)"), attempts);
                            return;
                        }
                        Thread.sleep(options.backoff().multipliedBy(1L << (attempts - 1)).toMillis());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Back to unclaimed pending: the next start delivers it.
            finish(pending, Alert.Status.PENDING, null, attempts);
        }
    }

    private void finish(Alert pending, Alert.Status status, String reason, int attempts) {
        Alert done = pending.withOutcome(status, reason, attempts, clock.instant());
        if (!storage.alerts().complete(done, claimant)) {
            LOG.warn("alert {} was taken over before its outcome ({}) was written", pending.id(), status);
        } else if (status == Alert.Status.FAILED) {
            LOG.warn("alert {} to {} channel {} failed: {}", pending.id(), pending.channelType().wireName(),
                    pending.channelId(), reason);
        }
    }
}
