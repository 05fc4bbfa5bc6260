package io.enori.mcp.core.maintenance;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.MaintenanceWindow;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.spi.MaintenanceWindowFilter;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.core.maintenance.MaintenanceViews.WindowView;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.InvalidArgument;
import io.enori.mcp.core.tool.Paging;
import io.enori.mcp.core.tool.TimeRange;
import io.enori.mcp.core.tool.TypedTool;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** list_maintenance_windows: windows latest start first, by state and overlap with an optional range. */
public final class ListMaintenanceWindows extends TypedTool<ListMaintenanceWindows.Input, ListMaintenanceWindows.Output> {
    static final String NAME = "list_maintenance_windows";

    record Input(String state, String since, String until, String tz, Integer limit, String cursor) {
    }

    /** {@code since}/{@code until} are the range applied, {@code null} when none was asked for. */
    record Output(OffsetDateTime since, OffsetDateTime until, String tz, List<WindowView> windows, int count,
                  String nextCursor, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .oneOf("state", List.of("scheduled", "active", "completed"), null, "Only windows in this state.")
            .text("since", 40, "Only windows ending after this, ISO-8601.")
            .text("until", 40, "Only windows starting before this.")
            .text("tz", 64, "IANA zone. Default UTC.")
            .paging()
            .build();

    private final CoreContext context;

    public ListMaintenanceWindows(CoreContext context) {
        super(tool(NAME).title("List maintenance windows").group("maintenance").requires(Scope.MONITORS_READ)
                        .annotations(ToolAnnotations.READ)
                        .description("Maintenance windows, latest start first: state, times, covered monitors (or all), "
                                + "minutes remaining when active. Filter by state or by overlap with since/until."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Instant now = context.clock().instant();
        ZoneId zone = TimeRange.zoneOf(in.tz());
        // Either end is optional here: windows lie in the future as often as in the past.
        Instant since = in.since() == null ? null : TimeRange.instant("since", in.since(), in.tz());
        Instant until = in.until() == null ? null : TimeRange.instant("until", in.until(), in.tz());
        if (since != null && until != null && !since.isBefore(until)) {
            throw new InvalidArgument("since", "must be before until (since " + since + ", until " + until + ")");
        }
        MaintenanceWindow.State state = in.state() == null ? null
                : MaintenanceWindow.State.valueOf(in.state().toUpperCase(Locale.ROOT));
        MaintenanceWindowFilter filter = new MaintenanceWindowFilter(state, state == null ? null : now,
                since, until);
        Page<MaintenanceWindow> page = Paging.fetch(() -> context.storage().maintenanceWindows().list(
                caller.accountId(), filter, Paging.request(NAME, in.limit(), in.cursor())));
        Map<String, String> names = page.items().stream().allMatch(MaintenanceWindow::coversAllMonitors) ? Map.of()
                : MaintenanceViews.names(context.storage().monitors().listAll(caller.accountId()));
        Function<Instant, OffsetDateTime> local = t -> t == null ? null : t.atZone(zone).toOffsetDateTime();
        List<WindowView> windows = page.items().stream().map(w -> MaintenanceViews.view(w, now, names, local))
                .collect(Collectors.toList());
        String note = null;
        if (windows.isEmpty() && in.cursor() == null) {
            note = state == null && since == null && until == null
                    ? "No maintenance windows yet; create one with create_maintenance_window or start_maintenance_now."
                    : "No maintenance windows match these filters.";
        }
        return new Output(local.apply(since), local.apply(until), zone.getId(), windows, windows.size(),
                Paging.cursor(NAME, page.nextKey()), note);
    }
}
