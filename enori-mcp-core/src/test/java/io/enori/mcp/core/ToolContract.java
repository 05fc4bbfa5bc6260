package io.enori.mcp.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a published tools/list snapshot with the current one under additive rules (SPEC §12): adding tools
 * and optional fields is fine; removing or renaming a tool, removing a field, adding a required input,
 * narrowing an enum or a range, or changing a field's type or a tool's hints is a break.
 */
final class ToolContract {
    private ToolContract() {
    }

    /** Every break, in words naming tool and field; empty when the current list is compatible. */
    @SuppressWarnings("unchecked")
    static List<String> breaks(List<Map<String, Object>> published, List<Map<String, Object>> current) {
        List<String> breaks = new ArrayList<>();
        for (Map<String, Object> old : published) {
            String name = (String) old.get("name");
            Map<String, Object> now = current.stream().filter(t -> name.equals(t.get("name"))).findFirst().orElse(null);
            if (now == null) {
                breaks.add("tool " + name + " was removed or renamed");
                continue;
            }
            Map<String, Object> oldIn = (Map<String, Object>) old.get("inputSchema");
            Map<String, Object> newIn = (Map<String, Object>) now.get("inputSchema");
            compareProperties(name + " input", oldIn, newIn, breaks);
            List<String> oldRequired = (List<String>) oldIn.getOrDefault("required", List.of());
            for (String required : (List<String>) newIn.getOrDefault("required", List.of())) {
                if (!oldRequired.contains(required)) {
                    breaks.add(name + " input field " + required + " became required");
                }
            }
            compareProperties(name + " output", (Map<String, Object>) old.get("outputSchema"),
                    (Map<String, Object>) now.get("outputSchema"), breaks);
            if (!Objects.equals(old.get("annotations"), now.get("annotations"))) {
                breaks.add(name + " annotations changed from " + old.get("annotations") + " to " + now.get("annotations"));
            }
        }
        return breaks;
    }

    @SuppressWarnings("unchecked")
    private static void compareProperties(String where, Map<String, Object> oldSchema, Map<String, Object> newSchema,
                                          List<String> breaks) {
        if (oldSchema == null) {
            return;
        }
        if (newSchema == null) {
            breaks.add(where + " schema was removed");
            return;
        }
        Map<String, Object> oldProps = (Map<String, Object>) oldSchema.getOrDefault("properties", Map.of());
        Map<String, Object> newProps = (Map<String, Object>) newSchema.getOrDefault("properties", Map.of());
        for (Map.Entry<String, Object> entry : oldProps.entrySet()) {
            String field = entry.getKey();
            Map<String, Object> before = (Map<String, Object>) entry.getValue();
            Map<String, Object> after = (Map<String, Object>) newProps.get(field);
            if (after == null) {
                breaks.add(where + " field " + field + " was removed");
                continue;
            }
            if (!Objects.equals(before.get("type"), after.get("type"))) {
                breaks.add(where + " field " + field + " changed type from " + before.get("type") + " to " + after.get("type"));
            }
            if (before.get("enum") instanceof List<?> oldEnum) {
                List<Object> lost = new ArrayList<>(oldEnum);
                lost.removeAll(after.get("enum") instanceof List<?> newEnum ? newEnum : List.of());
                if (!lost.isEmpty()) {
                    breaks.add(where + " field " + field + " enum narrowed: lost " + lost);
                }
            }
            narrowed(before, after, "minimum", true).ifPresent(m -> breaks.add(where + " field " + field + " " + m));
            narrowed(before, after, "maximum", false).ifPresent(m -> breaks.add(where + " field " + field + " " + m));
            if ("object".equals(before.get("type")) || List.of("object", "null").equals(before.get("type"))) {
                compareProperties(where + " " + field, before, after, breaks);
            }
            if (before.get("items") instanceof Map<?, ?> oldItems && after.get("items") instanceof Map<?, ?> newItems) {
                compareProperties(where + " " + field + "[]", (Map<String, Object>) oldItems, (Map<String, Object>) newItems, breaks);
            }
        }
    }

    private static java.util.Optional<String> narrowed(Map<String, Object> before, Map<String, Object> after,
                                                       String bound, boolean lower) {
        if (!(before.get(bound) instanceof Number b)) {
            return java.util.Optional.empty();
        }
        if (!(after.get(bound) instanceof Number a)) {
            return java.util.Optional.empty();
        }
        boolean narrower = lower ? a.doubleValue() > b.doubleValue() : a.doubleValue() < b.doubleValue();
        return narrower ? java.util.Optional.of(bound + " narrowed from " + b + " to " + a) : java.util.Optional.empty();
    }
}
