package io.enori.mcp.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One notification of one incident change to one channel, and what became of it. Every alert is recorded before
 * any delivery is attempted, suppressed and undeliverable ones included, so the record says who was (not)
 * told and why.
 *
 * @param channelType the channel's type when the alert was made (kept if the channel is deleted later)
 * @param reason      why it was suppressed, failed or undeliverable; {@code null} while pending and once
 *                    delivered
 * @param attempts    delivery attempts made so far
 * @param deliveredAt when the receiving service accepted it, else {@code null}
 */
public record Alert(String id, String accountId, String monitorId, String incidentId, String channelId,
                    AlertChannel.Type channelType, Event event, Status status, String reason, int attempts,
                    Instant createdAt, Instant updatedAt, Instant deliveredAt) {

    /** The incident change an alert announces. */
    public enum Event {
        INCIDENT_OPENED, INCIDENT_RESOLVED;

        /** {@code incident_opened} or {@code incident_resolved}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where an alert is: waiting for delivery, or one of the four final outcomes. */
    public enum Status {
        /** Recorded, not yet delivered (or the process stopped before it was). */
        PENDING,
        /** The receiving service accepted it. */
        DELIVERED,
        /** Delivery was tried and did not succeed; {@code reason} says why. */
        FAILED,
        /** Deliberately not sent: a maintenance window or the channel owner's snooze. */
        SUPPRESSED,
        /** Cannot be sent at all, e.g. an email channel with no email sender configured. */
        UNDELIVERABLE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether nothing more will happen to an alert in this status. */
        public boolean isFinal() {
            return this != PENDING;
        }
    }

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(monitorId, "monitorId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(channelType, "channelType");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative: " + attempts);
        }
        if (status == Status.DELIVERED && deliveredAt == null) {
            throw new IllegalArgumentException("a delivered alert has deliveredAt");
        }
    }

    /** This alert in a new status, as of {@code at}. */
    public Alert withOutcome(Status newStatus, String newReason, int newAttempts, Instant at) {
        return new Alert(id, accountId, monitorId, incidentId, channelId, channelType, event, newStatus, newReason,
                newAttempts, createdAt, at, newStatus == Status.DELIVERED ? at : deliveredAt);
    }
}
