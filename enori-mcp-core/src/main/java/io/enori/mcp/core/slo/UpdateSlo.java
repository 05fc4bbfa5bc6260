package io.enori.mcp.core.slo;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.Slo;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;
import java.math.BigDecimal;
import java.time.Instant;

/** update_slo: PUT semantics; every field is replaced (omitted optional fields take their defaults). */
public final class UpdateSlo extends TypedTool<UpdateSlo.Input, CreateSlo.Output> {

    record Input(String monitorId, String sloId, String name, String description, String sliType, BigDecimal target,
                 String windowType, Integer windowLengthDays, String calendarCycle, Integer latencyThresholdMs,
                 Boolean excludeMaintenance, Boolean excludePaused, String burnAlertPolicy) {
        SloSettings.Fields fields() {
            return new SloSettings.Fields(name, description, sliType, target, windowType, windowLengthDays,
                    calendarCycle, latencyThresholdMs, excludeMaintenance, excludePaused, burnAlertPolicy);
        }
    }

    private static final InputSpec<Input> INPUT = SloSettings.declare(InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "Its monitor.")
            .requiredId("sloId", "slo_", "The SLO.")).build();

    private final CoreContext context;
    private final SloEngine engine;

    public UpdateSlo(CoreContext context) {
        super(tool("update_slo").title("Update SLO").group("slos").requires(Scope.MONITORS_WRITE)
                .annotations(ToolAnnotations.idempotentWrite())
                .description("Replace every field of an SLO (PUT: omitted fields reset to defaults; read "
                        + "get_slo_status first). Rules as create_slo."),
                INPUT, CreateSlo.Output.class);
        this.context = context;
        this.engine = new SloEngine(context);
    }

    @Override
    protected CreateSlo.Output handle(Caller caller, Input in) {
        Slo current = SloLookup.slo(context, caller, in.monitorId(), in.sloId());
        Monitor monitor = SloLookup.monitor(context, caller, in.monitorId());
        Instant now = context.clock().instant();
        Slo updated = SloSettings.build(current.id(), caller.accountId(), monitor, in.fields(), current.createdAt(), now);
        if (!context.storage().slos().update(updated)) {
            // Deleted between the lookup and the write.
            SloLookup.slo(context, caller, in.monitorId(), in.sloId());
        }
        engine.backfill(updated, now);
        return CreateSlo.Output.of(updated, engine.status(updated, now));
    }
}
