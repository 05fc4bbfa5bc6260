package io.enori.mcp.api.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The periods monitors were paused, so SLOs that exclude paused time can. Every read and write names the account.
 * Periods are half-open, {@code [pausedAt, resumedAt)}; an open period has no end yet.
 */
public interface MonitorPauseStore {

    /** Opens a pause period at {@code at}; a no-op when one is already open. */
    void paused(String accountId, String monitorId, Instant at);

    /** Closes the open pause period at {@code at}; a no-op when none is open. */
    void resumed(String accountId, String monitorId, Instant at);

    /**
     * The monitor's pause periods overlapping {@code [since, until)}, earliest first (open ones included).
     */
    List<PausedPeriod> overlapping(String accountId, String monitorId, Instant since, Instant until);

    /** One pause; {@code resumedAt} is null while still paused. */
    record PausedPeriod(Instant pausedAt, Instant resumedAt) {
        public PausedPeriod {
            Objects.requireNonNull(pausedAt, "pausedAt");
            if (resumedAt != null && resumedAt.isBefore(pausedAt)) {
                throw new IllegalArgumentException("resumed before paused: " + pausedAt + " .. " + resumedAt);
            }
        }

        /** The end, or {@code openEnd} while still paused. */
        public Instant endOr(Instant openEnd) {
            return resumedAt == null ? openEnd : resumedAt;
        }
    }
}
