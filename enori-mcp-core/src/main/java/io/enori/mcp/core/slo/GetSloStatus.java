package io.enori.mcp.core.slo;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.Slo;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.slo.math.SloStatus;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** get_slo_status: the full computed status of one SLO (SPEC §7). */
public final class GetSloStatus extends TypedTool<GetSloStatus.Input, GetSloStatus.Output> {

    record Input(String monitorId, String sloId) {
    }

    record Output(SloViews.SloView slo, OffsetDateTime windowStart, OffsetDateTime windowEnd, double elapsedPercent,
                  String status, Double achievedPercent, double errorBudgetPercent, Double budgetBurnedPercent,
                  Double budgetRemainingPercent, Double burnRate1h, OffsetDateTime exhaustionEta, boolean onTrack,
                  boolean noData, double coveragePercent, long validChecks, long badChecks, long excludedChecks,
                  double excludedMinutes, List<SloViews.AlertView> burnAlerts, String explanation) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "Its monitor.")
            .requiredId("sloId", "slo_", "The SLO.")
            .build();

    private final CoreContext context;
    private final SloEngine engine;

    public GetSloStatus(CoreContext context) {
        super(tool("get_slo_status").title("SLO status").group("slos").requires(Scope.MONITORS_READ)
                .annotations(ToolAnnotations.READ)
                .description("One SLO now: achieved %, budget burned/remaining, 1 h burn rate, exhaustion ETA, "
                        + "on-track, green/amber/red, burn alerts, exclusions, and why."),
                INPUT, Output.class);
        this.context = context;
        this.engine = new SloEngine(context);
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Slo slo = SloLookup.slo(context, caller, in.monitorId(), in.sloId());
        Instant now = context.clock().instant();
        SloStatus s = engine.status(slo, now);
        return new Output(SloViews.slo(slo), SloViews.utc(s.window().start()), SloViews.utc(s.window().end()),
                SloViews.elapsedPercent(s.window(), now), SloViews.health(s.health()),
                SloViews.achieved(s.achievedPercent()), SloViews.round(s.errorBudgetPercent(), 3),
                SloViews.round(s.budgetBurnedPercent(), 2), SloViews.round(s.budgetRemainingPercent(), 2),
                SloViews.round(s.burnRate1h(), 2), SloViews.utc(s.exhaustionEta()), s.onTrack(), s.noData(),
                SloViews.round(s.coveragePercent(), 2), s.counts().valid(), s.counts().bad(),
                s.counts().excludedChecks(), SloViews.round(s.excludedMinutes(), 1),
                SloViews.alerts(s.alerts()), s.explanation());
    }
}
