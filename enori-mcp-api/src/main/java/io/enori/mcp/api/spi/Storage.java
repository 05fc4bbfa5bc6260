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

    /** Maintenance windows, and which of them cover a monitor at an instant. */
    MaintenanceWindowStore maintenanceWindows();

    /** Status pages and their components. */
    StatusPageStore statusPages();
}
