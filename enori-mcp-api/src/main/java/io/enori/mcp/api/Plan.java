package io.enori.mcp.api;

import java.util.Objects;

/**
 * What an account may create. Caps come from configuration; {@link #DEFAULT} lets a new user try every tool.
 */
public record Plan(String name, int maxMonitors, int maxStatusPages, int maxMaintenanceWindows, int freeBrowserSlots) {

    /** The plan new accounts get unless the host configures another. */
    public static final Plan DEFAULT = new Plan("starter", 50, 5, 20, 1);

    public Plan {
        Objects.requireNonNull(name, "name");
        if (maxMonitors < 0 || maxStatusPages < 0 || maxMaintenanceWindows < 0 || freeBrowserSlots < 0) {
            throw new IllegalArgumentException("plan caps must be >= 0");
        }
    }
}
