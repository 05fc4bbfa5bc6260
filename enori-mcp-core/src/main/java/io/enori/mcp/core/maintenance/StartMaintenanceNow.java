package io.enori.mcp.core.maintenance;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** start_maintenance_now: opens a window that starts at once and lasts {@code durationMinutes}. */
public final class StartMaintenanceNow extends TypedTool<StartMaintenanceNow.Input, WindowPlanner.Result> {
    static final String DEFAULT_NAME = "Maintenance";

    record Input(Integer durationMinutes, List<String> monitorIds, String name) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredInteger("durationMinutes", WindowPlanner.MIN_MINUTES, WindowPlanner.MAX_MINUTES,
                    "How long, in minutes.")
            .idList("monitorIds", "mon_", WindowPlanner.MAX_MONITOR_IDS, "Monitors covered; omit for all.")
            .text("name", WindowPlanner.MAX_NAME, "Default: Maintenance.")
            .build();

    private final CoreContext context;
    private final WindowPlanner planner;

    public StartMaintenanceNow(CoreContext context) {
        super(tool("start_maintenance_now").title("Start maintenance now").group("maintenance")
                        .requires(Scope.MAINTENANCE_WRITE).annotations(ToolAnnotations.write())
                        .description("Start maintenance now for durationMinutes, e.g. before a deploy: alerts for the "
                                + "covered monitors are suppressed; checks continue and incidents still open. Plan "
                                + "limits apply."),
                INPUT, WindowPlanner.Result.class);
        this.context = context;
        this.planner = new WindowPlanner(context);
    }

    @Override
    protected WindowPlanner.Result handle(Caller caller, Input in) {
        Instant now = context.clock().instant();
        String name = in.name() == null || in.name().isBlank() ? DEFAULT_NAME : in.name().strip();
        return planner.plan(caller, name, now, now.plus(Duration.ofMinutes(in.durationMinutes())), in.monitorIds(),
                false, t -> t == null ? null : t.atOffset(ZoneOffset.UTC));
    }
}
