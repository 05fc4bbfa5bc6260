package io.enori.mcp.api;

import java.util.Locale;

/**
 * Whether a browser journey still runs as written: {@code HEALTHY} when every selector matched,
 * {@code HEALED} when the executor repaired a step (the step is recorded), {@code BROKEN} when a step failed and
 * could not be repaired.
 */
public enum HealingStatus {
    HEALTHY, HEALED, BROKEN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
