package io.enori.mcp.core.monitors;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;

/** resume_monitor: restarts scheduled checks of a paused monitor. */
public final class ResumeMonitor extends TypedTool<ResumeMonitor.Input, ResumeMonitor.Output> {

    record Input(String monitorId) {
    }

    record Output(MonitorViews.MonitorSummary monitor, boolean changed) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The monitor to resume.")
            .build();

    private final CoreContext context;

    public ResumeMonitor(CoreContext context) {
        super(tool("resume_monitor").title("Resume monitor").group("monitors").requires(Scope.MONITORS_WRITE)
                .annotations(ToolAnnotations.idempotentWrite())
                .description("Resume a paused monitor: scheduled checks start again. changed=false if it was not paused."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Pausing.Result result = Pausing.setPaused(context, caller, in.monitorId(), false);
        return new Output(result.monitor(), result.changed());
    }
}
