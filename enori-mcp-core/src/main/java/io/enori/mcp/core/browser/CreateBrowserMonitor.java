package io.enori.mcp.core.browser;

import io.enori.mcp.api.BrowserMonitor;
import io.enori.mcp.api.BrowserStep;
import io.enori.mcp.api.BrowserVariable;
import io.enori.mcp.api.HealingStatus;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorStatus;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;
import io.enori.mcp.core.tool.RequestContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** create_browser_monitor: a browser journey from explicit steps, or generated from the URL and a description. */
public final class CreateBrowserMonitor extends TypedTool<CreateBrowserMonitor.Input, CreateBrowserMonitor.Output> {
    static final int MIN_INTERVAL = 60;
    static final int DEFAULT_INTERVAL = 600;
    /** A whole journey gets the longest timeout a monitor may have. */
    static final int TIMEOUT_MS = Monitor.MAX_TIMEOUT_MS;

    record Input(String name, String url, Integer intervalSeconds, List<Object> steps, String description,
                 List<Object> variables) {
    }

    record Output(String monitorId, String name, String url, int intervalSeconds, List<BrowserViews.StepView> steps,
                  List<BrowserViews.VariableView> variables, String generatedBy, boolean free, String billingItemId,
                  BigDecimal price, String currency, String next) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredText("name", 200, "Display name.")
            .requiredText("url", 2048, "Start page, http(s).")
            .integer("intervalSeconds", MIN_INTERVAL, Monitor.MAX_INTERVAL_SECONDS, DEFAULT_INTERVAL, "Run every N s.")
            .array("steps", false, BrowserSteps.STEP_SCHEMA, "Ordered steps; omit to generate from description.")
            .text("description", 1000, "Journey in words, used when steps are omitted.")
            .array("variables", false, BrowserSteps.variablesSchema(), "Values steps use as {{name}}; secret ones are masked.")
            .build();

    private final CoreContext context;
    private final BrowserBilling billing;
    private final StepGenerator generator;

    public CreateBrowserMonitor(CoreContext context, BrowserServices services) {
        super(tool("create_browser_monitor").title("Create browser monitor").group("browser")
                .requires(Scope.MONITORS_WRITE).annotations(ToolAnnotations.write())
                .description("Create a browser monitor (max " + BrowserStep.MAX_STEPS + " steps). The first uses the "
                        + "plan's free slot; later ones add a billing item (price in result)."),
                INPUT, Output.class);
        this.context = context;
        this.billing = new BrowserBilling(context, services);
        this.generator = new StepGenerator(services.generatorFetch());
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        return handle(caller, in, RequestContext.NONE);
    }

    @Override
    protected Output handle(Caller caller, Input in, RequestContext request) {
        String url = BrowserSteps.httpUrl("url", in.url());
        List<BrowserVariable> variables = BrowserSteps.variables(in.variables());
        String generatedBy = null;
        List<BrowserStep> steps;
        if (in.steps() != null) {
            steps = BrowserSteps.parse("steps", in.steps());
        } else {
            StepGenerator.Proposal proposal = generator.generate(url, in.description(), request);
            generatedBy = proposal.source();
            steps = BrowserSteps.parse("steps", BrowserViews.raw(proposal.steps()));
            variables = withPlaceholders(steps, variables);
        }
        BrowserSteps.requireDeclared("steps", steps, variables);
        Instant now = context.clock().instant();
        Monitor monitor = new Monitor(context.ids().next("mon_"), caller.accountId(), in.name(),
                new MonitorTarget.Browser(url), in.intervalSeconds(), TIMEOUT_MS, Monitor.DEFAULT_ALERT_AFTER_FAILURES,
                List.of(), false, MonitorStatus.PENDING, 0, null, null, null, null, null, now, now);
        List<BrowserStep> finalSteps = steps;
        List<BrowserVariable> finalVariables = variables;
        BrowserBilling.Charge charge = billing.create(monitor, itemId -> new BrowserMonitor(monitor.id(),
                caller.accountId(), finalSteps, finalVariables, HealingStatus.HEALTHY, null, itemId,
                itemId == null ? null : now, now));
        return new Output(monitor.id(), monitor.name(), url, monitor.intervalSeconds(), BrowserViews.steps(steps),
                BrowserViews.variables(variables), generatedBy, charge.free(), charge.itemId(), charge.price(),
                charge.currency(), "Runs every " + monitor.intervalSeconds() + " s; check_now runs it at once.");
    }

    /** Generated steps may use {{email}}/{{password}}-style placeholders: declare the missing ones, empty and secret. */
    private static List<BrowserVariable> withPlaceholders(List<BrowserStep> steps, List<BrowserVariable> given) {
        java.util.Map<String, BrowserVariable> all = new java.util.LinkedHashMap<>();
        given.forEach(v -> all.put(v.name(), v));
        java.util.regex.Pattern ref = java.util.regex.Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
        for (BrowserStep s : steps) {
            if (s.value() != null) {
                java.util.regex.Matcher m = ref.matcher(s.value());
                while (m.find()) {
                    all.putIfAbsent(m.group(1), new BrowserVariable(m.group(1), "", true));
                }
            }
        }
        return List.copyOf(all.values());
    }
}
