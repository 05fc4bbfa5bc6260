package io.enori.mcp.core.alerts;

import java.time.Duration;
import java.util.Objects;

/**
 * How alerts are delivered.
 *
 * @param attemptTimeout how long one HTTP attempt (connect and response) may take
 * @param attempts       attempts per alert before it is recorded as failed (a 4xx other than 429 fails at once)
 * @param backoff        the wait before the second attempt; it doubles before each later one
 * @param workers        how many deliveries run at once
 * @param queueCapacity  how many deliveries may wait for a worker; beyond that an alert stays pending and the
 *                       periodic sweep picks it up once the core is started
 * @param sweepEvery     how often a started core looks for pending alerts nobody is delivering (e.g. left by a
 *                       process that died)
 */
public record AlertOptions(Duration attemptTimeout, int attempts, Duration backoff, int workers, int queueCapacity,
                           Duration sweepEvery) {
    public AlertOptions {
        requirePositive(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(backoff, "backoff");
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative: " + backoff);
        }
        requirePositive(sweepEvery, "sweepEvery");
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("attempts must be 1-10: " + attempts);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1: " + workers);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be >= 1: " + queueCapacity);
        }
    }

    /** 10 s per attempt, 3 attempts, 1 s backoff (then 2 s), 4 workers, 1000 queued, sweep every 30 s. */
    public static AlertOptions defaults() {
        return new AlertOptions(Duration.ofSeconds(10), 3, Duration.ofSeconds(1), 4, 1000, Duration.ofSeconds(30));
    }

    public AlertOptions withAttemptTimeout(Duration timeout) {
        return new AlertOptions(timeout, attempts, backoff, workers, queueCapacity, sweepEvery);
    }

    public AlertOptions withAttempts(int count) {
        return new AlertOptions(attemptTimeout, count, backoff, workers, queueCapacity, sweepEvery);
    }

    public AlertOptions withBackoff(Duration wait) {
        return new AlertOptions(attemptTimeout, attempts, wait, workers, queueCapacity, sweepEvery);
    }

    /**
     * How long a claim on an alert lasts: every attempt timing out plus every backoff, plus a minute. A claim
     * outliving its holder (a process that died) lapses after this.
     */
    Duration lease() {
        Duration total = Duration.ofMinutes(1);
        for (int i = 0; i < attempts; i++) {
            // Connect and response each get the timeout.
            total = total.plus(attemptTimeout.multipliedBy(2)).plus(backoff.multipliedBy(1L << i));
        }
        return total;
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
