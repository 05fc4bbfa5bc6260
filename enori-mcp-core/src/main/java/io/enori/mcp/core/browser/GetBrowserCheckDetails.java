package io.enori.mcp.core.browser;

import io.enori.mcp.api.BrowserCheck;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;
import io.enori.mcp.core.tool.ToolFailure;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** get_browser_check_details: one browser check (by bc_ id, or the latest) with its step results and vitals. */
public final class GetBrowserCheckDetails
        extends TypedTool<GetBrowserCheckDetails.Input, GetBrowserCheckDetails.Output> {
    static final int MAX_CONSOLE = 20;
    static final String CHECK_NOT_FOUND = "Browser check not found";

    record Input(String monitorId, String checkId) {
    }

    record Output(String checkId, String monitorId, String status, Instant checkedAt,
                  List<BrowserViews.StepResultView> steps, Double lcpMs, Double cls, Double inpMs,
                  List<String> consoleErrors, String failureAnalysis) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The browser monitor.")
            .id("checkId", "bc_", "A check; default the latest.")
            .build();

    private final CoreContext context;

    public GetBrowserCheckDetails(CoreContext context) {
        super(tool("get_browser_check_details").title("Browser check details").group("browser")
                .requires(Scope.MONITORS_READ).annotations(ToolAnnotations.READ)
                .description("One browser check (default latest): per-step status, time and error; LCP, CLS, INP; "
                        + "console errors; failure analysis."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        BrowserViews.Found found = BrowserViews.require(context, caller, in.monitorId());
        BrowserCheck check = (in.checkId() == null
                ? context.storage().browserMonitors().latestCheck(caller.accountId(), found.monitor().id())
                : context.storage().browserMonitors().findCheck(caller.accountId(), in.checkId())
                        .filter(c -> c.monitorId().equals(found.monitor().id())))
                .orElseThrow(() -> new ToolFailure(in.checkId() == null
                        ? new ToolError(CHECK_NOT_FOUND, java.util.Map.of("monitorId", found.monitor().id(),
                                "hint", "No checks yet; run check_now."))
                        : ToolError.notFound(CHECK_NOT_FOUND, "checkId", in.checkId())));
        List<String> console = check.consoleErrors().stream().limit(MAX_CONSOLE)
                .map(e -> e.length() > 500 ? e.substring(0, 500) : e).collect(Collectors.toList());
        return new Output(check.id(), check.monitorId(), check.status().wireName(), check.checkedAt(),
                BrowserViews.results(check.steps()), check.lcpMs(), check.cls(), check.inpMs(), console,
                check.failureAnalysis());
    }
}
