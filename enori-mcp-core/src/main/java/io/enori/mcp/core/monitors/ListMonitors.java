package io.enori.mcp.core.monitors;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.MonitorStatus;
import io.enori.mcp.api.MonitorType;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.spi.MonitorFilter;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.Paging;
import io.enori.mcp.core.tool.TypedTool;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** list_monitors: the account's monitors, oldest first, filtered and paged. */
public final class ListMonitors extends TypedTool<ListMonitors.Input, ListMonitors.Output> {
    static final String NAME = "list_monitors";

    record Input(String status, String type, String name, Integer limit, String cursor) {
    }

    record Output(List<MonitorViews.MonitorSummary> monitors, int count, String nextCursor, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .oneOf("status", List.of("up", "down", "paused", "pending"), null, "Only monitors in this state.")
            .oneOf("type", MonitorSettings.TYPES, null, "Only monitors of this type.")
            .text("name", MonitorSettings.MAX_NAME, "Only monitors whose name contains this (case-insensitive).")
            .paging()
            .build();

    private final CoreContext context;

    public ListMonitors(CoreContext context) {
        super(tool(NAME).title("List monitors").group("monitors").requires(Scope.MONITORS_READ)
                .annotations(ToolAnnotations.READ)
                .description("List monitors with status, type, address, interval and last response time. Filter by "
                        + "status, type or name. Use the ids (mon_…) with the other monitor tools."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        MonitorFilter filter = new MonitorFilter(
                in.status() == null ? null : MonitorStatus.valueOf(in.status().toUpperCase(Locale.ROOT)),
                in.type() == null ? null : MonitorType.parse(in.type()).orElseThrow(), in.name());
        Page<Monitor> page = Paging.fetch(() -> context.storage().monitors().list(caller.accountId(), filter,
                Paging.request(NAME, in.limit(), in.cursor())));
        List<MonitorViews.MonitorSummary> monitors = page.items().stream().map(MonitorViews::summary)
                .collect(Collectors.toList());
        String note = null;
        if (monitors.isEmpty()) {
            note = in.status() == null && in.type() == null && in.name() == null && in.cursor() == null
                    ? "No monitors yet; create one with create_monitor."
                    : "No monitors match these filters.";
        }
        return new Output(monitors, monitors.size(), Paging.cursor(NAME, page.nextKey()), note);
    }
}
