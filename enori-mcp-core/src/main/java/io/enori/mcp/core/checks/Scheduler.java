package io.enori.mcp.core.checks;

import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.spi.CheckExecutor;
import io.enori.mcp.core.browser.BrowserChecks;
import io.enori.mcp.core.monitors.CheckQueue;
import io.enori.mcp.core.monitors.CheckRecorder;
import io.enori.mcp.core.monitors.JobHeartbeats;
import io.enori.mcp.core.tool.CoreContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every unpaused monitor of every account at its interval and records each result through
 * {@link CheckRecorder}, the same path {@code check_now} takes. Website, Ping, Port, DNS and Domain monitors are
 * checked by the context's {@link CheckExecutor}; Job monitors are judged from their stored heartbeats
 * ({@link JobHeartbeats}), and one still awaiting its first heartbeat is skipped until it is due.
 *
 * <ul>
 *   <li>Due times come from the injected clock ({@link CoreContext#clock()}); a tick thread compares them with
 *       the clock every {@link Options#tick()}. Each monitor sits on a fixed grid shifted by a stable hash of
 *       its id, so monitors with the same interval do not fire together.</li>
 *   <li>At most {@code workers} checks run at once; due runs wait in a queue of at most
 *       {@link Options#queueCapacity()} and are skipped (and counted) when it is full.</li>
 *   <li>A monitor never runs twice at once: a run still queued or going when the monitor is due again makes
 *       that due run a counted overlap. A run that outlives its timeout by {@link Options#hangMargin()} is
 *       abandoned and counted as a failure; a check that throws is logged and counted, and the loop goes on.</li>
 *   <li>Missed runs are not replayed: after downtime (or a stop and start) each monitor runs once, then
 *       returns to its grid.</li>
 *   <li>The monitor list is re-read every {@link Options#rescanEvery()}, which picks up created, changed,
 *       paused, resumed and deleted monitors, through {@link io.enori.mcp.api.spi.MonitorStore#listAllUnpaused()}.
 *       </li>
 *   <li>Several nodes on one database: every node plans every monitor, and before a due run is queued it is
 *       claimed through {@link RunClaims} under its grid point (the latest one not after the clock, which every
 *       node computes alike). Only the node whose claim wins runs it, then behaves like a lone node (overlap
 *       and queue rules included). The claim holds the monitor until the run ends, however it ends, or until
 *       its deadline, the grid point plus the monitor's timeout plus {@link Options#hangMargin()}: a run still
 *       going at the next grid point makes it a counted overlap on every node (counted by the node running it),
 *       and a run, queued or going, still held when this node's clock reaches the deadline is abandoned, so no
 *       other node can start the monitor while this one still runs it. A node that dies holds its monitors
 *       until those deadlines at most. {@link RunClaims#local()}, the default, always wins and sets no deadline.
 *       Runs asked for through {@link #runNow} are not claimed.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #start()} and {@link #stop()} are idempotent, and a stopped scheduler may be started
 * again.
 */
public final class Scheduler implements CheckQueue, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    /**
     * Tuning.
     *
     * @param tick          how often due times are compared with the clock
     * @param rescanEvery   how often the monitor list is re-read
     * @param queueCapacity how many due runs may wait for a worker before further ones are skipped
     * @param hangMargin    how long past its monitor's timeout a run may go before it is abandoned
     * @param stopGrace     how long {@link #stop()} waits for running checks
     */
    public record Options(Duration tick, Duration rescanEvery, int queueCapacity, Duration hangMargin,
                          Duration stopGrace) {
        public Options {
            requirePositive(tick, "tick");
            requirePositive(rescanEvery, "rescanEvery");
            requirePositive(hangMargin, "hangMargin");
            Objects.requireNonNull(stopGrace, "stopGrace");
            if (stopGrace.isNegative()) {
                throw new IllegalArgumentException("stopGrace must not be negative: " + stopGrace);
            }
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1: " + queueCapacity);
            }
        }

        /** 200 ms tick, rescan every 5 s, 1024 queued runs, 5 s hang margin, 2 s stop grace. */
        public static Options defaults() {
            return new Options(Duration.ofMillis(200), Duration.ofSeconds(5), 1024, Duration.ofSeconds(5),
                    Duration.ofSeconds(2));
        }

        private static void requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
        }
    }

    /**
     * Counters since creation.
     *
     * @param runs             checks run to the end and recorded
     * @param skippedOverlaps  due runs skipped because the monitor's previous run was still queued or going
     * @param skippedQueueFull due runs skipped because the queue was full
     * @param failures         runs that threw or were abandoned as hung (a target being down is not a failure)
     */
    public record Stats(long runs, long skippedOverlaps, long skippedQueueFull, long failures) {
    }

    static final class Counters {
        final LongAdder runs = new LongAdder();
        final LongAdder overlaps = new LongAdder();
        final LongAdder queueFull = new LongAdder();
        final LongAdder failures = new LongAdder();
    }

    /** What exists only while started. */
    private record Active(ScheduledExecutorService ticker, Workers workers) {
    }

    private final CoreContext context;
    private final CheckRecorder recorder;
    private final JobHeartbeats heartbeats;
    private final BrowserChecks browser;
    private final int workerCount;
    private final Options options;
    private final Counters counters = new Counters();
    private final RunClaims claims;
    private final LongAdder claimedElsewhere = new LongAdder();
    private final LongAdder ticks = new LongAdder();
    /** When claims were last purged, by a rescan. */
    private volatile Instant lastPurge = Instant.MIN;
    private final Schedule plan = new Schedule();
    private final ConcurrentMap<String, CheckRun> inFlight = new ConcurrentHashMap<>();
    private final Object lifecycle = new Object();
    private volatile Active active;

    private Scheduler(CoreContext context, CheckRecorder recorder, BrowserChecks browser, int workers, Options options,
                      RunClaims claims) {
        this.claims = Objects.requireNonNull(claims, "claims");
        this.context = Objects.requireNonNull(context, "context");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.browser = browser;
        this.heartbeats = new JobHeartbeats(context, recorder);
        this.options = Objects.requireNonNull(options, "options");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        this.workerCount = workers;
    }

    /** A scheduler with {@code workers} check threads and {@link Options#defaults()}; call {@link #start()}. */
    public static Scheduler create(CoreContext context, CheckRecorder recorder, int workers) {
        return create(context, recorder, workers, Options.defaults());
    }

    /** A scheduler with {@code workers} check threads and the given options; call {@link #start()}. */
    public static Scheduler create(CoreContext context, CheckRecorder recorder, int workers, Options options) {
        return new Scheduler(context, recorder, null, workers, options, RunClaims.local());
    }

    /**
     * A scheduler sharing its monitors with the other nodes on the same database through {@code claims}
     * (e.g. {@link JdbiRunClaims}); {@code browser} may be null (browser monitors then end as not checkable).
     */
    public static Scheduler create(CoreContext context, CheckRecorder recorder, BrowserChecks browser, int workers,
                                   Options options, RunClaims claims) {
        return new Scheduler(context, recorder, browser, workers, options, claims);
    }

    /**
     * A scheduler that also runs browser monitors through {@code browser}; without it their runs end as not
     * checkable.
     */
    public static Scheduler create(CoreContext context, CheckRecorder recorder, BrowserChecks browser, int workers,
                                   Options options) {
        return new Scheduler(context, recorder, Objects.requireNonNull(browser, "browser"), workers, options,
                RunClaims.local());
    }

    /** Reads the monitor list and starts ticking. Does nothing if already started. */
    public void start() {
        synchronized (lifecycle) {
            if (active != null) {
                return;
            }
            rescanSafely();
            Workers workers = new Workers(workerCount, options.queueCapacity(), "enori-check-");
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "enori-scheduler");
                thread.setDaemon(true);
                return thread;
            });
            long rescan = options.rescanEvery().toMillis();
            ticker.scheduleWithFixedDelay(this::rescanSafely, rescan, rescan, TimeUnit.MILLISECONDS);
            ticker.scheduleWithFixedDelay(() -> tickSafely(workers), 0, options.tick().toMillis(),
                    TimeUnit.MILLISECONDS);
            active = new Active(ticker, workers);
            LOG.info("scheduler started: {} monitors, {} workers", plan.size(), workerCount);
        }
    }

    /**
     * Stops ticking, drops queued runs, waits up to {@link Options#stopGrace()} for running checks and abandons
     * any still going. Does nothing if not started.
     */
    public void stop() {
        synchronized (lifecycle) {
            Active stopping = active;
            if (stopping == null) {
                return;
            }
            active = null;
            stopping.ticker().shutdownNow();
            try {
                stopping.ticker().awaitTermination(options.stopGrace().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (CheckRun run : stopping.workers().shutdown(options.stopGrace())) {
                run.abandon(new CancellationException("scheduler stopped"));
            }
            for (CheckRun run : new ArrayList<>(inFlight.values())) {
                run.abandon(new CancellationException("scheduler stopped while the check ran"));
            }
            LOG.info("scheduler stopped: {}", stats());
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Whether {@link #start()} has been called without a later {@link #stop()}. */
    @Override
    public boolean isRunning() {
        return active != null;
    }

    /**
     * Checks one monitor now, ahead of every queued scheduled run, and records the result. Paused monitors are
     * checked too. If a run of the monitor is already queued or going, this joins it (and hurries it if
     * queued) rather than starting a second one.
     *
     * @return the recorded result; fails with {@link NoSuchElementException} for an unknown monitor,
     *         {@link JobHeartbeats.StillPending} for a Job monitor still awaiting its first heartbeat,
     *         {@link CheckExecutor.NotCheckableException} for a target the executor cannot check,
     *         {@link IllegalStateException} when the scheduler is not running and
     *         {@link RejectedExecutionException} when even the urgent reserve of the queue is full
     */
    @Override
    public CompletableFuture<CheckRecorder.Recorded> runNow(String accountId, String monitorId) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(monitorId, "monitorId");
        Active current = active;
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("scheduler is not running"));
        }
        Optional<Monitor> monitor = context.storage().monitors().find(accountId, monitorId);
        if (monitor.isEmpty()) {
            return CompletableFuture.failedFuture(new NoSuchElementException("Monitor not found: " + monitorId));
        }
        CheckRun fresh = newRun(accountId, monitorId, true, null);
        CheckRun existing = inFlight.putIfAbsent(monitorId, fresh);
        CheckRun run = existing == null ? fresh : existing;
        if (existing != null) {
            existing.markUrgent();
        }
        if (!run.isStarted() && !current.workers().offerUrgent(run, existing == null)) {
            run.abandon(new RejectedExecutionException("check queue is full"));
        }
        return run.result.copy();
    }

    /** Counters since creation. */
    public Stats stats() {
        return new Stats(counters.runs.sum(), counters.overlaps.sum(), counters.queueFull.sum(),
                counters.failures.sum());
    }

    /** Due runs waiting for a worker now (0 when stopped), for the admin flavor's server stats. */
    public int queueDepth() {
        Active current = active;
        return current == null ? 0 : current.workers().queued();
    }

    /** How many monitors are scheduled, for the admin flavor's server stats. */
    public int scheduledMonitors() {
        return scheduledCount();
    }

    /** When the monitor is next due, if it is scheduled. For tests and diagnostics. */
    Optional<Instant> nextDue(String monitorId) {
        return plan.nextDue(monitorId);
    }

    /** Due runs this node left to another node, which won their claim. */
    long claimedElsewhere() {
        return claimedElsewhere.sum();
    }

    /** Ticks completed; a test that moved the clock waits for two to know every due run was claimed. */
    long ticks() {
        return ticks.sum();
    }

    /** How many monitors are scheduled. */
    int scheduledCount() {
        return plan.size();
    }

    private CheckRun newRun(String accountId, String monitorId, boolean urgent, CheckRun.Claim claim) {
        return new CheckRun(accountId, monitorId, urgent, claim, context, recorder, heartbeats, browser, counters,
                inFlight);
    }

    private void tickSafely(Workers workers) {
        try {
            tick(workers);
        } catch (RuntimeException e) {
            // An exception would cancel the periodic task; log it and tick again next time.
            LOG.error("scheduler tick failed", e);
        } finally {
            ticks.increment();
        }
    }

    private void tick(Workers workers) {
        Instant now = context.clock().instant();
        abandonHungRuns(now);
        int queueFull = 0;
        for (Schedule.Planned planned : plan.all()) {
            if (planned.nextDue().isAfter(now)) {
                continue;
            }
            Instant next = Cadence.nextAfter(planned.nextDue(), planned.intervalSeconds(), now);
            plan.setNextDue(planned, next);
            if (inFlight.containsKey(planned.monitorId())) {
                // Skipped here without a claim: the claim would lose for the same reason (the earlier run's claim
                // is unfinished), and this node, which runs it, is the one to count the skip.
                counters.overlaps.increment();
                LOG.debug("skipped {}: its previous run is still going", planned.monitorId());
                continue;
            }
            // The grid point being run: the latest one not after now, the same on every node whatever its past.
            Instant gridPoint = next.minusSeconds(planned.intervalSeconds());
            Instant runningUntil = gridPoint.plusMillis(planned.timeoutMs()).plus(options.hangMargin());
            if (!claims.claim(planned.monitorId(), gridPoint, planned.intervalSeconds(), runningUntil)) {
                claimedElsewhere.increment();
                continue;
            }
            CheckRun run = newRun(planned.accountId(), planned.monitorId(), false,
                    new CheckRun.Claim(claims, gridPoint, claims.shared() ? runningUntil : null));
            if (inFlight.putIfAbsent(planned.monitorId(), run) != null) {
                run.abandon(new CancellationException("a check of the monitor was asked for meanwhile"));
                counters.overlaps.increment();
            } else if (!workers.offer(run) && !(run.isUrgent() && workers.offerUrgent(run, true))) {
                // abandon, not just remove: a runNow may have joined this run between claiming and queueing
                run.abandon(new RejectedExecutionException("check queue is full"));
                counters.queueFull.increment();
                queueFull++;
            }
        }
        if (queueFull > 0) {
            LOG.warn("skipped {} due checks: the queue is full ({} waiting, {} workers)", queueFull,
                    workers.queued(), workerCount);
        }
    }

    /** Ends runs past their timeout plus the hang margin, and runs (even queued ones) whose claim ran out. */
    private void abandonHungRuns(Instant now) {
        long nanos = System.nanoTime();
        for (CheckRun run : inFlight.values()) {
            if (run.overdue(nanos, options.hangMargin())) {
                counters.failures.increment();
                LOG.warn("abandoned the check of {}: it outlived its timeout by more than {}", run.monitorId,
                        options.hangMargin());
                run.abandon(new TimeoutException("check of " + run.monitorId + " hung"));
            } else if (run.pastClaimDeadline(now)) {
                // From this instant another node may win the monitor's next grid point and run it.
                counters.failures.increment();
                LOG.warn("abandoned the check of {}: its claim ran out at {}", run.monitorId, run.claimDeadline());
                run.abandon(new TimeoutException("check of " + run.monitorId + " outlived its claim"));
            }
        }
    }

    private void rescanSafely() {
        try {
            rescan();
        } catch (RuntimeException e) {
            LOG.error("could not re-read the monitor list; keeping the previous one", e);
        }
    }

    /** Re-reads the unpaused monitors into the plan, and now and then purges old claims. */
    private void rescan() {
        Instant now = context.clock().instant();
        plan.update(context.storage().monitors().listAllUnpaused(), now);
        if (!now.isBefore(lastPurge.plus(PURGE_EVERY))) {
            lastPurge = now;
            claims.purge(now);
        }
    }
}
