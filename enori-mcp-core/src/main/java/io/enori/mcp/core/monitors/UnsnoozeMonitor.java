package io.enori.mcp.core.monitors;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;

/** unsnooze_monitor: ends the caller's snooze early. */
public final class UnsnoozeMonitor extends TypedTool<UnsnoozeMonitor.Input, UnsnoozeMonitor.Output> {

    record Input(String monitorId) {
    }

    record Output(String monitorId, boolean snoozed, boolean wasSnoozed) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The monitor to unsnooze.")
            .build();

    private final CoreContext context;

    public UnsnoozeMonitor(CoreContext context) {
        super(tool("unsnooze_monitor").title("Unsnooze monitor").group("monitors").requires(Scope.MONITORS_WRITE)
                .annotations(ToolAnnotations.idempotentWrite())
                .description("End your snooze on a monitor so your alerts resume. Others' snoozes are untouched."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Monitor monitor = MonitorLookup.require(context, caller, in.monitorId());
        boolean active = context.storage().snoozes().find(caller.accountId(), monitor.id(), caller.principalId())
                .filter(s -> s.isActiveAt(context.clock().instant())).isPresent();
        context.storage().snoozes().delete(caller.accountId(), monitor.id(), caller.principalId());
        return new Output(monitor.id(), false, active);
    }
}
