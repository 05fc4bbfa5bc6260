package io.enori.mcp.core.slo;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.Slo;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;
import io.enori.mcp.core.slo.math.SloStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** list_slos: every SLO of one monitor with its computed status; a monitor has few, so no paging. */
public final class ListSlos extends TypedTool<ListSlos.Input, ListSlos.Output> {

    record Input(String monitorId) {
    }

    record Row(SloViews.SloBrief slo, String status, Double achievedPercent, Double budgetBurnedPercent,
               boolean noData) {
    }

    record Output(String monitorId, List<Row> slos, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The monitor.")
            .build();

    private final CoreContext context;
    private final SloEngine engine;

    public ListSlos(CoreContext context) {
        super(tool("list_slos").title("List SLOs").group("slos").requires(Scope.MONITORS_READ)
                .annotations(ToolAnnotations.READ)
                .description("A monitor's SLOs with status green/amber/red, achieved % and budget burned."),
                INPUT, Output.class);
        this.context = context;
        this.engine = new SloEngine(context);
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        SloLookup.monitor(context, caller, in.monitorId());
        Instant now = context.clock().instant();
        List<Row> rows = new ArrayList<>();
        for (Slo slo : context.storage().slos().listForMonitor(caller.accountId(), in.monitorId())) {
            SloStatus s = engine.status(slo, now);
            rows.add(new Row(SloViews.brief(slo), SloViews.health(s.health()), SloViews.achieved(s.achievedPercent()),
                    SloViews.round(s.budgetBurnedPercent(), 2), s.noData()));
        }
        return new Output(in.monitorId(), rows,
                rows.isEmpty() ? "This monitor has no SLOs; create one with create_slo." : null);
    }
}
