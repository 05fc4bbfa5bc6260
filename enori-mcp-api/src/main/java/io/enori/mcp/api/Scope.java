package io.enori.mcp.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A permission an API key carries; every tool requires exactly one. */
public enum Scope {
    MONITORS_READ("monitors:read"),
    MONITORS_WRITE("monitors:write"),
    INCIDENTS_READ("incidents:read"),
    INCIDENTS_WRITE("incidents:write"),
    ALERTS_READ("alerts:read"),
    STATUS_PAGES_READ("status_pages:read"),
    MAINTENANCE_WRITE("maintenance:write");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire and in key management, e.g. {@code monitors:read}. */
    public String wireName() {
        return wireName;
    }

    /** Looks a scope up by its wire name. */
    public static Optional<Scope> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    /**
     * Parses a comma-separated list such as {@code monitors:read,monitors:write}.
     *
     * @throws IllegalArgumentException naming the unknown scope and the allowed ones
     */
    public static Set<Scope> parseList(String commaSeparated) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String part : commaSeparated.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            scopes.add(fromWireName(name).orElseThrow(() -> new IllegalArgumentException(
                    "Unknown scope '" + name + "'; allowed: " + allWireNames())));
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("At least one scope is required; allowed: " + allWireNames());
        }
        return scopes;
    }

    /** Every scope's wire name, comma-separated, for error messages and help texts. */
    public static String allWireNames() {
        return Arrays.stream(values()).map(Scope::wireName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
