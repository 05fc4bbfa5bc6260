package io.enori.mcp.api;

import java.util.Locale;

/** Where an incident is in its life: open until someone acknowledges it, resolved when over. */
public enum IncidentStatus {
    OPEN, ACKNOWLEDGED, RESOLVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Open or acknowledged: the monitor's problem is not over. */
    public boolean isActive() {
        return this != RESOLVED;
    }
}
