package io.enori.mcp.core.maintenance;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.InvalidArgument;
import io.enori.mcp.core.tool.TimeRange;
import io.enori.mcp.core.tool.TypedTool;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** create_maintenance_window: schedules a window, or with dryRun reports what it would cover. */
public final class CreateMaintenanceWindow extends TypedTool<CreateMaintenanceWindow.Input, WindowPlanner.Result> {

    /** A start this far in the past still counts as now (clocks and round trips drift). */
    static final Duration PAST_SLACK = Duration.ofMinutes(5);
    static final Duration MAX_LEAD = Duration.ofDays(365);

    record Input(String name, String startsAt, String endsAt, Integer durationMinutes, List<String> monitorIds,
                 Boolean dryRun, String tz) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredText("name", WindowPlanner.MAX_NAME, "What the maintenance is for.")
            .requiredText("startsAt", 40, "Start, ISO-8601, not in the past.")
            .text("endsAt", 40, "End, ISO-8601; or give durationMinutes.")
            .integer("durationMinutes", WindowPlanner.MIN_MINUTES, WindowPlanner.MAX_MINUTES, null,
                    "Length in minutes, instead of endsAt.")
            .idList("monitorIds", "mon_", WindowPlanner.MAX_MONITOR_IDS, "Monitors covered; omit for all.")
            .bool("dryRun", false, "Report what it would affect; create nothing.")
            .text("tz", 64, "IANA zone for times without offset. Default UTC.")
            .build();

    private final CoreContext context;
    private final WindowPlanner planner;

    public CreateMaintenanceWindow(CoreContext context) {
        super(tool("create_maintenance_window").title("Create maintenance window").group("maintenance")
                        .requires(Scope.MAINTENANCE_WRITE).annotations(ToolAnnotations.write())
                        .description("Schedule maintenance: alerts for the covered monitors are suppressed; checks "
                                + "continue and incidents still open. dryRun: true lists affected monitors, status "
                                + "pages and SLOs, creating nothing. Plan limits apply."),
                INPUT, WindowPlanner.Result.class);
        this.context = context;
        this.planner = new WindowPlanner(context);
    }

    @Override
    protected WindowPlanner.Result handle(Caller caller, Input in) {
        ZoneId zone = TimeRange.zoneOf(in.tz());
        Instant now = context.clock().instant();
        Instant start = TimeRange.instant("startsAt", in.startsAt(), in.tz());
        if (start.isBefore(now.minus(PAST_SLACK))) {
            throw new InvalidArgument("startsAt", "must not be in the past (now is " + now
                    + "); use start_maintenance_now for a window starting now");
        }
        if (start.isAfter(now.plus(MAX_LEAD))) {
            throw new InvalidArgument("startsAt", "must be at most " + MAX_LEAD.toDays() + " days from now");
        }
        Instant end;
        if (in.endsAt() != null && in.durationMinutes() != null) {
            throw new InvalidArgument("durationMinutes", "cannot be combined with endsAt; pass exactly one");
        } else if (in.endsAt() != null) {
            end = TimeRange.instant("endsAt", in.endsAt(), in.tz());
            WindowPlanner.requireSpan("endsAt", start, end);
        } else if (in.durationMinutes() != null) {
            end = start.plus(Duration.ofMinutes(in.durationMinutes()));
        } else {
            throw new InvalidArgument("endsAt", "or durationMinutes is required; pass exactly one");
        }
        return planner.plan(caller, in.name().strip(), start, end, in.monitorIds(), Boolean.TRUE.equals(in.dryRun()),
                t -> t == null ? null : t.atZone(zone).toOffsetDateTime());
    }
}
