package io.enori.mcp.api.spi;

import io.enori.mcp.api.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Alerts and their delivery state. A pending alert is delivered by whoever claims it: a claim is a
 * compare-and-set with a lease, so one alert is never delivered twice at once, and a claim whose holder died
 * lapses and can be taken again.
 */
public interface AlertStore {
    void insert(Alert alert);

    Optional<Alert> find(String accountId, String alertId);

    /** Newest first by creation time, keyset-paged; range on {@code createdAt}, half-open, either end optional. */
    Page<Alert> list(String accountId, AlertFilter filter, Instant since, Instant until, PageRequest page);

    /**
     * Takes a pending alert for delivery until {@code leaseUntil}.
     *
     * @return {@code false} when it is no longer pending or someone else holds an unexpired claim
     */
    boolean claim(String accountId, String alertId, String claimant, Instant now, Instant leaseUntil);

    /**
     * Writes a claimed alert's outcome (status, reason, attempts, times), if it is still pending and claimed by
     * {@code claimant}.
     *
     * @return whether it was written
     */
    boolean complete(Alert updated, String claimant);

    /** Pending alerts of every account that nobody holds an unexpired claim on at {@code now}, oldest first. */
    List<Alert> listClaimable(Instant now, int limit);
}
