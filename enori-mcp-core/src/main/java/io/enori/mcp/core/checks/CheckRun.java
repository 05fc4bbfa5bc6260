package io.enori.mcp.core.checks;

import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorType;
import io.enori.mcp.api.spi.CheckExecutor;
import io.enori.mcp.api.spi.CheckOutcome;
import io.enori.mcp.core.browser.BrowserChecks;
import io.enori.mcp.core.monitors.CheckRecorder;
import io.enori.mcp.core.monitors.JobHeartbeats;
import io.enori.mcp.core.tool.CoreContext;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One check of one monitor, from the moment it is due (or asked for) until its result is recorded. While it is
 * queued or running it sits in the scheduler's in-flight map under its monitor id, which is what keeps two runs
 * of one monitor apart on this node. It removes itself from that map when it ends, and then marks its claim
 * (what keeps runs apart across nodes) as finished.
 */
final class CheckRun implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckRun.class);

    /**
     * The grid point a scheduled run won through {@code claims}.
     *
     * @param deadline when the claim stops holding the monitor for this run, after which another node may run
     *                 the monitor: the run is abandoned then; null when nobody else contests the claim
     */
    record Claim(RunClaims claims, Instant dueAt, Instant deadline) {
    }

    final String accountId;
    final String monitorId;
    final CompletableFuture<CheckRecorder.Recorded> result = new CompletableFuture<>();

    private final CoreContext context;
    private final CheckRecorder recorder;
    private final JobHeartbeats heartbeats;
    private final BrowserChecks browser;
    private final Scheduler.Counters counters;
    private final ConcurrentMap<String, CheckRun> inFlight;
    private final AtomicBoolean started = new AtomicBoolean();
    /** Null for runs asked for (runNow), which are not claimed. */
    private final Claim claim;
    private final AtomicBoolean claimReleased = new AtomicBoolean();
    private volatile boolean urgent;
    private volatile long startedNanos;
    /** Until the monitor is read, the largest timeout a monitor may have. */
    private volatile int timeoutMs = Monitor.MAX_TIMEOUT_MS;
    private Thread runner; // guarded by this

    CheckRun(String accountId, String monitorId, boolean urgent, Claim claim, CoreContext context,
             CheckRecorder recorder, JobHeartbeats heartbeats, BrowserChecks browser, Scheduler.Counters counters,
             ConcurrentMap<String, CheckRun> inFlight) {
        this.claim = claim;
        this.browser = browser;
        this.accountId = accountId;
        this.monitorId = monitorId;
        this.urgent = urgent;
        this.context = context;
        this.recorder = recorder;
        this.heartbeats = heartbeats;
        this.counters = counters;
        this.inFlight = inFlight;
    }

    /** Asked for by someone waiting (runNow): runs even if the monitor is paused, like check_now. */
    void markUrgent() {
        urgent = true;
    }

    boolean isUrgent() {
        return urgent;
    }

    boolean isStarted() {
        return started.get();
    }

    /** True when the run has gone on longer than its monitor's timeout plus {@code margin}. */
    boolean overdue(long nowNanos, Duration margin) {
        long since = startedNanos;
        return since != 0 && nowNanos - since > Duration.ofMillis(timeoutMs).plus(margin).toNanos();
    }

    /** True when the run holds a contested claim whose deadline is not after {@code now}, started or not. */
    boolean pastClaimDeadline(Instant now) {
        return claim != null && claim.deadline() != null && !now.isBefore(claim.deadline());
    }

    Instant claimDeadline() {
        return claim == null ? null : claim.deadline();
    }

    /**
     * Gives up on this run: fails its result, interrupts its thread, frees its monitor's slot and finishes its
     * claim. A check that returns afterwards is not recorded.
     */
    void abandon(Throwable why) {
        result.completeExceptionally(why);
        synchronized (this) {
            if (runner != null) {
                runner.interrupt();
            }
        }
        inFlight.remove(monitorId, this);
        releaseClaim();
    }

    /** Once only, however the run ends (and even if it never started), after the local slot is free. */
    private void releaseClaim() {
        if (claim != null && claimReleased.compareAndSet(false, true)) {
            try {
                claim.claims().finished(monitorId, claim.dueAt());
            } catch (RuntimeException e) {
                // The contract says never; a run must still end (and its result complete) if one does.
                LOG.warn("could not finish the claim of {} due at {}", monitorId, claim.dueAt(), e);
            }
        }
    }

    @Override
    public void run() {
        if (result.isDone() || !started.compareAndSet(false, true)) {
            return; // dropped while queued, or already taken by another worker
        }
        synchronized (this) {
            runner = Thread.currentThread();
        }
        startedNanos = System.nanoTime();
        CheckRecorder.Recorded recorded = null;
        Throwable failure = null;
        try {
            recorded = execute();
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            synchronized (this) {
                runner = null;
            }
            inFlight.remove(monitorId, this);
            releaseClaim();
        }
        // Counted and completed only once the slot is free, so whoever sees the result may schedule the next run.
        if (settlement != null) {
            settlement.run();
        } else if (failure instanceof CheckExecutor.NotCheckableException) {
            result.completeExceptionally(failure);
        } else if (failure != null) {
            counters.failures.increment();
            LOG.warn("check of {} failed: {}", monitorId, failure.toString(), failure);
            result.completeExceptionally(failure);
        } else if (recorded != null) {
            counters.runs.increment();
            result.complete(recorded);
        }
    }

    /**
     * How a run without a recorded result ends (gone, paused, job still pending); applied only once the monitor's
     * slot is free, or a runNow that sees it could join this finished run instead of starting a new one.
     */
    private Runnable settlement;

    /** The recorded result, or null when there is nothing to record ({@link #settlement} then says why). */
    private CheckRecorder.Recorded execute() {
        // Read afresh: the run may have waited in the queue, and the monitor may have been changed or paused.
        Monitor monitor = context.storage().monitors().find(accountId, monitorId).orElse(null);
        if (monitor == null) {
            settlement = () -> result.completeExceptionally(new NoSuchElementException("Monitor not found: " + monitorId));
            return null;
        }
        if (monitor.paused() && !urgent) {
            settlement = () -> result.cancel(false);
            return null;
        }
        timeoutMs = monitor.timeoutMs();
        if (monitor.type() == MonitorType.JOB) {
            return judgeHeartbeats(monitor);
        }
        if (monitor.type() == MonitorType.BROWSER) {
            if (browser == null) {
                throw new CheckExecutor.NotCheckableException("browser monitors are not run by this scheduler");
            }
            return browser.run(monitor);
        }
        CheckOutcome outcome = context.checks().check(monitor.target(), Duration.ofMillis(monitor.timeoutMs()));
        if (result.isDone()) {
            return null; // abandoned as hung while the check ran; its slot is already free
        }
        return recorder.record(monitor, outcome);
    }

    private CheckRecorder.Recorded judgeHeartbeats(Monitor monitor) {
        try {
            return heartbeats.evaluateAndRecord(monitor);
        } catch (JobHeartbeats.StillPending e) {
            // Nothing to record yet: a scheduled run just ends; someone waiting (runNow) learns why.
            settlement = urgent ? () -> result.completeExceptionally(e) : () -> result.cancel(false);
            return null;
        }
    }
}
