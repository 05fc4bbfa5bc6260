package io.enori.mcp.core.overview;

import io.enori.mcp.api.Account;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.EnoriMcpException;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentStatus;
import io.enori.mcp.api.MaintenanceWindow;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorStatus;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.spi.CheckStats;
import io.enori.mcp.api.spi.IncidentFilter;
import io.enori.mcp.api.spi.PageRequest;
import io.enori.mcp.core.maintenance.MaintenanceViews;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * get_overview: totals, plan usage, recent incidents, top failing monitors and active maintenance, in eight
 * queries whatever the account's size (no per-monitor queries).
 */
public final class GetOverview extends TypedTool<GetOverview.Input, GetOverview.Output> {
    static final int RECENT_INCIDENTS = 5;
    static final int TOP_FAILING = 5;
    static final Duration FAILING_WINDOW = Duration.ofHours(24);
    /** Active windows are bounded by the plan's cap; this bounds the answer if a plan's cap is huge. */
    static final int MAX_WINDOWS = 20;

    record Input() {
    }

    /** Monitors by reported status; active incidents split into open and acknowledged. */
    record Totals(int monitors, int up, int down, int paused, int pending, int activeIncidents, int openIncidents,
                  int acknowledgedIncidents) {
    }

    record Usage(String cap, int used, int limit) {
    }

    record RecentIncident(String id, String monitorId, String monitorName, String status, String cause,
                          OffsetDateTime startedAt) {
    }

    record FailingMonitor(String monitorId, String name, double errorRatePercent, long failedChecks,
                          long totalChecks) {
    }

    /** An active window; list_maintenance_windows has the details. */
    record ActiveWindow(String id, String name, OffsetDateTime endsAt, String appliesTo) {
    }

    record Output(OffsetDateTime asOf, Totals totals, String plan, List<Usage> usage,
                  List<RecentIncident> recentIncidents, List<FailingMonitor> topFailingMonitors,
                  List<ActiveWindow> activeMaintenance, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class).build();

    private final CoreContext context;

    public GetOverview(CoreContext context) {
        super(tool("get_overview").title("Account overview").group("status").requires(Scope.MONITORS_READ)
                        .annotations(ToolAnnotations.READ)
                        .description("Account at a glance: monitors by status, active incidents, plan usage, latest "
                                + "incidents, worst error rates over 24 h, active maintenance. Start here."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        String accountId = caller.accountId();
        Instant now = context.clock().instant();
        Account account = context.storage().accounts().find(accountId)
                .orElseThrow(() -> new EnoriMcpException("account " + accountId + " of a valid key is missing"));
        List<Monitor> monitors = context.storage().monitors().listAll(accountId);
        Map<String, Monitor> byId = monitors.stream().collect(Collectors.toMap(Monitor::id, m -> m));

        // At most one active incident per monitor, so one page of that size holds them all.
        List<Incident> active = context.storage().incidents().list(accountId, new IncidentFilter(null, null, true),
                null, null, PageRequest.first(Math.max(1, monitors.size()))).items();
        int acknowledged = (int) active.stream().filter(i -> i.status() == IncidentStatus.ACKNOWLEDGED).count();
        List<RecentIncident> recent = context.storage().incidents().list(accountId, IncidentFilter.ANY, null, null,
                        PageRequest.first(RECENT_INCIDENTS)).items().stream()
                .map(i -> new RecentIncident(i.id(), i.monitorId(), nameOf(byId, i.monitorId()), i.status().wireName(),
                        i.cause(), utc(i.startedAt())))
                .collect(Collectors.toList());

        // Ranges are half-open; one microsecond (the stored precision) past now keeps a check made this instant.
        Instant until = now.plus(1, ChronoUnit.MICROS);
        Map<String, CheckStats> stats = context.storage().checkResults().statsByMonitor(accountId,
                until.minus(FAILING_WINDOW), until);
        List<FailingMonitor> failing = stats.values().stream()
                .filter(s -> s.failed() > 0 && byId.containsKey(s.monitorId()))
                .map(s -> new FailingMonitor(s.monitorId(), byId.get(s.monitorId()).name(),
                        Math.round(s.failed() * 1000.0 / s.total()) / 10.0, s.failed(), s.total()))
                .sorted(Comparator.comparingDouble(FailingMonitor::errorRatePercent).reversed()
                        .thenComparing(Comparator.comparingLong(FailingMonitor::failedChecks).reversed())
                        .thenComparing(FailingMonitor::name))
                .limit(TOP_FAILING)
                .collect(Collectors.toList());

        List<MaintenanceWindow> windows = context.storage().maintenanceWindows().activeAt(accountId, now);
        Map<String, String> names = MaintenanceViews.names(monitors);
        List<ActiveWindow> maintenance = windows.stream().limit(MAX_WINDOWS)
                .map(w -> MaintenanceViews.view(w, now, names, GetOverview::utc))
                .map(v -> new ActiveWindow(v.id(), v.name(), v.endsAt(), v.appliesTo()))
                .collect(Collectors.toList());

        Plan plan = account.plan();
        List<Usage> usage = List.of(
                new Usage("monitors", monitors.size(), plan.maxMonitors()),
                new Usage("status_pages", context.storage().statusPages().count(accountId), plan.maxStatusPages()),
                new Usage("maintenance_windows", context.storage().maintenanceWindows().countNotCompleted(accountId, now),
                        plan.maxMaintenanceWindows()));

        Map<String, Long> byStatus = monitors.stream().collect(Collectors.groupingBy(GetOverview::status,
                Collectors.counting()));
        Totals totals = new Totals(monitors.size(), count(byStatus, MonitorStatus.UP),
                count(byStatus, MonitorStatus.DOWN), count(byStatus, MonitorStatus.PAUSED),
                count(byStatus, MonitorStatus.PENDING), active.size(), active.size() - acknowledged, acknowledged);
        String note = monitors.isEmpty() ? "No monitors yet; create one with create_monitor."
                : failing.isEmpty() ? "No failed checks in the last 24 h." : null;
        return new Output(utc(now), totals, plan.name(), usage, recent, failing, maintenance, note);
    }

    /** Paused wins over the last check's verdict, as everywhere monitors are shown. */
    private static String status(Monitor m) {
        return (m.paused() ? MonitorStatus.PAUSED : m.status()).wireName();
    }

    private static String nameOf(Map<String, Monitor> byId, String monitorId) {
        Monitor m = byId.get(monitorId);
        return m == null ? null : m.name();
    }

    private static int count(Map<String, Long> byStatus, MonitorStatus status) {
        return byStatus.getOrDefault(status.wireName(), 0L).intValue();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
