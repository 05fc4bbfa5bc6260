package io.enori.mcp.core.traces;

import io.enori.mcp.core.tool.CoreContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes spans received longer ago than the retention. Runs at most once a minute and deletes at most
 * {@link #MAX_ROWS_PER_PURGE} rows per run, so no ingest request pays for a large backlog at once.
 */
final class TraceRetention {

    static final Duration DEFAULT = Duration.ofDays(7);
    static final Duration EVERY = Duration.ofMinutes(1);
    static final int MAX_ROWS_PER_PURGE = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(TraceRetention.class);

    private final CoreContext context;
    private final Duration retention;
    private final AtomicReference<Instant> nextRun = new AtomicReference<>(Instant.MIN);

    TraceRetention(CoreContext context, Duration retention) {
        this.context = context;
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("traceRetention must be positive");
        }
    }

    Duration retention() {
        return retention;
    }

    /** Purges when the last purge is a minute old; returns how many spans went. */
    int purgeIfDue() {
        Instant now = context.clock().instant();
        Instant due = nextRun.get();
        if (now.isBefore(due) || !nextRun.compareAndSet(due, now.plus(EVERY))) {
            return 0;
        }
        try {
            int purged = context.storage().traces().purgeReceivedBefore(now.minus(retention), MAX_ROWS_PER_PURGE);
            if (purged > 0) {
                LOG.debug("purged {} spans received before {}", purged, now.minus(retention));
            }
            return purged;
        } catch (RuntimeException e) {
            LOG.warn("trace retention purge failed; retrying in {}", EVERY, e);
            return 0;
        }
    }
}
