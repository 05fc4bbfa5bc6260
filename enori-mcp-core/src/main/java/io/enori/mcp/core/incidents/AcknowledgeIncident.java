package io.enori.mcp.core.incidents;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;

/** acknowledge_incident: "I'm on it" — records who and when. */
public final class AcknowledgeIncident extends TypedTool<AcknowledgeIncident.Input, AcknowledgeIncident.Output> {

    record Input(String incidentId, String note) {
    }

    record Output(IncidentViews.IncidentView incident, boolean changed) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("incidentId", "inc_", "The incident.")
            .text("note", 2000, "Optional note for the timeline.")
            .build();

    private final CoreContext context;
    private final IncidentActions actions;

    public AcknowledgeIncident(CoreContext context) {
        super(tool("acknowledge_incident").title("Acknowledge incident").group("incidents")
                .requires(Scope.INCIDENTS_WRITE).annotations(ToolAnnotations.idempotentWrite())
                .description("Mark an active incident as acknowledged (\"I'm on it\"); records who and when on its "
                        + "timeline. changed=false if it was already acknowledged."),
                INPUT, Output.class);
        this.context = context;
        this.actions = new IncidentActions(context);
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        IncidentActions.Result result = actions.acknowledge(caller, in.incidentId(), in.note());
        return new Output(IncidentViews.view(result.incident(), context.clock().instant(), IncidentViews::utc),
                result.changed());
    }
}
