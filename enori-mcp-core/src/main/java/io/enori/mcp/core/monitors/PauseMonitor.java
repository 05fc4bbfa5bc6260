package io.enori.mcp.core.monitors;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;

/** pause_monitor: stops scheduled checks until resume_monitor. */
public final class PauseMonitor extends TypedTool<PauseMonitor.Input, PauseMonitor.Output> {

    record Input(String monitorId) {
    }

    record Output(MonitorViews.MonitorSummary monitor, boolean changed) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The monitor to pause.")
            .build();

    private final CoreContext context;

    public PauseMonitor(CoreContext context) {
        super(tool("pause_monitor").title("Pause monitor").group("monitors").requires(Scope.MONITORS_WRITE)
                .annotations(ToolAnnotations.idempotentWrite())
                .description("Pause a monitor: scheduled checks stop until resume_monitor (e.g. during a deploy). "
                        + "Paused time can be excluded from SLOs. changed=false if it was already paused."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Pausing.Result result = Pausing.setPaused(context, caller, in.monitorId(), true);
        return new Output(result.monitor(), result.changed());
    }
}
