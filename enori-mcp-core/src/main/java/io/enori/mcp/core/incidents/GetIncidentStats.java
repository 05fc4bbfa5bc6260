package io.enori.mcp.core.incidents;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.spi.IncidentStats;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TimeRange;
import io.enori.mcp.core.tool.TypedTool;
import java.time.OffsetDateTime;

/** get_incident_stats: counts, MTTA and MTTR of incidents that started in a range. */
public final class GetIncidentStats extends TypedTool<GetIncidentStats.Input, GetIncidentStats.Output> {

    record Input(String since, String until, String tz) {
    }

    record Output(OffsetDateTime since, OffsetDateTime until, String tz, long total, long active, long acknowledged,
                  long resolved, Double mttaMinutes, Double mttrMinutes, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class).timeRange().build();

    private final CoreContext context;

    public GetIncidentStats(CoreContext context) {
        super(tool("get_incident_stats").title("Incident stats").group("incidents").requires(Scope.INCIDENTS_READ)
                .annotations(ToolAnnotations.READ)
                .description("Incident counts (total, active, acknowledged, resolved), mean time to acknowledge "
                        + "(MTTA) and to resolve (MTTR) in minutes, for incidents started in since/until (default 24 h)."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        TimeRange range = TimeRange.resolve(in.since(), in.until(), in.tz(), context.clock());
        IncidentStats s = context.storage().incidents().stats(caller.accountId(), range.since(), range.until());
        return new Output(range.sinceLocal(), range.untilLocal(), range.zoneId(), s.total(), s.active(),
                s.acknowledged(), s.resolved(), minutes(s.meanSecondsToAcknowledge()),
                minutes(s.meanSecondsToResolve()),
                s.total() == 0 ? "No incidents started in this range." : null);
    }

    private static Double minutes(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 6.0) / 10.0;
    }
}
