package io.enori.mcp.api;

import java.util.Locale;

/** The verdict of one check. */
public enum CheckStatus {
    UP, DOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
