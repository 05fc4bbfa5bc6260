package io.enori.mcp.api;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a client learns about a tool from {@code tools/list}, plus the scope the core enforces before
 * the handler runs.
 *
 * @param group        the tool set it belongs to (monitors, incidents, alerts, status, maintenance, browser,
 *                     traces, jobs, slos)
 * @param inputSchema  JSON Schema of the arguments, as nested maps and lists
 * @param outputSchema JSON Schema of the structured content of a successful result
 */
public record ToolDescriptor(String name, String title, String description, String group, Scope requiredScope,
                             Map<String, Object> inputSchema, Map<String, Object> outputSchema,
                             ToolAnnotations annotations) {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9_]{1,63}");

    public ToolDescriptor {
        Objects.requireNonNull(name, "name");
        if (!SNAKE_CASE.matcher(name).matches()) {
            throw new IllegalArgumentException("tool names are snake_case: " + name);
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(requiredScope, "requiredScope of " + name);
        Objects.requireNonNull(inputSchema, "inputSchema");
        Objects.requireNonNull(outputSchema, "outputSchema");
        Objects.requireNonNull(annotations, "annotations");
        if (annotations.readOnly() && requiredScope.wireName().endsWith(":write")) {
            throw new IllegalArgumentException(name + " is read-only but requires a write scope");
        }
    }
}
