package io.enori.mcp.api.spi;

import io.enori.mcp.api.Alert;

/** Narrows an alert listing; {@code null} fields mean any. */
public record AlertFilter(String monitorId, Alert.Status status) {
    public static final AlertFilter ANY = new AlertFilter(null, null);
}
