package io.enori.mcp.api.spi;

import io.enori.mcp.api.BrowserCheck;
import io.enori.mcp.api.BrowserMonitor;
import io.enori.mcp.api.Monitor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The browser halves of browser monitors, their check details, and the billing items of the built-in gateway.
 * Every method is scoped to an account.
 */
public interface BrowserMonitorStore {

    /** Inserts the monitor and its browser half in one transaction. */
    void insert(Monitor monitor, BrowserMonitor browser);

    Optional<BrowserMonitor> find(String accountId, String monitorId);

    /** Every browser half of the account, oldest first. */
    List<BrowserMonitor> listAll(String accountId);

    /** Replaces steps, variables and healing state; false when it does not exist. */
    boolean update(BrowserMonitor browser);

    /** Deletes the monitor, its browser half and everything hanging off the monitor; false when absent. */
    boolean delete(String accountId, String monitorId);

    void insertCheck(BrowserCheck check);

    Optional<BrowserCheck> findCheck(String accountId, String checkId);

    Optional<BrowserCheck> latestCheck(String accountId, String monitorId);

    /** Checks of one monitor in {@code [since, until)}, newest first, at most {@code limit}. */
    List<BrowserCheck> checks(String accountId, String monitorId, Instant since, Instant until, int limit);

    /** A billing item as the built-in gateway keeps it. */
    record BillingItem(String id, String accountId, String monitorId, BigDecimal price, String currency,
                       int periodDays, Instant startsAt, Instant cancelledAt, BigDecimal credit) {
    }

    void insertBillingItem(BillingItem item);

    /** Marks an item cancelled with its credit; false when absent or already cancelled. */
    boolean cancelBillingItem(String accountId, String itemId, BigDecimal credit, Instant at);

    List<BillingItem> billingItems(String accountId);
}
