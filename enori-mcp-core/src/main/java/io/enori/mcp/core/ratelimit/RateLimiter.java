package io.enori.mcp.core.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.enori.mcp.api.Caller;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * An exact rolling-window limiter: a principal is admitted when fewer than {@code limit} of its calls were
 * admitted in the last 60 seconds. Each principal's window is guarded by its own lock, so 8 concurrent callers
 * on one key are admitted exactly {@code limit} times, never one more.
 *
 * <p>Memory is bounded: a window holds at most {@code limit} timestamps, and idle principals are evicted
 * (Caffeine, size- and time-bounded) once their window is empty anyway.
 */
public final class RateLimiter implements RateLimits {
    public static final Duration WINDOW = Duration.ofSeconds(60);
    private static final long MAX_PRINCIPALS = 100_000;

    private final Clock clock;
    private final int apiKeyLimit;
    private final int oauthLimit;
    private final Cache<String, Window> windows;

    public RateLimiter(Clock clock, int apiKeyLimit, int oauthLimit) {
        if (apiKeyLimit < 1 || oauthLimit < 1) {
            throw new IllegalArgumentException("rate limits must be >= 1");
        }
        this.clock = clock;
        this.apiKeyLimit = apiKeyLimit;
        this.oauthLimit = oauthLimit;
        this.windows = Caffeine.newBuilder()
                .maximumSize(MAX_PRINCIPALS)
                .expireAfterAccess(WINDOW.multipliedBy(2))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    @Override
    public int limitFor(Caller caller) {
        return caller.kind() == Caller.Kind.OAUTH ? oauthLimit : apiKeyLimit;
    }

    @Override
    public Decision tryAcquire(Caller caller) {
        int limit = limitFor(caller);
        Window window = windows.get(caller.principalId(), k -> new Window());
        return window.tryAcquire(clock.millis(), limit);
    }

    /** Calls admitted in the current window, for observability. */
    public int used(String principalId) {
        Window window = windows.getIfPresent(principalId);
        return window == null ? 0 : window.used(clock.millis());
    }

    @Override
    public java.util.Map<String, Integer> usage() {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        long now = clock.millis();
        windows.asMap().forEach((principal, window) -> {
            int used = window.used(now);
            if (used > 0) {
                out.put(principal, used);
            }
        });
        return out;
    }

    @Override
    public int[] limits() {
        return new int[] {apiKeyLimit, oauthLimit};
    }

    private static final class Window {
        private final ArrayDeque<Long> admitted = new ArrayDeque<>();

        synchronized Decision tryAcquire(long nowMillis, int limit) {
            evict(nowMillis);
            if (admitted.size() < limit) {
                admitted.addLast(nowMillis);
                return new Decision.Admitted(limit, limit - admitted.size());
            }
            long freesAt = admitted.peekFirst() + WINDOW.toMillis();
            long retryAfter = Math.max(1, (freesAt - nowMillis + 999) / 1000);
            return new Decision.Rejected(limit, retryAfter);
        }

        synchronized int used(long nowMillis) {
            evict(nowMillis);
            return admitted.size();
        }

        private void evict(long nowMillis) {
            long cutoff = nowMillis - WINDOW.toMillis();
            while (!admitted.isEmpty() && admitted.peekFirst() <= cutoff) {
                admitted.removeFirst();
            }
        }
    }
}
