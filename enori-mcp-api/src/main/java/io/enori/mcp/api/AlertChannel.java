package io.enori.mcp.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where alerts of a monitor go: an email address or a webhook (Slack, Discord, Microsoft Teams or a plain JSON
 * webhook). Monitors name their channels in {@link Monitor#channelIds()}.
 *
 * @param target           the email address (EMAIL) or the webhook URL (every other type); a webhook URL is a
 *                         secret, so listings mask it
 * @param ownerPrincipalId the principal (API key or OAuth grant) whose notifications this channel carries, so
 *                         that principal's snooze silences it; {@code null} for a shared team channel, which no
 *                         single snooze silences
 */
public record AlertChannel(String id, String accountId, Type type, String name, String target,
                           String ownerPrincipalId, Instant createdAt) {

    /** How a channel is delivered. */
    public enum Type {
        EMAIL, SLACK, DISCORD, TEAMS, WEBHOOK;

        /** The lower-case name used on the wire, e.g. {@code slack}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Looks a type up by name, case-insensitively. */
        public static Optional<Type> parse(String name) {
            if (name == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    public AlertChannel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether no single principal owns it, so it is delivered whoever snoozed the monitor. */
    public boolean isShared() {
        return ownerPrincipalId == null;
    }
}
