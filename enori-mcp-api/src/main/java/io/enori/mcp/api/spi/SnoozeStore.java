package io.enori.mcp.api.spi;

import io.enori.mcp.api.Snooze;
import java.util.List;
import java.util.Optional;

/** Per-principal snoozes: at most one per (monitor, principal). */
public interface SnoozeStore {
    /** Creates or replaces the principal's snooze on the monitor. */
    void upsert(Snooze snooze);

    Optional<Snooze> find(String accountId, String monitorId, String principalId);

    /** @return whether a snooze existed */
    boolean delete(String accountId, String monitorId, String principalId);

    /** Every principal's snooze on the monitor, expired ones included. */
    List<Snooze> listForMonitor(String accountId, String monitorId);
}
