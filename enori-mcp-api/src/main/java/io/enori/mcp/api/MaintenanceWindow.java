package io.enori.mcp.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A planned period, {@code [startsAt, endsAt)}, in which alerts for the covered monitors are suppressed. Checks
 * keep running and incidents still open; only alert deliveries are held back.
 *
 * @param monitorIds the covered monitors, in the order given; empty means every monitor of the account,
 *                   including monitors created after the window
 * @param createdBy  the principal (API key or OAuth grant) that created it
 */
public record MaintenanceWindow(String id, String accountId, String name, Instant startsAt, Instant endsAt,
                                List<String> monitorIds, String createdBy, Instant createdAt) {

    /** Where a window is relative to an instant. */
    public enum State {
        /** Starts later. */
        SCHEDULED,
        /** Covers the instant. */
        ACTIVE,
        /** Ended at or before the instant. */
        COMPLETED;

        /** The lower-case name tools use, e.g. {@code scheduled}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MaintenanceWindow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a maintenance window ends after it starts: " + startsAt + " .. " + endsAt);
        }
        // Duplicates would only repeat a row; keep the first occurrence's position.
        monitorIds = monitorIds == null ? List.of() : List.copyOf(new ArrayList<>(new LinkedHashSet<>(monitorIds)));
    }

    /** Whether the window names no monitors and so covers every monitor of its account. */
    public boolean coversAllMonitors() {
        return monitorIds.isEmpty();
    }

    /** Scheduled before {@code startsAt}, active in {@code [startsAt, endsAt)}, completed from {@code endsAt}. */
    public State stateAt(Instant at) {
        if (at.isBefore(startsAt)) {
            return State.SCHEDULED;
        }
        return at.isBefore(endsAt) ? State.ACTIVE : State.COMPLETED;
    }

    /** Whether the window is active at {@code at} and covers {@code monitorId}. */
    public boolean covers(String monitorId, Instant at) {
        return stateAt(at) == State.ACTIVE && (coversAllMonitors() || monitorIds.contains(monitorId));
    }

    public Duration duration() {
        return Duration.between(startsAt, endsAt);
    }
}
