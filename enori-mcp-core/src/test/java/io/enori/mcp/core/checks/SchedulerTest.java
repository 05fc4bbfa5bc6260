package io.enori.mcp.core.checks;

import static io.enori.mcp.core.checks.SchedulerHarness.START;
import static io.enori.mcp.core.checks.SchedulerHarness.await;
import static io.enori.mcp.core.checks.SchedulerHarness.settle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.spi.CheckExecutor;
import io.enori.mcp.core.monitors.CheckRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private SchedulerHarness h;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void aDueMonitorRunsOncePerIntervalAsTheClockAdvances() {
        h = new SchedulerHarness();
        String id = h.website("a", 30);
        h.scheduler.start();
        Instant due = h.nextDue(id);
        assertThat(due).isBetween(START, START.plusSeconds(30).minusMillis(1));

        h.clock.set(due);
        await("first run recorded", () -> h.scheduler.stats().runs() == 1);
        h.clock.set(due.plusSeconds(29));
        settle();
        assertThat(h.stored(id)).hasSize(1);
        h.clock.set(due.plusSeconds(30));
        await("second run recorded", () -> h.scheduler.stats().runs() == 2);

        assertThat(h.stored(id)).extracting(r -> r.status()).containsOnly(CheckStatus.UP);
        assertThat(h.site.hits("a")).isEqualTo(2);
        assertThat(h.scheduler.nextDue(id)).contains(due.plusSeconds(60));
        assertThat(h.scheduler.stats().runs()).isEqualTo(2);
    }

    @Test
    void pausedMonitorsDoNotRunAndChangesAfterStartArePickedUp() {
        h = new SchedulerHarness();
        String active = h.website("active", 30);
        String paused = h.website("paused", 30);
        h.ok("pause_monitor", Map.of("monitorId", paused));
        h.scheduler.start();

        h.clock.advance(Duration.ofSeconds(30));
        await("active monitor ran", () -> h.stored(active).size() == 1);
        settle();
        assertThat(h.stored(paused)).isEmpty();
        assertThat(h.site.hits("paused")).isZero();
        assertThat(h.scheduler.nextDue(paused)).isEmpty();

        h.ok("resume_monitor", Map.of("monitorId", paused));
        String created = h.website("created", 30);
        h.nextDue(paused);
        h.nextDue(created);
        h.ok("pause_monitor", Map.of("monitorId", active));
        await("paused monitor unscheduled", () -> h.scheduler.nextDue(active).isEmpty());

        h.clock.advance(Duration.ofSeconds(30));
        await("resumed and new monitors ran",
                () -> h.stored(paused).size() == 1 && h.stored(created).size() == 1);
        settle();
        assertThat(h.stored(active)).hasSize(1);
    }

    @Test
    void monitorsWithTheSameIntervalStartAtDifferentOffsets() {
        h = new SchedulerHarness();
        List<String> ids = List.of(h.website("m1", 60), h.website("m2", 60), h.website("m3", 60),
                h.website("m4", 60), h.website("m5", 60));
        h.scheduler.start();

        Set<Instant> dues = new HashSet<>();
        for (String id : ids) {
            Instant due = h.nextDue(id);
            assertThat(due).isBetween(START, START.plusSeconds(60).minusMillis(1));
            dues.add(due);
        }
        assertThat(dues).hasSize(ids.size());
    }

    @Test
    void aSlowTargetIsNeverCheckedTwiceAtOnce() {
        h = new SchedulerHarness();
        h.site.delay.set(Duration.ofMillis(300));
        String id = h.website("slow", 30);
        h.scheduler.start();
        h.nextDue(id);

        for (int i = 0; i < 20; i++) {
            h.clock.advance(Duration.ofSeconds(30));
            SchedulerHarness.pause(Duration.ofMillis(30));
        }
        await("runs finished", () -> h.site.hits("slow") > 0 && h.stored(id).size() == h.site.hits("slow"));

        SchedulerHarness.assertNoOverlap(h.site, "slow");
        assertThat(h.scheduler.stats().skippedOverlaps()).isPositive();
        assertThat(h.scheduler.stats().failures()).isZero();
    }

    @Test
    void afterALongGapEachMonitorRunsOnceNotOncePerMissedInterval() {
        h = new SchedulerHarness();
        List<String> ids = List.of(h.website("g1", 30), h.website("g2", 30), h.website("g3", 30));
        h.scheduler.start();
        ids.forEach(h::nextDue);

        Instant later = h.clock.advance(Duration.ofSeconds(30 * 10));
        await("each monitor ran", () -> ids.stream().allMatch(id -> h.stored(id).size() == 1));
        settle();

        for (String id : ids) {
            assertThat(h.stored(id)).hasSize(1);
            assertThat(h.scheduler.nextDue(id).orElseThrow()).isAfter(later)
                    .isBeforeOrEqualTo(later.plusSeconds(30));
        }
        assertThat(h.scheduler.stats().runs()).isEqualTo(3);
    }

    @Test
    void stopStopsRunsAndAStartAfterAPauseRunsEachMonitorOnce() {
        h = new SchedulerHarness();
        String id = h.website("s", 30);
        h.scheduler.start();
        h.nextDue(id);
        h.clock.advance(Duration.ofSeconds(30));
        await("first run", () -> h.scheduler.stats().runs() == 1);

        h.scheduler.stop();
        h.scheduler.stop();
        assertThat(h.scheduler.isRunning()).isFalse();
        h.clock.advance(Duration.ofHours(1));
        settle();
        assertThat(h.stored(id)).hasSize(1);

        h.scheduler.start();
        h.scheduler.start();
        await("one catch-up run", () -> h.stored(id).size() == 2);
        settle();
        assertThat(h.stored(id)).hasSize(2);
        assertThat(h.site.hits("s")).isEqualTo(2);
    }

    @Test
    void runNowChecksImmediatelyAndReturnsTheRecordedResult() throws Exception {
        h = new SchedulerHarness();
        String id = h.website("now", 300);
        String paused = h.website("paused", 300);
        h.ok("pause_monitor", Map.of("monitorId", paused));
        assertThatThrownBy(() -> h.scheduler.runNow(h.writer.accountId(), id).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class);
        h.scheduler.start();

        CheckRecorder.Recorded recorded = h.scheduler.runNow(h.writer.accountId(), id).get(5, TimeUnit.SECONDS);

        assertThat(recorded.result().monitorId()).isEqualTo(id);
        assertThat(recorded.result().status()).isEqualTo(CheckStatus.UP);
        assertThat(recorded.monitor().consecutiveFailures()).isZero();
        assertThat(h.stored(id)).extracting(r -> r.id()).containsExactly(recorded.result().id());
        assertThat(h.scheduler.runNow(h.writer.accountId(), paused).get(5, TimeUnit.SECONDS).result().status())
                .isEqualTo(CheckStatus.UP);
        assertThatThrownBy(() -> h.scheduler.runNow(h.writer.accountId(), "mon_missing").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> h.scheduler.runNow("other", id).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aCheckThatThrowsIsCountedAndTheLoopGoesOn() {
        CheckExecutor throwing = (target, timeout) -> {
            if (target instanceof MonitorTarget.Website site && site.url().endsWith("/boom")) {
                throw new IllegalStateException("checker bug");
            }
            return SchedulerHarness.CHECKS.check(target, timeout);
        };
        h = new SchedulerHarness(throwing, 2, SchedulerHarness.FAST);
        String boom = h.website("boom", 30);
        String fine = h.website("fine", 30);
        h.scheduler.start();
        h.nextDue(boom);

        h.clock.advance(Duration.ofSeconds(30));
        await("first round", () -> h.scheduler.stats().runs() == 1 && h.scheduler.stats().failures() == 1);
        h.clock.advance(Duration.ofSeconds(30));
        await("second round", () -> h.scheduler.stats().runs() == 2 && h.scheduler.stats().failures() == 2);

        assertThat(h.stored(fine)).hasSize(2);
        assertThat(h.stored(boom)).isEmpty();
    }

    @Test
    void aHungCheckIsAbandonedAndTheMonitorRunsAgainAtItsNextDueTime() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        CheckExecutor hangsOnce = (target, timeout) -> {
            if (calls.incrementAndGet() == 1) {
                awaitUninterruptibly(release); // ignores its timeout and interrupts: the worst case
            }
            return SchedulerHarness.CHECKS.check(target, timeout);
        };
        h = new SchedulerHarness(hangsOnce, 2, SchedulerHarness.FAST);
        String id = h.website("hang", 30, 100);
        h.scheduler.start();
        h.nextDue(id);
        try {
            h.clock.advance(Duration.ofSeconds(30));
            await("hung run abandoned", () -> h.scheduler.stats().failures() == 1);
            h.clock.advance(Duration.ofSeconds(30));
            await("next run recorded", () -> h.stored(id).size() == 1);
        } finally {
            release.countDown();
        }
        settle();
        assertThat(h.stored(id)).as("the abandoned run is not recorded when it finally returns").hasSize(1);
    }

    @Test
    void aFullQueueSkipsDueRunsInsteadOfGrowing() {
        CountDownLatch release = new CountDownLatch(1);
        CheckExecutor blocking = (target, timeout) -> {
            awaitUninterruptibly(release);
            return SchedulerHarness.CHECKS.check(target, timeout);
        };
        Scheduler.Options oneSlot = new Scheduler.Options(Duration.ofMillis(10), Duration.ofMillis(50), 1,
                Duration.ofSeconds(10), Duration.ofSeconds(2));
        h = new SchedulerHarness(blocking, 1, oneSlot);
        List<String> ids = List.of(h.website("q1", 30), h.website("q2", 30), h.website("q3", 30),
                h.website("q4", 30));
        h.scheduler.start();
        ids.forEach(h::nextDue);
        try {
            h.clock.advance(Duration.ofSeconds(30));
            await("due runs skipped", () -> h.scheduler.stats().skippedQueueFull() >= 2);
        } finally {
            release.countDown();
        }
        await("queued runs done",
                () -> h.scheduler.stats().runs() + h.scheduler.stats().skippedQueueFull() == ids.size());
        assertThat(h.scheduler.stats().runs()).isBetween(1L, 2L);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
