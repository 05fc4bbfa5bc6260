package io.enori.mcp.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic clean-up a started core runs on one daemon thread: rows that only grow unless someone deletes them
 * (expired OAuth codes and tokens, spans past their retention). Each task deletes a bounded amount per run and is
 * idempotent, so several cluster nodes running it at once only repeat each other's no-ops.
 */
final class Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final Duration every;
    private final Map<String, IntSupplier> tasks = new LinkedHashMap<>();
    private ScheduledExecutorService executor;

    Housekeeping(Duration every) {
        this.every = every;
    }

    /** Adds a task that returns how many rows it removed. */
    Housekeeping task(String name, IntSupplier task) {
        tasks.put(name, task);
        return this;
    }

    synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "enori-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs every task once; a failing task is logged and the others still run. */
    void runOnce() {
        tasks.forEach((name, task) -> {
            try {
                int removed = task.getAsInt();
                if (removed > 0) {
                    LOG.info("housekeeping: {} removed {} rows", name, removed);
                }
            } catch (RuntimeException e) {
                LOG.warn("housekeeping: {} failed; next try in {}", name, every, e);
            }
        });
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
