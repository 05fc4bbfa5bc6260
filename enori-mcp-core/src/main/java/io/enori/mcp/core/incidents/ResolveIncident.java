package io.enori.mcp.core.incidents;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;

/** resolve_incident: closes an active incident with a resolution note. */
public final class ResolveIncident extends TypedTool<ResolveIncident.Input, ResolveIncident.Output> {

    record Input(String incidentId, String resolutionNote) {
    }

    record Output(IncidentViews.IncidentView incident) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("incidentId", "inc_", "The incident.")
            .requiredText("resolutionNote", 2000, "What fixed it; shown on the timeline.")
            .build();

    private final CoreContext context;
    private final IncidentActions actions;

    public ResolveIncident(CoreContext context) {
        super(tool("resolve_incident").title("Resolve incident").group("incidents").requires(Scope.INCIDENTS_WRITE)
                .annotations(ToolAnnotations.write())
                .description("Resolve an active incident with a resolution note (required). If the monitor is still "
                        + "failing, a new incident opens after the next failed checks."),
                INPUT, Output.class);
        this.context = context;
        this.actions = new IncidentActions(context);
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        return new Output(IncidentViews.view(actions.resolve(caller, in.incidentId(), in.resolutionNote()).incident(),
                context.clock().instant(), IncidentViews::utc));
    }
}
