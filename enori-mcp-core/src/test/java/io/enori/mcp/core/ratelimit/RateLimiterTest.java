package io.enori.mcp.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final Caller KEY = Caller.apiKey("acc_1", "key_1", Set.of(Scope.MONITORS_READ));
    private static final Caller OTHER_KEY = Caller.apiKey("acc_1", "key_2", Set.of(Scope.MONITORS_READ));

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        final AtomicLong millis = new AtomicLong(Instant.parse("2026-11-25T12:00:00Z").toEpochMilli());

        public ZoneId getZone() { return ZoneOffset.UTC; }

        public Clock withZone(ZoneId zone) { return this; }

        public Instant instant() { return Instant.ofEpochMilli(millis.get()); }
    }

    @Test
    void admitsExactlyTheLimitUnderEightConcurrentCallers() throws Exception {
        RateLimiter limiter = new RateLimiter(new ManualClock(), 60, 100);
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 50; i++) {
                    if (limiter.tryAcquire(KEY) instanceof RateLimiter.Decision.Admitted) {
                        admitted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(admitted.get()).isEqualTo(60);
    }

    @Test
    void rejectionSaysWhenTheOldestSlotFrees() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(clock, 2, 100);
        limiter.tryAcquire(KEY);
        clock.millis.addAndGet(10_500);
        limiter.tryAcquire(KEY);
        RateLimiter.Decision decision = limiter.tryAcquire(KEY);
        assertThat(decision).isEqualTo(new RateLimiter.Decision.Rejected(2, 50));
        clock.millis.addAndGet(49_500);
        assertThat(limiter.tryAcquire(KEY)).isInstanceOf(RateLimiter.Decision.Admitted.class);
    }

    @Test
    void principalsHaveSeparateWindowsAndOauthHasTheHigherLimit() {
        RateLimiter limiter = new RateLimiter(new ManualClock(), 1, 3);
        assertThat(limiter.tryAcquire(KEY)).isInstanceOf(RateLimiter.Decision.Admitted.class);
        assertThat(limiter.tryAcquire(KEY)).isInstanceOf(RateLimiter.Decision.Rejected.class);
        assertThat(limiter.tryAcquire(OTHER_KEY)).isInstanceOf(RateLimiter.Decision.Admitted.class);
        Caller oauth = Caller.oauth("acc_1", "grant_1");
        assertThat(limiter.limitFor(oauth)).isEqualTo(3);
        assertThat(limiter.used("key_1")).isEqualTo(1);
    }

    @Property(tries = 200)
    void neverAdmitsMoreThanTheLimitInAnyRollingMinute(
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 5_000) Integer> gapsMillis,
            @ForAll @IntRange(min = 1, max = 20) int limit) {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(clock, limit, limit);
        List<Long> admittedAt = new ArrayList<>();
        for (int gap : gapsMillis) {
            clock.millis.addAndGet(gap);
            if (limiter.tryAcquire(KEY) instanceof RateLimiter.Decision.Admitted) {
                admittedAt.add(clock.millis());
            }
        }
        for (int i = 0; i + limit < admittedAt.size(); i++) {
            assertThat(admittedAt.get(i + limit) - admittedAt.get(i)).isGreaterThanOrEqualTo(60_000);
        }
    }
}
