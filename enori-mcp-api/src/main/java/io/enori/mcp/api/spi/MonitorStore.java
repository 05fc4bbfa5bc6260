package io.enori.mcp.api.spi;

import io.enori.mcp.api.Monitor;
import java.util.List;
import java.util.Optional;

/**
 * Monitors. Every read and write names the account, so one account can never reach another's monitor.
 * Configuration and check state are written separately so a check landing never undoes a concurrent update.
 */
public interface MonitorStore {
    void insert(Monitor monitor);

    Optional<Monitor> find(String accountId, String monitorId);

    /** Oldest first, keyset-paged by id. */
    Page<Monitor> list(String accountId, MonitorFilter filter, PageRequest page);

    /** Every monitor of the account (bounded by the plan's cap), oldest first. */
    List<Monitor> listAll(String accountId);

    int count(String accountId);

    /**
     * Every unpaused monitor of every account, ordered by id. This is the scheduler's read of what to run, and
     * the only read that crosses accounts; nothing that answers a caller may use it.
     */
    List<Monitor> listAllUnpaused();

    /** Writes name, target, interval, timeout, alert settings, channels and the paused flag. */
    boolean updateConfig(Monitor monitor);

    /**
     * Writes status, consecutive failures, last check, last response time, last success, TLS expiry and domain
     * registration expiry.
     */
    boolean updateState(Monitor monitor);
}
