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
import io.enori.mcp.core.slo.math.SloStatus;
import java.time.Instant;
import java.time.OffsetDateTime;

/** create_slo: a new SLO on a monitor, measured at once over the monitor's existing checks. */
public final class CreateSlo extends TypedTool<CreateSlo.Input, CreateSlo.Output> {

    record Input(String monitorId, String name, String description, String sliType, BigDecimal target,
                 String windowType, Integer windowLengthDays, String calendarCycle, Integer latencyThresholdMs,
                 Boolean excludeMaintenance, Boolean excludePaused, String burnAlertPolicy) {
        SloSettings.Fields fields() {
            return new SloSettings.Fields(name, description, sliType, target, windowType, windowLengthDays,
                    calendarCycle, latencyThresholdMs, excludeMaintenance, excludePaused, burnAlertPolicy);
        }
    }

    /** The SLO in brief (get_slo_status shows every field) and its first status over existing checks. */
    record Output(SloViews.SloBrief slo, String status, OffsetDateTime windowStart, Double achievedPercent,
                  boolean noData) {
        static Output of(Slo slo, SloStatus s) {
            return new Output(SloViews.brief(slo), SloViews.health(s.health()), SloViews.utc(s.window().start()),
                    SloViews.achieved(s.achievedPercent()), s.noData());
        }
    }

    private static final InputSpec<Input> INPUT = SloSettings.declare(InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The monitor.")).build();

    private final CoreContext context;
    private final SloEngine engine;

    public CreateSlo(CoreContext context) {
        super(tool("create_slo").title("Create SLO").group("slos").requires(Scope.MONITORS_WRITE)
                .annotations(ToolAnnotations.write())
                .description("Create an SLO on a monitor. rolling needs windowLengthDays, calendar "
                        + "calendarCycle, latency latencyThresholdMs. Past checks count."),
                INPUT, Output.class);
        this.context = context;
        this.engine = new SloEngine(context);
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Monitor monitor = SloLookup.monitor(context, caller, in.monitorId());
        Instant now = context.clock().instant();
        Slo slo = SloSettings.build(context.ids().next("slo_"), caller.accountId(), monitor, in.fields(), now, now);
        context.storage().slos().insert(slo);
        engine.backfill(slo, now);
        return Output.of(slo, engine.status(slo, now));
    }
}
