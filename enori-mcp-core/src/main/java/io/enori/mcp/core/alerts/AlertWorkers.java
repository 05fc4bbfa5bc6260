package io.enori.mcp.core.alerts;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded pool alerts and pushes are delivered on, off the threads that publish incident changes. A task is
 * keyed (an alert id), and a key already queued or running is not queued again, so a sweep finding an alert this
 * process is about to deliver does not deliver it twice. Threads are daemons and time out when idle, so an
 * embedding host that never closes the core is not kept alive by it.
 */
final class AlertWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(AlertWorkers.class);

    private final ThreadPoolExecutor pool;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    AlertWorkers(int workers, int queueCapacity) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "enori-alerts-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), threads, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Queues {@code task} unless {@code key} is already queued or running.
     *
     * @return whether it was queued; {@code false} when the key is taken, the queue is full or the pool closed
     */
    boolean submit(String key, Runnable task) {
        if (!queued.add(key)) {
            return false;
        }
        try {
            pool.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("alert task {} failed", key, e);
                } finally {
                    queued.remove(key);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            queued.remove(key);
            LOG.warn("alert queue full or closed; {} stays pending for the next sweep", key);
            return false;
        }
    }

    /** Stops taking tasks, lets running ones finish within {@code grace}, then interrupts them. */
    void close(Duration grace) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
