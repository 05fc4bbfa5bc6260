package io.enori.mcp.core.monitors;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.EnoriMcpException;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorType;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.api.spi.CheckExecutor;
import io.enori.mcp.api.spi.CheckOutcome;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.ToolFailure;
import io.enori.mcp.core.tool.TypedTool;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * check_now: runs one real check immediately, records it and returns it. While the scheduler runs, the check
 * goes through its queue ({@link CheckQueue#runNow}), ahead of every scheduled run and never beside another run
 * of the same monitor; otherwise this tool runs it itself. Job monitors are judged from their heartbeats.
 */
public final class CheckNow extends TypedTool<CheckNow.Input, CheckNow.Output> {

    record Input(String monitorId) {
    }

    /**
     * @param incident what this check did to incidents: {@code opened inc_…}, {@code resolved inc_…} or null
     */
    record Output(String monitorId, MonitorViews.CheckView result, Instant sslExpiresAt, Instant domainExpiresAt,
                  String monitorStatus, int consecutiveFailures, String incident) {
    }

    /** How long past its own timeout a check handed to the queue may take, waiting behind running checks. */
    private static final Duration QUEUE_SLACK = Duration.ofSeconds(30);

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The monitor to check.")
            .build();

    private final CoreContext context;
    private final CheckRecorder recorder;
    private final JobHeartbeats heartbeats;
    private final CheckQueue queue;

    /** check_now without a scheduler: every check runs in the calling thread. */
    public CheckNow(CoreContext context) {
        this(context, CheckQueue.NONE);
    }

    /** check_now that hands checks to {@code queue} while it runs. */
    public CheckNow(CoreContext context, CheckQueue queue) {
        super(tool("check_now").title("Check now").group("monitors").requires(Scope.MONITORS_WRITE)
                .annotations(ToolAnnotations.write().reachingOut())
                .description("Run a check of one monitor right now, ahead of the schedule, and return the result "
                        + "(status up/down, response time, status code, error). Works on paused monitors too. "
                        + "Domain monitors read the registration expiry over RDAP; job monitors are judged from "
                        + "their heartbeats (an error while a new job monitor still awaits its first one)."),
                INPUT, Output.class);
        this.context = context;
        this.recorder = new CheckRecorder(context);
        this.heartbeats = new JobHeartbeats(context, recorder);
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Monitor monitor = MonitorLookup.require(context, caller, in.monitorId());
        CheckRecorder.Recorded recorded;
        try {
            recorded = queue.isRunning() ? viaQueue(monitor) : directly(monitor);
        } catch (CheckExecutor.NotCheckableException e) {
            throw failure(monitor, e.getMessage());
        } catch (JobHeartbeats.StillPending e) {
            throw new ToolFailure(new ToolError(e.getMessage(), Map.of("monitorId", monitor.id(), "type",
                    monitor.type().wireName(), "pendingUntil", e.pendingUntil().toString())));
        }
        return new Output(monitor.id(), MonitorViews.check(recorded.result(), i -> i.atOffset(ZoneOffset.UTC)),
                recorded.result().sslExpiresAt(), recorded.result().domainExpiresAt(),
                MonitorViews.reportedStatus(recorded.monitor()), recorded.monitor().consecutiveFailures(),
                recorded.incidentChange().map(i -> (i.isActive() ? "opened " : "resolved ") + i.id()).orElse(null));
    }

    private CheckRecorder.Recorded directly(Monitor monitor) {
        if (monitor.type() == MonitorType.JOB) {
            return heartbeats.evaluateAndRecord(monitor);
        }
        CheckOutcome outcome = context.checks().check(monitor.target(), Duration.ofMillis(monitor.timeoutMs()));
        return recorder.record(monitor, outcome);
    }

    private CheckRecorder.Recorded viaQueue(Monitor monitor) {
        long waitMs = monitor.timeoutMs() + QUEUE_SLACK.toMillis();
        try {
            return queue.runNow(monitor.accountId(), monitor.id()).get(waitMs, TimeUnit.MILLISECONDS);
        } catch (CancellationException e) {
            return directly(monitor); // the scheduler stopped while the check waited
        } catch (ExecutionException e) {
            return afterQueueFailure(monitor, e.getCause());
        } catch (TimeoutException e) {
            throw failure(monitor, "The check is queued behind running checks and did not finish within "
                    + waitMs / 1000 + " s; its result will appear in get_check_results.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnoriMcpException("interrupted while waiting for the check of " + monitor.id(), e);
        }
    }

    private CheckRecorder.Recorded afterQueueFailure(Monitor monitor, Throwable cause) {
        if (cause instanceof CheckExecutor.NotCheckableException notCheckable) {
            throw notCheckable;
        }
        if (cause instanceof JobHeartbeats.StillPending pending) {
            throw pending;
        }
        if (cause instanceof NoSuchElementException) {
            throw new ToolFailure(ToolError.notFound(ToolError.MONITOR_NOT_FOUND, "monitorId", monitor.id()));
        }
        if (cause instanceof IllegalStateException || cause instanceof CancellationException) {
            return directly(monitor); // the scheduler stopped between isRunning() and runNow()
        }
        if (cause instanceof RejectedExecutionException) {
            throw failure(monitor, "The check queue is full; try again in a minute.");
        }
        if (cause instanceof TimeoutException) {
            throw failure(monitor, "The check hung past its timeout of " + monitor.timeoutMs()
                    + " ms and was abandoned.");
        }
        throw new EnoriMcpException("check of " + monitor.id() + " failed", cause);
    }

    private static ToolFailure failure(Monitor monitor, String message) {
        return new ToolFailure(new ToolError(message, Map.of("monitorId", monitor.id(), "type",
                monitor.type().wireName())));
    }
}
