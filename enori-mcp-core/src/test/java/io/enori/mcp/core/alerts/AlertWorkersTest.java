package io.enori.mcp.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The delivery pool is bounded and never holds the same alert twice. */
class AlertWorkersTest {

    @Test
    void anAlertAlreadyQueuedOrRunningIsNotQueuedAgainAndAFullQueueRefuses() throws InterruptedException {
        AlertWorkers workers = new AlertWorkers(1, 1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        try {
            assertThat(workers.submit("alr_1", () -> {
                running.countDown();
                runs.incrementAndGet();
                await(release);
            })).isTrue();
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(workers.submit("alr_1", runs::incrementAndGet)).as("running: not again").isFalse();
            assertThat(workers.submit("alr_2", runs::incrementAndGet)).as("fills the one queue slot").isTrue();
            assertThat(workers.submit("alr_2", runs::incrementAndGet)).as("queued: not again").isFalse();
            assertThat(workers.submit("alr_3", runs::incrementAndGet)).as("queue full").isFalse();
        } finally {
            release.countDown();
            workers.close(Duration.ofSeconds(10));
        }
        assertThat(runs).hasValue(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
