package io.enori.mcp.core.slo;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.Slo;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.slo.math.SloWindows;
import io.enori.mcp.core.slo.math.Span;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * get_slo_compliance: the SLA report. Achieved against target for the current period and the {@code periods}
 * before it: calendar periods for calendar SLOs, back-to-back windows of the SLO's length for rolling ones.
 */
public final class GetSloCompliance extends TypedTool<GetSloCompliance.Input, GetSloCompliance.Output> {

    static final int DEFAULT_PERIODS = 3;
    static final int MAX_PERIODS = 12;

    record Input(String monitorId, String sloId, Integer periods) {
    }

    /** {@code periods}: the current period first ({@code inProgress} for calendar SLOs), then the past ones. */
    record Output(String sloId, BigDecimal target, String window, List<SloViews.PeriodView> periods, int met,
                  int missed, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "Its monitor.")
            .requiredId("sloId", "slo_", "The SLO.")
            .integer("periods", 1, MAX_PERIODS, DEFAULT_PERIODS, "Past periods.")
            .build();

    private final CoreContext context;
    private final SloEngine engine;

    public GetSloCompliance(CoreContext context) {
        super(tool("get_slo_compliance").title("SLO compliance").group("slos").requires(Scope.MONITORS_READ)
                .annotations(ToolAnnotations.READ)
                .description("SLA report: achieved % vs target, met/missed and exclusions per period (calendar "
                        + "or back-to-back rolling), current first."),
                INPUT, Output.class);
        this.context = context;
        this.engine = new SloEngine(context);
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Slo slo = SloLookup.slo(context, caller, in.monitorId(), in.sloId());
        Instant now = context.clock().instant();
        Span span = SloWindows.current(slo.window(), now);
        List<SloViews.PeriodView> rows = new ArrayList<>();
        rows.add(SloViews.period(engine.report(slo, span, now), now, SloViews::utc));
        int met = 0;
        int missed = 0;
        int noData = 0;
        for (int i = 0; i < in.periods(); i++) {
            span = SloWindows.previous(slo.window(), span);
            SloViews.PeriodView row = SloViews.period(engine.report(slo, span, now), now, SloViews::utc);
            rows.add(row);
            if (row.noData()) {
                noData++;
            } else if (Boolean.TRUE.equals(row.met())) {
                met++;
            } else {
                missed++;
            }
        }
        Instant since = engine.reportingSince(slo);
        String note = since == null ? "The monitor has no checks yet, so no period has data."
                : noData > 0 ? noData + " past period(s) have no data: the monitor began reporting at "
                        + SloViews.utc(since) + "." : null;
        return new Output(slo.id(), SloViews.target(slo.target()), SloViews.windowName(slo), rows, met, missed, note);
    }
}
