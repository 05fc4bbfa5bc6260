package io.enori.mcp.core.status;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentEvent;
import io.enori.mcp.api.MaintenanceWindow;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.StatusPage;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.ToolFailure;
import io.enori.mcp.core.tool.TypedTool;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** get_status_page: one page's components with their current health and why. */
public final class GetStatusPage extends TypedTool<GetStatusPage.Input, GetStatusPage.Output> {

    record Input(String statusPageId) {
    }

    /** The component's monitor's active incident; {@code latestUpdate} is the newest add_incident_update text. */
    record IncidentRef(String id, String status, OffsetDateTime since, String latestUpdate) {
    }

    record MaintenanceRef(String id, String name, OffsetDateTime endsAt) {
    }

    /** {@code reason} says in words why the status is not operational ({@code null} when it is). */
    record ComponentView(String name, String monitorId, String status, String reason, OffsetDateTime lastCheckedAt,
                         IncidentRef activeIncident, MaintenanceRef maintenance) {
    }

    record Output(String id, String name, String slug, String overallStatus, String summary,
                  List<ComponentView> components, OffsetDateTime asOf) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("statusPageId", "sp_", "The status page (sp_…), from list_status_pages.")
            .build();

    private final CoreContext context;

    public GetStatusPage(CoreContext context) {
        super(tool("get_status_page").title("Get status page").group("status").requires(Scope.STATUS_PAGES_READ)
                        .annotations(ToolAnnotations.READ)
                        .description("A status page's components: health (operational, degraded, major_outage, "
                                + "under_maintenance, paused, pending) and why, active incident with latest update, "
                                + "active maintenance; plus overall status."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        StatusPage page = context.storage().statusPages().find(caller.accountId(), in.statusPageId())
                .orElseThrow(() -> new ToolFailure(ToolError.notFound(ToolError.STATUS_PAGE_NOT_FOUND, "statusPageId",
                        in.statusPageId())));
        HealthSnapshot snapshot = HealthSnapshot.load(context, caller.accountId());
        Map<String, String> latestUpdates = new HashMap<>();
        List<ComponentView> components = page.components().stream().map(c -> {
            HealthSnapshot.Verdict v = snapshot.of(c.monitorId());
            Incident i = v.incident();
            IncidentRef incident = i == null ? null : new IncidentRef(i.id(), i.status().wireName(),
                    utc(i.startedAt()), latestUpdates.computeIfAbsent(i.id(), id -> latestUpdate(caller, id)));
            MaintenanceWindow w = v.window();
            MaintenanceRef maintenance = w == null ? null : new MaintenanceRef(w.id(), w.name(), utc(w.endsAt()));
            return new ComponentView(c.name(), c.monitorId(), v.health().wireName(), v.reason(),
                    v.monitor() == null ? null : utc(v.monitor().lastCheckedAt()), incident, maintenance);
        }).collect(Collectors.toList());
        StatusViews.Overall overall = StatusViews.overall(page, snapshot);
        return new Output(page.id(), page.name(), page.slug(), overall.health().wireName(), overall.summary(),
                components, utc(snapshot.now()));
    }

    /** The newest status update's text; one timeline read per active incident shown, not per component. */
    private String latestUpdate(Caller caller, String incidentId) {
        List<IncidentEvent> timeline = context.storage().incidents().timeline(caller.accountId(), incidentId);
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i).kind() == IncidentEvent.Kind.UPDATE) {
                return timeline.get(i).message();
            }
        }
        return null;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
