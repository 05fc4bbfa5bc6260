package io.enori.mcp.api.spi;

import io.enori.mcp.api.IncidentStatus;

/**
 * Narrows an incident listing; {@code null} fields mean any.
 *
 * @param activeOnly only open or acknowledged incidents (whatever {@code status} says)
 */
public record IncidentFilter(IncidentStatus status, String monitorId, boolean activeOnly) {
    public static final IncidentFilter ANY = new IncidentFilter(null, null, false);
}
