package io.enori.mcp.core.monitors;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
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
import java.util.Map;

/** check_now: runs one real check immediately, records it and returns it. */
public final class CheckNow extends TypedTool<CheckNow.Input, CheckNow.Output> {

    record Input(String monitorId) {
    }

    /**
     * @param incident what this check did to incidents: {@code opened inc_…}, {@code resolved inc_…} or null
     */
    record Output(String monitorId, MonitorViews.CheckView result, Instant sslExpiresAt, String monitorStatus,
                  int consecutiveFailures, String incident) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The monitor to check.")
            .build();

    private final CoreContext context;
    private final CheckRecorder recorder;

    public CheckNow(CoreContext context) {
        super(tool("check_now").title("Check now").group("monitors").requires(Scope.MONITORS_WRITE)
                .annotations(ToolAnnotations.write().reachingOut())
                .description("Run a check of one monitor right now, bypassing the schedule, and return the result "
                        + "(status up/down, response time, status code, error). Works on paused monitors too. Not "
                        + "available for domain and job monitors."),
                INPUT, Output.class);
        this.context = context;
        this.recorder = new CheckRecorder(context);
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Monitor monitor = MonitorLookup.require(context, caller, in.monitorId());
        CheckOutcome outcome;
        try {
            outcome = context.checks().check(monitor.target(), Duration.ofMillis(monitor.timeoutMs()));
        } catch (CheckExecutor.NotCheckableException e) {
            throw new ToolFailure(new ToolError(e.getMessage(),
                    Map.of("monitorId", monitor.id(), "type", monitor.type().wireName())));
        }
        CheckRecorder.Recorded recorded = recorder.record(monitor, outcome);
        return new Output(monitor.id(), MonitorViews.check(recorded.result(), i -> i.atOffset(java.time.ZoneOffset.UTC)),
                recorded.result().sslExpiresAt(), MonitorViews.reportedStatus(recorded.monitor()),
                recorded.monitor().consecutiveFailures(), recorded.incidentChange()
                        .map(i -> (i.isActive() ? "opened " : "resolved ") + i.id()).orElse(null));
    }
}
