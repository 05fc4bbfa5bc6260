package io.enori.mcp.core.alerts;

import io.enori.mcp.api.spi.MaintenanceWindowStore;
import java.time.Instant;
import java.util.Optional;

/** Whether a maintenance window covers a monitor at an instant; alerts it covers are recorded as suppressed. */
@FunctionalInterface
public interface MaintenanceCoverage {

    /** No maintenance windows: nothing is ever covered. */
    MaintenanceCoverage NONE = (accountId, monitorId, at) -> Optional.empty();

    /**
     * @return the covering window in words (e.g. {@code mw_… "Database upgrade"}), or empty when none covers it
     */
    Optional<String> coveringWindow(String accountId, String monitorId, Instant at);

    /** Coverage as the store answers it: the first window active at that instant naming the monitor or all. */
    static MaintenanceCoverage of(MaintenanceWindowStore windows) {
        return (accountId, monitorId, at) -> windows.covering(accountId, monitorId, at).stream().findFirst()
                .map(w -> w.id() + " \"" + w.name() + "\"");
    }
}
