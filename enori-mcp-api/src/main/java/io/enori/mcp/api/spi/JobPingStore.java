package io.enori.mcp.api.spi;

import io.enori.mcp.api.JobPing;
import java.util.Optional;

/**
 * Heartbeats of job monitors. Every read and write names the account, so one account can never reach another's
 * pings. "Latest" means greatest {@code receivedAt}, ties broken by the greater id.
 */
public interface JobPingStore {

    /** Stores a ping of an existing monitor of the ping's account. */
    void insert(JobPing ping);

    /** The most recent ping of the monitor, of any kind. */
    Optional<JobPing> latest(String accountId, String monitorId);

    /** The most recent ping of the monitor of one kind. */
    Optional<JobPing> latest(String accountId, String monitorId, JobPing.Kind kind);

    /** The most recent {@link JobPing.Kind#SUCCESS} ping of the monitor, if it ever had one. */
    default Optional<JobPing> lastSuccess(String accountId, String monitorId) {
        return latest(accountId, monitorId, JobPing.Kind.SUCCESS);
    }

    /**
     * The monitor's pings newest first, keyset-paged by time and id.
     *
     * @throws IllegalArgumentException when {@code page.afterKey()} is not a key this store produced
     */
    Page<JobPing> list(String accountId, String monitorId, PageRequest page);
}
