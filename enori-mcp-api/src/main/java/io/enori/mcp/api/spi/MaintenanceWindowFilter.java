package io.enori.mcp.api.spi;

import io.enori.mcp.api.MaintenanceWindow;
import java.time.Instant;
import java.util.Objects;

/**
 * Narrows a maintenance window listing; {@code null} fields mean any.
 *
 * @param state  only windows in this state at {@code at}
 * @param at     the instant {@code state} is judged at (required with a state)
 * @param since  only windows that end after this
 * @param until  only windows that start before this
 */
public record MaintenanceWindowFilter(MaintenanceWindow.State state, Instant at, Instant since, Instant until) {
    public static final MaintenanceWindowFilter ANY = new MaintenanceWindowFilter(null, null, null, null);

    public MaintenanceWindowFilter {
        if (state != null) {
            Objects.requireNonNull(at, "at (a state is judged at an instant)");
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("since must be before until");
        }
    }
}
