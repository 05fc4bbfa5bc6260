package io.enori.mcp.core.monitors;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;

/** get_monitor: one monitor's full configuration, state, TLS and domain expiry, and alert settings. */
public final class GetMonitor extends TypedTool<GetMonitor.Input, GetMonitor.Output> {

    record Input(String monitorId) {
    }

    record Output(MonitorViews.MonitorDetail monitor) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The monitor.")
            .build();

    private final CoreContext context;

    public GetMonitor(CoreContext context) {
        super(tool("get_monitor").title("Get monitor").group("monitors").requires(Scope.MONITORS_READ)
                .annotations(ToolAnnotations.READ)
                .description("Full configuration and current state of one monitor: target, interval, timeout, "
                        + "alert settings, last check, last success, TLS certificate expiry, domain registration "
                        + "expiry (domain monitors), heartbeat URL (job monitors)."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Monitor monitor = MonitorLookup.require(context, caller, in.monitorId());
        return new Output(MonitorViews.detail(monitor, context.clock().instant(), HeartbeatTokens.of(context, monitor)));
    }
}
