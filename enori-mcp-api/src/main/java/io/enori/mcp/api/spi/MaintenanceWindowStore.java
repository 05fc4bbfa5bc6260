package io.enori.mcp.api.spi;

import io.enori.mcp.api.MaintenanceWindow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Maintenance windows. Every read and write names the account. A window's monitors must belong to its account;
 * windows are half-open, {@code [startsAt, endsAt)}.
 */
public interface MaintenanceWindowStore {

    /**
     * @throws io.enori.mcp.api.EnoriMcpException when a named monitor does not exist in the window's account
     */
    void insert(MaintenanceWindow window);

    Optional<MaintenanceWindow> find(String accountId, String windowId);

    /** Latest start first, keyset-paged. */
    Page<MaintenanceWindow> list(String accountId, MaintenanceWindowFilter filter, PageRequest page);

    /** Windows not yet completed at {@code at} (scheduled or active): what the plan's cap counts. */
    int countNotCompleted(String accountId, Instant at);

    /**
     * The windows covering {@code monitorId} at {@code at}: active then, and naming the monitor or naming none
     * (all monitors). Earliest end first. What alert suppression asks before each delivery; answered by an
     * indexed query, not by loading windows.
     */
    List<MaintenanceWindow> covering(String accountId, String monitorId, Instant at);

    /** Every window of the account active at {@code at}, earliest end first (at most the plan's cap). */
    List<MaintenanceWindow> activeAt(String accountId, Instant at);
}
