package io.enori.mcp.api.spi;

import io.enori.mcp.api.MonitorStatus;
import io.enori.mcp.api.MonitorType;

/**
 * Narrows a monitor listing; every field is optional ({@code null} = any).
 *
 * @param nameContains case-insensitive substring of the monitor's name
 */
public record MonitorFilter(MonitorStatus status, MonitorType type, String nameContains) {
    public static final MonitorFilter ANY = new MonitorFilter(null, null, null);
}
