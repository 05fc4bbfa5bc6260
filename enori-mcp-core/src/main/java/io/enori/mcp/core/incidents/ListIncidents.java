package io.enori.mcp.core.incidents;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentStatus;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.spi.IncidentFilter;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.Paging;
import io.enori.mcp.core.tool.TimeRange;
import io.enori.mcp.core.tool.TypedTool;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** list_incidents: incidents that started in a range, newest first, filtered and paged. */
public final class ListIncidents extends TypedTool<ListIncidents.Input, ListIncidents.Output> {
    static final String NAME = "list_incidents";

    record Input(String status, String monitorId, String since, String until, String tz, Integer limit, String cursor) {
    }

    record Output(OffsetDateTime since, OffsetDateTime until, String tz, List<IncidentViews.IncidentView> incidents,
                  int count, String nextCursor, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .oneOf("status", List.of("open", "acknowledged", "resolved"), null, "Only incidents in this state.")
            .id("monitorId", "mon_", "Only this monitor's incidents.")
            .timeRange()
            .paging()
            .build();

    private final CoreContext context;

    public ListIncidents(CoreContext context) {
        super(tool(NAME).title("List incidents").group("incidents").requires(Scope.INCIDENTS_READ)
                .annotations(ToolAnnotations.READ)
                .description("Incidents that started in since/until (default last 24 h), newest first: status, cause, "
                        + "who acknowledged or resolved, duration. Filter by status or monitorId."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        TimeRange range = TimeRange.resolve(in.since(), in.until(), in.tz(), context.clock());
        IncidentFilter filter = new IncidentFilter(
                in.status() == null ? null : IncidentStatus.valueOf(in.status().toUpperCase(Locale.ROOT)),
                in.monitorId(), false);
        Page<Incident> page = Paging.fetch(() -> context.storage().incidents().list(caller.accountId(), filter,
                range.since(), range.until(), Paging.request(NAME, in.limit(), in.cursor())));
        Instant now = context.clock().instant();
        List<IncidentViews.IncidentView> views = page.items().stream()
                .map(i -> IncidentViews.view(i, now, range::local)).collect(Collectors.toList());
        String note = views.isEmpty() && in.cursor() == null ? "No incidents started in this range." : null;
        return new Output(range.sinceLocal(), range.untilLocal(), range.zoneId(), views, views.size(),
                Paging.cursor(NAME, page.nextKey()), note);
    }
}
