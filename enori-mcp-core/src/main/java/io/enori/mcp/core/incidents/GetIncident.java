package io.enori.mcp.core.incidents;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;
import java.util.List;
import java.util.stream.Collectors;

/** get_incident: one incident with its whole timeline. */
public final class GetIncident extends TypedTool<GetIncident.Input, GetIncident.Output> {

    record Input(String incidentId) {
    }

    record Output(IncidentViews.IncidentView incident, List<IncidentViews.TimelineEntry> timeline) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("incidentId", "inc_", "The incident.")
            .build();

    private final CoreContext context;

    public GetIncident(CoreContext context) {
        super(tool("get_incident").title("Get incident").group("incidents").requires(Scope.INCIDENTS_READ)
                .annotations(ToolAnnotations.READ)
                .description("One incident with its timeline (opened, acknowledged, updates, resolved/recovered: "
                        + "who, when, what), oldest first."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Incident incident = IncidentViews.require(context, caller, in.incidentId());
        List<IncidentViews.TimelineEntry> timeline = context.storage().incidents()
                .timeline(caller.accountId(), incident.id()).stream()
                .map(e -> IncidentViews.entry(e, IncidentViews::utc)).collect(Collectors.toList());
        return new Output(IncidentViews.view(incident, context.clock().instant(), IncidentViews::utc), timeline);
    }
}
