package io.enori.mcp.core;

import io.enori.mcp.api.ToolDescriptor;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which tools a deployment offers (SPEC §12): some groups only, and optionally only the read-only tools. A client
 * that needs five tools should not pay for fifty in its context window.
 *
 * <pre>{@code
 * EnoriMcp.builder().toolsets(Toolsets.parse("monitors,incidents,read-only"))
 * }</pre>
 *
 * @param groups   the groups offered; empty means every group
 * @param readOnly offer only tools whose annotations say read-only
 */
public record Toolsets(Set<String> groups, boolean readOnly) {
    /** The tool groups, as {@link ToolDescriptor#group()} names them. */
    public static final List<String> GROUPS = List.of("monitors", "incidents", "alerts", "status", "maintenance",
            "browser", "traces", "jobs", "slos");
    /** Every tool. */
    public static final Toolsets ALL = new Toolsets(Set.of(), false);
    private static final Set<String> READ_ONLY_WORDS = Set.of("read-only", "readonly", "read_only");

    public Toolsets {
        groups = Set.copyOf(Objects.requireNonNull(groups, "groups"));
        for (String group : groups) {
            if (!GROUPS.contains(group)) {
                throw new IllegalArgumentException("unknown tool group '" + group + "'; groups: "
                        + String.join(", ", GROUPS) + " (add read-only for read tools only)");
            }
        }
    }

    /**
     * Reads a comma-separated list of groups, plus {@code read-only} for read tools only, e.g.
     * {@code "monitors,slos,read-only"}; null, blank or {@code all} means every tool. Case-insensitive.
     *
     * @throws IllegalArgumentException naming an unknown group and the known ones
     */
    public static Toolsets parse(String spec) {
        if (spec == null || spec.isBlank() || spec.strip().equalsIgnoreCase("all")) {
            return ALL;
        }
        Set<String> groups = new LinkedHashSet<>();
        boolean readOnly = false;
        for (String word : Arrays.stream(spec.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).toList()) {
            if (READ_ONLY_WORDS.contains(word)) {
                readOnly = true;
            } else if (!word.equals("all")) {
                groups.add(word);
            }
        }
        return new Toolsets(groups, readOnly);
    }

    /** Whether the tool is offered. */
    public boolean includes(ToolDescriptor tool) {
        return (groups.isEmpty() || groups.contains(tool.group())) && (!readOnly || tool.annotations().readOnly());
    }
}
