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

/** add_incident_update: appends a status update to an incident's timeline. */
public final class AddIncidentUpdate extends TypedTool<AddIncidentUpdate.Input, AddIncidentUpdate.Output> {

    record Input(String incidentId, String message) {
    }

    record Output(IncidentViews.IncidentView incident, List<IncidentViews.TimelineEntry> timeline) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("incidentId", "inc_", "The incident.")
            .requiredText("message", 2000, "The update, e.g. 'Rolled back the deploy; watching error rates'.")
            .build();

    private final CoreContext context;
    private final IncidentActions actions;

    public AddIncidentUpdate(CoreContext context) {
        super(tool("add_incident_update").title("Add incident update").group("incidents")
                .requires(Scope.INCIDENTS_WRITE).annotations(ToolAnnotations.write())
                .description("Append a status update to an incident's timeline (shown on status pages). Works on "
                        + "resolved incidents too, e.g. for a post-mortem link. Returns the timeline."),
                INPUT, Output.class);
        this.context = context;
        this.actions = new IncidentActions(context);
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Incident incident = actions.addUpdate(caller, in.incidentId(), in.message());
        List<IncidentViews.TimelineEntry> timeline = context.storage().incidents()
                .timeline(caller.accountId(), incident.id()).stream()
                .map(e -> IncidentViews.entry(e, IncidentViews::utc)).collect(Collectors.toList());
        return new Output(IncidentViews.view(incident, context.clock().instant(), IncidentViews::utc), timeline);
    }
}
