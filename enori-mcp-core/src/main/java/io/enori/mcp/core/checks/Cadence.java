package io.enori.mcp.core.checks;

import java.time.Instant;

/**
 * Due-time arithmetic for the scheduler. Every monitor runs on a fixed grid anchored to the epoch and shifted
 * by a stable hash of its id, so monitors with the same interval are spread over it, and a restart lands on
 * the same grid instead of re-phasing everything to "now".
 */
final class Cadence {
    private Cadence() {
    }

    /** The monitor's offset within its interval, in milliseconds: stable across processes and restarts. */
    static long offsetMillis(String monitorId, int intervalSeconds) {
        return Math.floorMod(mix(monitorId.hashCode()), intervalSeconds * 1000L);
    }

    /** The first grid point at or after {@code now}. */
    static Instant firstDue(String monitorId, int intervalSeconds, Instant now) {
        long interval = intervalSeconds * 1000L;
        long offset = offsetMillis(monitorId, intervalSeconds);
        long nowMillis = now.toEpochMilli();
        long base = Math.floorDiv(nowMillis - offset, interval) * interval + offset;
        return Instant.ofEpochMilli(base < nowMillis ? base + interval : base);
    }

    /**
     * The next grid point strictly after {@code now}, counted from {@code due}. After downtime this skips every
     * missed point at once, so a monitor runs at most once before it is back on its cadence.
     */
    static Instant nextAfter(Instant due, int intervalSeconds, Instant now) {
        long interval = intervalSeconds * 1000L;
        long dueMillis = due.toEpochMilli();
        long nowMillis = now.toEpochMilli();
        if (dueMillis > nowMillis) {
            return due;
        }
        long missed = (nowMillis - dueMillis) / interval + 1;
        return Instant.ofEpochMilli(dueMillis + missed * interval);
    }

    /** Murmur3's finaliser: String.hashCode of similar ids (same prefix and timestamp) spreads badly alone. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
