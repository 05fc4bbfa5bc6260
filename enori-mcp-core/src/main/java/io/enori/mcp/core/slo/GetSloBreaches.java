package io.enori.mcp.core.slo;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.Slo;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.slo.math.PeriodReport;
import io.enori.mcp.core.slo.math.SloMath;
import io.enori.mcp.core.slo.math.SloWindows;
import io.enori.mcp.core.slo.math.Span;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.InvalidArgument;
import io.enori.mcp.core.tool.TimeRange;
import io.enori.mcp.core.tool.TypedTool;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * get_slo_breaches: within a range, the periods where the objective was missed (a period still in progress only
 * once its budget is exhausted) and the burn-alert firings with start and end.
 */
public final class GetSloBreaches extends TypedTool<GetSloBreaches.Input, GetSloBreaches.Output> {

    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    static final Duration MAX_RANGE = Duration.ofDays(90);
    /** More than enough for 90 days of weekly periods; a guard, not a limit anyone meets. */
    private static final int MAX_PERIODS = 64;

    record Input(String monitorId, String sloId, String since, String until, String tz) {
    }

    record Output(String sloId, OffsetDateTime since, OffsetDateTime until,
                  List<SloViews.BreachView> breachedPeriods, List<SloViews.FiringView> burnAlertFirings,
                  String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "Its monitor.")
            .requiredId("sloId", "slo_", "The SLO.")
            .text("since", 40, "ISO-8601; default until - 30 d.")
            .text("until", 40, "ISO-8601; default now.")
            .text("tz", 64, "IANA zone. Default UTC.")
            .build();

    private final CoreContext context;
    private final SloEngine engine;

    public GetSloBreaches(CoreContext context) {
        super(tool("get_slo_breaches").title("SLO breaches").group("slos").requires(Scope.MONITORS_READ)
                .annotations(ToolAnnotations.READ)
                .description("Periods an SLO missed its target or spent its budget, and burn-alert firings, in "
                        + "since/until (default 30 days, max 90)."),
                INPUT, Output.class);
        this.context = context;
        this.engine = new SloEngine(context);
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Slo slo = SloLookup.slo(context, caller, in.monitorId(), in.sloId());
        Instant now = context.clock().instant();
        TimeRange range = range(in, now);
        List<SloViews.BreachView> breached = new ArrayList<>();
        Span period = SloWindows.current(slo.window(), now);
        for (int i = 0; i < MAX_PERIODS && period.end().isAfter(range.since()); i++) {
            if (period.start().isBefore(range.until())) {
                PeriodReport report = engine.report(slo, period, now);
                boolean inProgress = period.end().isAfter(now);
                if (report.budgetExhausted() || (!inProgress && Boolean.FALSE.equals(report.met()))) {
                    breached.add(SloViews.breach(report, inProgress, range::local));
                }
            }
            period = SloWindows.previous(slo.window(), period);
        }
        List<SloViews.FiringView> firings = new ArrayList<>();
        for (SloMath.Firing f : engine.firings(slo, new Span(range.since(), range.until()))) {
            firings.add(SloViews.firing(f, range::local));
        }
        String note = breached.isEmpty() && firings.isEmpty()
                ? "No breaches and no burn-alert firings in range" + (slo.burnAlertPolicy() == Slo.BurnAlertPolicy.NONE
                        ? " (burnAlertPolicy is none, so no alerts are evaluated)." : ".")
                : null;
        return new Output(slo.id(), range.sinceLocal(), range.untilLocal(), breached,
                firings, note);
    }

    private static TimeRange range(Input in, Instant now) {
        java.time.ZoneId zone = TimeRange.zoneOf(in.tz());
        Instant until = in.until() == null ? now : TimeRange.instant("until", in.until(), in.tz());
        Instant since = in.since() == null ? until.minus(DEFAULT_RANGE) : TimeRange.instant("since", in.since(), in.tz());
        if (!since.isBefore(until)) {
            throw new InvalidArgument("since", "must be before until (since " + since + ", until " + until + ")");
        }
        if (Duration.between(since, until).compareTo(MAX_RANGE) > 0) {
            throw new InvalidArgument("since", "must be at most 90 days before until");
        }
        return new TimeRange(since, until, zone);
    }
}
