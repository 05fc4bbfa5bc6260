package io.enori.mcp.core.browser;

import io.enori.mcp.api.BrowserCheck;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;
import io.enori.mcp.core.tool.TimeRange;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** get_browser_monitor_status: uptime and Core Web Vitals (p75) of one browser monitor over a range. */
public final class GetBrowserMonitorStatus
        extends TypedTool<GetBrowserMonitorStatus.Input, GetBrowserMonitorStatus.Output> {
    /** Most checks a status reads; a 24 h range at the shortest interval is 1440. */
    static final int MAX_CHECKS = 5000;

    record Input(String monitorId, String since, String until, String tz) {
    }

    record Output(String monitorId, String name, String status, OffsetDateTime since, OffsetDateTime until,
                  int checks, Double uptimePercent, Double lcpP75Ms, Double clsP75, Double inpP75Ms, String healing,
                  Integer healingStep, int stepCount, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The browser monitor.")
            .timeRange()
            .build();

    private final CoreContext context;

    public GetBrowserMonitorStatus(CoreContext context) {
        super(tool("get_browser_monitor_status").title("Browser monitor status").group("browser")
                .requires(Scope.MONITORS_READ).annotations(ToolAnnotations.READ)
                .description("One browser monitor over a range (default 24 h): uptime %, p75 LCP, CLS and INP, "
                        + "healing, step count."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        BrowserViews.Found found = BrowserViews.require(context, caller, in.monitorId());
        TimeRange range = TimeRange.resolve(in.since(), in.until(), in.tz(), context.clock());
        List<BrowserCheck> checks = context.storage().browserMonitors().checks(caller.accountId(),
                found.monitor().id(), range.since(), range.until(), MAX_CHECKS);
        Double uptime = null;
        String note = null;
        if (checks.isEmpty()) {
            note = found.monitor().paused() ? "No checks in range; the monitor is paused."
                    : "No checks in range yet; check_now runs one.";
        } else {
            long up = checks.stream().filter(c -> c.status() == CheckStatus.UP).count();
            uptime = Math.round(up * 100_000.0 / checks.size()) / 1000.0;
            if (checks.size() == MAX_CHECKS) {
                note = "Read the newest " + MAX_CHECKS + " checks only; narrow the range for exact figures.";
            }
        }
        return new Output(found.monitor().id(), found.monitor().name(), BrowserViews.status(found.monitor()),
                range.sinceLocal(), range.untilLocal(), checks.size(), uptime,
                p75(checks.stream().map(BrowserCheck::lcpMs).collect(Collectors.toList()), 0),
                p75(checks.stream().map(BrowserCheck::cls).collect(Collectors.toList()), 3),
                p75(checks.stream().map(BrowserCheck::inpMs).collect(Collectors.toList()), 0),
                found.browser().healing().wireName(), found.browser().healedStep(), found.browser().steps().size(), note);
    }

    /** The 75th percentile (nearest rank) of the measured values, or null when none were measured. */
    static Double p75(List<Double> values, int decimals) {
        List<Double> sorted = values.stream().filter(Objects::nonNull).sorted().collect(Collectors.toList());
        if (sorted.isEmpty()) {
            return null;
        }
        double v = sorted.get((int) Math.ceil(0.75 * sorted.size()) - 1);
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }
}
