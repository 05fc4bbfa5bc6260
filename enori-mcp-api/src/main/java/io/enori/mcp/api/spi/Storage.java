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

    /** Heartbeats of job monitors. */
    JobPingStore jobPings();
}
