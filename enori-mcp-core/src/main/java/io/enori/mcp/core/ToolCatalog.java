package io.enori.mcp.core;

import io.enori.mcp.core.traces.GetMonitorTraces;
import io.enori.mcp.core.traces.GetTraceDetail;
import io.enori.mcp.api.Tool;
import io.enori.mcp.core.alerts.ListAlertChannels;
import io.enori.mcp.core.alerts.ListAlerts;
import io.enori.mcp.core.alerts.RegisterLiveActivityToken;
import io.enori.mcp.core.incidents.AcknowledgeIncident;
import io.enori.mcp.core.incidents.AddIncidentUpdate;
import io.enori.mcp.core.incidents.GetActiveIncidents;
import io.enori.mcp.core.incidents.GetIncident;
import io.enori.mcp.core.incidents.GetIncidentStats;
import io.enori.mcp.core.incidents.ListIncidents;
import io.enori.mcp.core.incidents.ResolveIncident;
import io.enori.mcp.core.maintenance.CreateMaintenanceWindow;
import io.enori.mcp.core.maintenance.ListMaintenanceWindows;
import io.enori.mcp.core.maintenance.StartMaintenanceNow;
import io.enori.mcp.core.monitors.CheckNow;
import io.enori.mcp.core.monitors.CheckQueue;
import io.enori.mcp.core.monitors.CreateMonitor;
import io.enori.mcp.core.jobs.GetMonitorCustomMetrics;
import io.enori.mcp.core.jobs.GetMonitorPings;
import io.enori.mcp.core.jobs.GetMonitorRunSeries;
import io.enori.mcp.core.monitors.GetCheckResults;
import io.enori.mcp.core.monitors.GetHealthSummary;
import io.enori.mcp.core.monitors.GetMonitor;
import io.enori.mcp.core.monitors.GetMonitorStats;
import io.enori.mcp.core.monitors.GetSnoozeStatus;
import io.enori.mcp.core.monitors.ListMonitors;
import io.enori.mcp.core.monitors.PauseMonitor;
import io.enori.mcp.core.monitors.ResumeMonitor;
import io.enori.mcp.core.monitors.ShareMonitor;
import io.enori.mcp.core.monitors.SnoozeMonitor;
import io.enori.mcp.core.monitors.UnsnoozeMonitor;
import io.enori.mcp.core.monitors.UpdateMonitor;
import io.enori.mcp.core.overview.GetOverview;
import io.enori.mcp.core.slo.CreateSlo;
import io.enori.mcp.core.slo.DeleteSlo;
import io.enori.mcp.core.slo.GetSloBreaches;
import io.enori.mcp.core.slo.GetSloCompliance;
import io.enori.mcp.core.slo.GetSloStatus;
import io.enori.mcp.core.slo.ListSlos;
import io.enori.mcp.core.slo.UpdateSlo;
import io.enori.mcp.core.status.GetStatusPage;
import io.enori.mcp.core.status.ListStatusPages;
import io.enori.mcp.core.tool.CoreContext;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import io.enori.mcp.api.BrowserPricing;
import io.enori.mcp.core.browser.BrowserServices;
import io.enori.mcp.core.browser.CreateBrowserMonitor;
import io.enori.mcp.core.browser.DeleteBrowserMonitor;
import io.enori.mcp.core.browser.GenerateBrowserSteps;
import io.enori.mcp.core.browser.GetBrowserCheckDetails;
import io.enori.mcp.core.browser.GetBrowserMonitorStatus;
import io.enori.mcp.core.browser.GetBrowserMonitors;
import io.enori.mcp.core.browser.StoredBillingGateway;
import io.enori.mcp.core.browser.UpdateBrowserSteps;
import java.util.Set;

/** Every tool the server offers, registered in one list. Order is the order of {@code tools/list}. */
final class ToolCatalog {
    private ToolCatalog() {
    }

    /** @param checkQueue where check_now hands checks while the scheduler runs */
    static List<Tool> all(CoreContext context, CheckQueue checkQueue) {
        return all(context, checkQueue, new BrowserServices(Optional.empty(),
                StoredBillingGateway.create(context.storage(), context.ids()), BrowserPricing.DEFAULT,
                Duration.ofSeconds(10)));
    }

    /** @param browser the browser executor, billing gateway and pricing the browser tools use */
    static List<Tool> all(CoreContext context, CheckQueue checkQueue, BrowserServices browser) {
        List<Tool> tools = List.of(
                // Monitors
                new ListMonitors(context),
                new GetMonitor(context),
                new GetMonitorStats(context),
                new GetCheckResults(context),
                new GetHealthSummary(context),
                new CreateMonitor(context),
                new UpdateMonitor(context),
                new CheckNow(context, checkQueue),
                new PauseMonitor(context),
                new ResumeMonitor(context),
                new SnoozeMonitor(context),
                new UnsnoozeMonitor(context),
                new GetSnoozeStatus(context),
                new ShareMonitor(context),
                // Incidents
                new ListIncidents(context),
                new GetIncident(context),
                new GetActiveIncidents(context),
                new GetIncidentStats(context),
                new AcknowledgeIncident(context),
                new ResolveIncident(context),
                new AddIncidentUpdate(context),
                new RegisterLiveActivityToken(context),
                // Alerts
                new ListAlerts(context),
                new ListAlertChannels(context),
                // Maintenance
                new ListMaintenanceWindows(context),
                new CreateMaintenanceWindow(context),
                new StartMaintenanceNow(context),
                // Status pages
                new ListStatusPages(context),
                new GetStatusPage(context),
                // Overview
                new GetOverview(context),
                // SLOs
                new ListSlos(context),
                new GetSloStatus(context),
                new GetSloCompliance(context),
                new GetSloBreaches(context),
                new CreateSlo(context),
                new UpdateSlo(context),
                new DeleteSlo(context),

                new GetMonitorPings(context),
                new GetMonitorCustomMetrics(context),
                new GetMonitorRunSeries(context),
                // Traces
                new GetMonitorTraces(context),
                new GetTraceDetail(context),
                // Browser monitors
                new GetBrowserMonitors(context),
                new GetBrowserMonitorStatus(context),
                new GetBrowserCheckDetails(context),
                new CreateBrowserMonitor(context, browser),
                new UpdateBrowserSteps(context),
                new GenerateBrowserSteps(browser),
                new DeleteBrowserMonitor(context, browser));
        Set<String> names = new HashSet<>();
        for (Tool tool : tools) {
            if (!names.add(tool.descriptor().name())) {
                throw new IllegalStateException("tool registered twice: " + tool.descriptor().name());
            }
        }
        return tools;
    }
}
