package io.enori.mcp.core.browser;

import io.enori.mcp.api.BrowserMonitor;
import io.enori.mcp.api.BrowserStep;
import io.enori.mcp.api.BrowserVariable;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;
import java.util.List;

/** update_browser_steps: replaces a browser monitor's whole step sequence (and, if given, its variables). */
public final class UpdateBrowserSteps extends TypedTool<UpdateBrowserSteps.Input, UpdateBrowserSteps.Output> {

    record Input(String monitorId, List<Object> steps, List<Object> variables) {
    }

    record Output(String monitorId, int stepCount, List<BrowserViews.StepView> steps,
                  List<BrowserViews.VariableView> variables) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The browser monitor.")
            .array("steps", true, BrowserSteps.STEP_SCHEMA, "The new sequence; replaces all steps.")
            .array("variables", false, BrowserSteps.variablesSchema(), "Replaces variables when given.")
            .build();

    private final CoreContext context;

    public UpdateBrowserSteps(CoreContext context) {
        super(tool("update_browser_steps").title("Update browser steps").group("browser")
                .requires(Scope.MONITORS_WRITE).annotations(ToolAnnotations.idempotentWrite())
                .description("Replace a browser monitor's steps (max " + BrowserStep.MAX_STEPS + "); resets healing."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        BrowserViews.Found found = BrowserViews.require(context, caller, in.monitorId());
        List<BrowserStep> steps = BrowserSteps.parse("steps", in.steps());
        List<BrowserVariable> variables = in.variables() == null ? found.browser().variables()
                : BrowserSteps.variables(in.variables());
        BrowserSteps.requireDeclared("steps", steps, variables);
        BrowserMonitor old = found.browser();
        BrowserMonitor updated = new BrowserMonitor(old.monitorId(), old.accountId(), steps, variables,
                io.enori.mcp.api.HealingStatus.HEALTHY, null, old.billingItemId(), old.billedFrom(),
                context.clock().instant());
        if (!context.storage().browserMonitors().update(updated)) {
            BrowserViews.require(context, caller, in.monitorId());
        }
        return new Output(old.monitorId(), steps.size(), BrowserViews.steps(steps), BrowserViews.variables(variables));
    }
}
