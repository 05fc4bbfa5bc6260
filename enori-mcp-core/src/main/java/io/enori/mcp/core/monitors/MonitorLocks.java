package io.enori.mcp.core.monitors;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises read-modify-write of one monitor within this process (check results landing, pause, update), so
 * two of them never compute from the same stale row. A fixed set of striped locks keeps memory bounded.
 * Across nodes this becomes a database lease (scale-out issue).
 */
public final class MonitorLocks {
    private static final int STRIPES = 64;
    private static final ReentrantLock[] LOCKS = new ReentrantLock[STRIPES];

    static {
        for (int i = 0; i < STRIPES; i++) {
            LOCKS[i] = new ReentrantLock();
        }
    }

    private MonitorLocks() {
    }

    /** Runs {@code work} holding the monitor's lock (reentrant), so it never interleaves with a check landing. */
    public static <T> T withLock(String monitorId, Supplier<T> work) {
        ReentrantLock lock = LOCKS[Math.floorMod(monitorId.hashCode(), STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
