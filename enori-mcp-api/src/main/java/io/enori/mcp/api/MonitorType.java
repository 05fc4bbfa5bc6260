package io.enori.mcp.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of monitor; the wire name is the lower-case name. */
public enum MonitorType {
    WEBSITE, PING, PORT, DNS, DOMAIN, JOB,
    /** A scripted browser journey; created and changed by the browser tools, run by a {@code BrowserCheckExecutor}. */
    BROWSER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive lookup, as tools accept {@code Website} and {@code website} alike. */
    public static Optional<MonitorType> parse(String text) {
        return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(text.trim())).findFirst();
    }
}
