package io.enori.mcp.api;

import java.util.Locale;

/** A monitor's current state as tools report it. */
public enum MonitorStatus {
    /** Created, never checked. */
    PENDING,
    UP,
    DOWN,
    PAUSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
