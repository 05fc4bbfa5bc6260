package io.enori.mcp.api.spi;

/** The stores the core needs, from one backend. */
public interface Storage {
    AccountStore accounts();

    ApiKeyStore apiKeys();

    MonitorStore monitors();

    CheckResultStore checkResults();

    SnoozeStore snoozes();

    ShareLinkStore shareLinks();

    /** Incidents, at most one active per monitor, with their timelines. */
    IncidentStore incidents();

    /** Where alerts go: email addresses and webhooks. */
    AlertChannelStore alertChannels();

    /** Every alert made, with its delivery state. */
    AlertStore alerts();

    /** Live Activity push tokens of incidents and the pushes made to them. */
    LiveActivityStore liveActivities();

    /** Maintenance windows, and which of them cover a monitor at an instant. */
    MaintenanceWindowStore maintenanceWindows();

    /** Status pages and their components. */
    StatusPageStore statusPages();

    /** Heartbeats of job monitors. */
    JobPingStore jobPings();

    /** SLOs and their daily rollups. */
    SloStore slos();

    /** The periods monitors were paused. */
    MonitorPauseStore monitorPauses();

    /** Spans received over OTLP and their links to checks. */
    TraceStore traces();

    /** Browser monitors' steps, their check details and built-in billing items. */
    BrowserMonitorStore browserMonitors();

    /** Clients, users, codes, grants and tokens of the built-in OAuth authorization server. */
    default OAuthStore oauth() {
        throw new UnsupportedOperationException(getClass().getName() + " does not store OAuth data");
    }
}
