package io.enori.mcp.core.monitors;

import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.JobPing;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.spi.CheckOutcome;
import io.enori.mcp.api.spi.JobPingStore;
import io.enori.mcp.core.tool.CoreContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of Job (heartbeat) monitors. A job monitor is up while its last {@code success} heartbeat arrived
 * within {@code intervalSeconds + graceSeconds} of now and no {@code fail} heartbeat came after it; down
 * otherwise. A job monitor that never had a success is pending until that much time has passed since it was
 * created, so a new monitor is not down before its job could have run.
 *
 * <p>Two ways in: {@link #record} stores a heartbeat as it arrives and records a check result at once (a
 * success brings the monitor up, a failure takes it down); {@link #evaluateAndRecord} is what the scheduler and
 * {@code check_now} run at the monitor's interval, judging the stored heartbeats against the injected clock.
 * Both go through {@link CheckRecorder} under the monitor's lock, so a heartbeat and an evaluation landing
 * together never leave the monitor in the state the older one computed.
 */
public final class JobHeartbeats {

    private static final Comparator<JobPing> ARRIVAL =
            Comparator.comparing(JobPing::receivedAt).thenComparing(JobPing::id);

    private final CoreContext context;
    private final CheckRecorder recorder;

    /** Heartbeats over the context's storage and clock, recorded through {@code recorder}. */
    public JobHeartbeats(CoreContext context, CheckRecorder recorder) {
        this.context = Objects.requireNonNull(context, "context");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /**
     * What a heartbeat did.
     *
     * @param ping     the stored heartbeat
     * @param recorded the check result it recorded; empty for a {@code start} heartbeat and for a paused monitor,
     *                 whose heartbeats are kept but do not change its state
     * @param monitor  the monitor as it stands after the heartbeat
     */
    public record Received(JobPing ping, Optional<CheckRecorder.Recorded> recorded, Monitor monitor) {
        public Received {
            Objects.requireNonNull(ping, "ping");
            Objects.requireNonNull(recorded, "recorded");
            Objects.requireNonNull(monitor, "monitor");
        }

        /** The monitor's status as clients see it: {@code paused}, or {@code up}/{@code down}/{@code pending}. */
        public String monitorStatus() {
            return (monitor.paused() ? io.enori.mcp.api.MonitorStatus.PAUSED : monitor.status()).wireName();
        }
    }

    /** A job monitor that has had no success heartbeat yet and is still within its first interval plus grace. */
    public static final class StillPending extends RuntimeException {
        private final transient Instant pendingUntil;

        StillPending(Monitor monitor, Instant pendingUntil) {
            super("Job monitor " + monitor.id() + " has had no success heartbeat yet and stays pending until "
                    + seconds(pendingUntil) + " (its interval of " + monitor.intervalSeconds() + " s plus "
                    + ((MonitorTarget.Job) monitor.target()).graceSeconds() + " s grace after it was created); "
                    + "send a success heartbeat to bring it up.", null, false, false);
            this.pendingUntil = pendingUntil;
        }

        /** When the monitor goes down if no success heartbeat arrives before. */
        public Instant pendingUntil() {
            return pendingUntil;
        }
    }

    /**
     * Stores a heartbeat of a job monitor, stamped with the clock, and records what it means at once.
     *
     * @param runId the job's own id for this run, or {@code null}
     * @throws NoSuchElementException   when the account has no such monitor
     * @throws IllegalArgumentException when the monitor is not a job monitor, or {@code runId} is blank or longer
     *                                  than {@link JobPing#MAX_RUN_ID_LENGTH}
     */
    public Received record(String accountId, String monitorId, JobPing.Kind kind, String runId) {
        if (runId != null && (runId.isBlank() || runId.length() > JobPing.MAX_RUN_ID_LENGTH)) {
            throw new IllegalArgumentException("runId must be 1-" + JobPing.MAX_RUN_ID_LENGTH + " non-blank characters");
        }
        return store(accountId, monitorId, kind, runId, JobReport.EMPTY);
    }

    /**
     * Stores a heartbeat with what the job reported (run id, duration, metrics, message) and records what it
     * means at once. The report was validated when it was built, and the ping and its metrics are stored in
     * one transaction: a bad report stores nothing.
     *
     * @throws NoSuchElementException   when the account has no such monitor
     * @throws IllegalArgumentException when the monitor is not a job monitor
     */
    public Received record(String accountId, String monitorId, JobPing.Kind kind, JobReport report) {
        Objects.requireNonNull(report, "report");
        return store(accountId, monitorId, kind, report.runId(), report);
    }

    /**
     * A heartbeat that arrived with a monitor's heartbeat token, which is all an anonymous job presents: the
     * token names the account and the monitor.
     *
     * @return empty when no job monitor has this token
     */
    public Optional<Received> receive(String token, JobPing.Kind kind, JobReport report) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(report, "report");
        Optional<JobPingStore.TokenOwner> owner = context.storage().jobPings().findByToken(token);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(record(owner.get().accountId(), owner.get().monitorId(), kind, report));
        } catch (NoSuchElementException | IllegalArgumentException e) {
            // Deleted meanwhile, or no longer a job monitor: the token leads nowhere.
            return Optional.empty();
        }
    }

    private Received store(String accountId, String monitorId, JobPing.Kind kind, String runId, JobReport report) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(monitorId, "monitorId");
        Objects.requireNonNull(kind, "kind");
        return MonitorLocks.withLock(monitorId, () -> {
            Monitor monitor = context.storage().monitors().find(accountId, monitorId)
                    .orElseThrow(() -> new NoSuchElementException("Monitor not found: " + monitorId));
            requireJob(monitor);
            JobPing ping = new JobPing(context.ids().next(JobPing.ID_PREFIX), accountId, monitorId, kind, runId,
                    context.clock().instant(), report.durationMs(), report.message(), report.metrics());
            context.storage().jobPings().insert(ping);
            if (kind == JobPing.Kind.START || monitor.paused()) {
                return new Received(ping, Optional.empty(), monitor);
            }
            CheckOutcome outcome = kind == JobPing.Kind.SUCCESS ? up() : down(failed(ping));
            CheckRecorder.Recorded recorded = recorder.record(monitor, outcome);
            return new Received(ping, Optional.of(recorded), recorded.monitor());
        });
    }

    /**
     * Judges the monitor's stored heartbeats against the clock and records the verdict as a check result.
     *
     * @throws StillPending             when the monitor never had a success heartbeat and is younger than its
     *                                  interval plus grace; nothing is recorded
     * @throws IllegalArgumentException when the monitor is not a job monitor
     */
    public CheckRecorder.Recorded evaluateAndRecord(Monitor monitor) {
        requireJob(monitor);
        return MonitorLocks.withLock(monitor.id(), () -> {
            CheckOutcome outcome = evaluate(monitor);
            return recorder.record(monitor, outcome);
        });
    }

    /**
     * The verdict the stored heartbeats give now, without recording it.
     *
     * @throws StillPending when the monitor never had a success heartbeat and is younger than its interval plus
     *                      grace
     */
    CheckOutcome evaluate(Monitor monitor) {
        MonitorTarget.Job job = requireJob(monitor);
        JobPingStore pings = context.storage().jobPings();
        Instant now = context.clock().instant();
        Duration allowed = Duration.ofSeconds(monitor.intervalSeconds() + (long) job.graceSeconds());
        Optional<JobPing> success = pings.lastSuccess(monitor.accountId(), monitor.id());
        Optional<JobPing> failure = pings.latest(monitor.accountId(), monitor.id(), JobPing.Kind.FAIL);
        if (failure.isPresent() && (success.isEmpty() || ARRIVAL.compare(failure.get(), success.get()) > 0)) {
            return down(failed(failure.get()));
        }
        if (success.isPresent()) {
            Instant since = success.get().receivedAt();
            return now.isAfter(since.plus(allowed)) ? down("no success heartbeat since " + seconds(since) + "; "
                    + expectation(monitor)) : up();
        }
        Instant pendingUntil = monitor.createdAt().plus(allowed);
        if (!now.isAfter(pendingUntil)) {
            throw new StillPending(monitor, pendingUntil);
        }
        boolean anyPing = pings.latest(monitor.accountId(), monitor.id()).isPresent();
        return down((anyPing ? "no success heartbeat yet" : "never received a heartbeat") + "; "
                + expectation(monitor));
    }

    private static MonitorTarget.Job requireJob(Monitor monitor) {
        if (monitor.target() instanceof MonitorTarget.Job job) {
            return job;
        }
        throw new IllegalArgumentException("Monitor " + monitor.id() + " is a " + monitor.type().wireName()
                + " monitor, not a job monitor; only job monitors take heartbeats");
    }

    private static String failed(JobPing ping) {
        return "job reported a failure at " + seconds(ping.receivedAt())
                + (ping.runId() == null ? "" : " (run " + ping.runId() + ")");
    }

    private static String expectation(Monitor monitor) {
        int grace = ((MonitorTarget.Job) monitor.target()).graceSeconds();
        return "expected every " + monitor.intervalSeconds() + " s + " + grace + " s grace";
    }

    private static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static CheckOutcome up() {
        return new CheckOutcome(CheckStatus.UP, null, null, null, null, null, null, null);
    }

    private static CheckOutcome down(String reason) {
        return CheckOutcome.down(null, reason);
    }
}
