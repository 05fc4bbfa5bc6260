package io.enori.mcp.core.browser;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;
import io.enori.mcp.core.tool.RequestContext;
import java.util.List;

/** generate_browser_steps: proposes steps for a page without creating anything. */
public final class GenerateBrowserSteps extends TypedTool<GenerateBrowserSteps.Input, GenerateBrowserSteps.Output> {

    record Input(String url, String description) {
    }

    record Output(String url, String source, List<BrowserViews.StepView> steps, List<String> dropped, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredText("url", 2048, "Page to script, http(s).")
            .text("description", 1000, "Journey in words, e.g. log in and open billing.")
            .build();

    private final StepGenerator generator;

    public GenerateBrowserSteps(BrowserServices services) {
        super(tool("generate_browser_steps").title("Generate browser steps").group("browser")
                .requires(Scope.MONITORS_WRITE).annotations(new ToolAnnotations(false, false, false, true))
                .description("Preview steps for a page; creates nothing. Uses your model via sampling if offered, "
                        + "else reads the page. Pass them to create_browser_monitor."),
                INPUT, Output.class);
        this.generator = new StepGenerator(services.generatorFetch());
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        return handle(caller, in, RequestContext.NONE);
    }

    @Override
    protected Output handle(Caller caller, Input in, RequestContext request) {
        String url = BrowserSteps.httpUrl("url", in.url());
        StepGenerator.Proposal p = generator.generate(url, in.description(), request);
        return new Output(url, p.source(), p.steps(), p.dropped(), p.note());
    }
}
