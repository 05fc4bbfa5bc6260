package io.enori.mcp.core.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of worker threads over one bounded deque. Scheduled runs join the tail and are refused once
 * {@code capacity} runs wait; urgent runs (runNow) go to the head and may use a small reserve beyond it, so a
 * full queue delays but does not refuse someone waiting for a result.
 */
final class Workers {
    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);
    private static final int URGENT_RESERVE = 64;
    private static final long POLL_MILLIS = 100;

    private final int capacity;
    private final LinkedBlockingDeque<CheckRun> queue;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    Workers(int count, int capacity, String namePrefix) {
        this.capacity = capacity;
        this.queue = new LinkedBlockingDeque<>(capacity + URGENT_RESERVE);
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(this::loop, namePrefix + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /** Queues a scheduled run at the tail; false when {@code capacity} runs already wait. */
    boolean offer(CheckRun run) {
        // Only the scheduler's single tick thread offers here, so size-then-offer cannot overshoot.
        return !stopping && queue.size() < capacity && queue.offerLast(run);
    }

    /** Puts a run at the head: a new one, or one already waiting, which then jumps the queue. */
    boolean offerUrgent(CheckRun run, boolean fresh) {
        if (stopping) {
            return false;
        }
        if (!fresh && !queue.remove(run)) {
            return true; // already taken by a worker; nothing to hurry
        }
        return queue.offerFirst(run);
    }

    int queued() {
        return queue.size();
    }

    /**
     * Stops taking work, returns the runs that never started, and waits up to {@code grace} for the running
     * ones to finish.
     */
    List<CheckRun> shutdown(Duration grace) {
        stopping = true;
        List<CheckRun> dropped = new ArrayList<>();
        queue.drainTo(dropped);
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        queue.drainTo(dropped); // a run re-queued by runNow in the meantime
        return dropped;
    }

    private void loop() {
        while (!stopping) {
            CheckRun run;
            try {
                run = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // an interrupt meant for an abandoned run; stopping is checked above
            }
            if (run == null) {
                continue;
            }
            Thread.interrupted(); // never carry an interrupt aimed at an earlier run into this one
            try {
                run.run();
            } catch (Throwable t) {
                LOG.error("check worker caught {}", t.toString(), t);
            }
        }
    }
}
