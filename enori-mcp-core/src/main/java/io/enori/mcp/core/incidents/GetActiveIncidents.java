package io.enori.mcp.core.incidents;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.spi.IncidentFilter;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.Paging;
import io.enori.mcp.core.tool.TypedTool;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** get_active_incidents: every open or acknowledged incident, whenever it started. */
public final class GetActiveIncidents extends TypedTool<GetActiveIncidents.Input, GetActiveIncidents.Output> {
    static final String NAME = "get_active_incidents";

    record Input(Integer limit, String cursor) {
    }

    record Output(List<IncidentViews.IncidentView> incidents, int count, String nextCursor, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class).paging().build();

    private final CoreContext context;

    public GetActiveIncidents(CoreContext context) {
        super(tool(NAME).title("Active incidents").group("incidents").requires(Scope.INCIDENTS_READ)
                .annotations(ToolAnnotations.READ)
                .description("Incidents not yet resolved (open or acknowledged), newest first, however long ago they "
                        + "started. Empty means nothing is currently broken."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Page<Incident> page = Paging.fetch(() -> context.storage().incidents().list(caller.accountId(),
                new IncidentFilter(null, null, true), null, null, Paging.request(NAME, in.limit(), in.cursor())));
        Instant now = context.clock().instant();
        List<IncidentViews.IncidentView> views = page.items().stream()
                .map(i -> IncidentViews.view(i, now, IncidentViews::utc)).collect(Collectors.toList());
        return new Output(views, views.size(), Paging.cursor(NAME, page.nextKey()),
                views.isEmpty() && in.cursor() == null ? "No active incidents." : null);
    }
}
