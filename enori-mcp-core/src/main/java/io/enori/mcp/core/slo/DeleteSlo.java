package io.enori.mcp.core.slo;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.Slo;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;

/** delete_slo: removes an SLO and its daily burn history; the monitor and its checks stay. */
public final class DeleteSlo extends TypedTool<DeleteSlo.Input, DeleteSlo.Output> {

    record Input(String monitorId, String sloId) {
    }

    record Output(boolean deleted, String sloId, String name) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "Its monitor.")
            .requiredId("sloId", "slo_", "The SLO.")
            .build();

    private final CoreContext context;

    public DeleteSlo(CoreContext context) {
        super(tool("delete_slo").title("Delete SLO").group("slos").requires(Scope.MONITORS_WRITE)
                .annotations(new ToolAnnotations(false, true, true, false))
                .description("Permanently delete an SLO and its burn history; the monitor is untouched."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Slo slo = SloLookup.slo(context, caller, in.monitorId(), in.sloId());
        if (!context.storage().slos().delete(caller.accountId(), slo.id())) {
            SloLookup.slo(context, caller, in.monitorId(), in.sloId());
        }
        return new Output(true, slo.id(), slo.name());
    }
}
