package io.enori.mcp.core.browser;

import io.enori.mcp.api.BrowserStep;
import io.enori.mcp.api.BrowserStep.Kind;
import io.enori.mcp.api.BrowserVariable;
import io.enori.mcp.core.tool.InvalidArgument;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns raw step and variable JSON into validated {@link BrowserStep}s and {@link BrowserVariable}s. Every
 * message names the field with its index ({@code steps[3].selector}) and what is allowed.
 */
final class BrowserSteps {
    static final List<String> KINDS = Arrays.stream(Kind.values()).map(Kind::wireName).collect(Collectors.toList());
    static final int MAX_VARIABLES = 20;
    static final int MAX_TEXT = 500;
    static final int MAX_VALUE = 1000;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9]+(\\+[A-Za-z0-9]+)*");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    private static final Set<String> FIELDS = Set.of("kind", "selector", "url", "value", "key", "text", "ms");

    /** The JSON schema of one step, shared by the tools that take steps. */
    static final Map<String, Object> STEP_SCHEMA = stepSchema();

    private BrowserSteps() {
    }

    private static Map<String, Object> stepSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("kind", Map.of("type", "string", "enum", KINDS));
        properties.put("selector", Map.of("type", "string", "maxLength", BrowserStep.MAX_SELECTOR));
        properties.put("url", Map.of("type", "string"));
        properties.put("value", Map.of("type", "string"));
        properties.put("key", Map.of("type", "string"));
        properties.put("text", Map.of("type", "string"));
        properties.put("ms", Map.of("type", "integer", "minimum", 1, "maximum", BrowserStep.MAX_WAIT_MS));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", "object");
        item.put("properties", properties);
        item.put("required", List.of("kind"));
        return Map.of("type", "array", "items", item, "maxItems", BrowserStep.MAX_STEPS);
    }

    static Map<String, Object> variablesSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", Map.of("type", "string"));
        properties.put("value", Map.of("type", "string"));
        properties.put("secret", Map.of("type", "boolean"));
        return Map.of("type", "array", "maxItems", MAX_VARIABLES, "items",
                Map.of("type", "object", "properties", properties, "required", List.of("name", "value")));
    }

    /** Validates a whole sequence: 1–25 steps, each valid. */
    static List<BrowserStep> parse(String field, List<?> raw) {
        if (raw.isEmpty()) {
            throw new InvalidArgument(field, "must have at least one step");
        }
        if (raw.size() > BrowserStep.MAX_STEPS) {
            throw new InvalidArgument(field, "must have at most " + BrowserStep.MAX_STEPS + " steps (got " + raw.size() + ")");
        }
        List<BrowserStep> steps = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            steps.add(step(field + "[" + i + "]", raw.get(i)));
        }
        return List.copyOf(steps);
    }

    /** One step; {@code at} names it in messages ({@code steps[3]}). */
    static BrowserStep step(String at, Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw new InvalidArgument(at, "must be an object with kind and its fields");
        }
        Set<String> unknown = new TreeSet<>();
        for (Object k : map.keySet()) {
            if (!FIELDS.contains(String.valueOf(k))) {
                unknown.add(String.valueOf(k));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidArgument(at + "." + unknown.iterator().next(), "is not a step field; allowed: "
                    + String.join(", ", FIELDS.stream().sorted().collect(Collectors.toList())));
        }
        Object kindRaw = map.get("kind");
        if (!(kindRaw instanceof String kindText)) {
            throw new InvalidArgument(at + ".kind", "is required; one of " + String.join(", ", KINDS));
        }
        Kind kind = Kind.parse(kindText).orElseThrow(() -> new InvalidArgument(at + ".kind",
                "must be one of " + String.join(", ", KINDS) + " (got '" + abbreviate(kindText) + "')"));
        String selector = text(at, map, "selector", BrowserStep.MAX_SELECTOR);
        String url = text(at, map, "url", 2048);
        String value = value(at, map);
        String key = text(at, map, "key", 40);
        String text = text(at, map, "text", MAX_TEXT);
        Integer ms = ms(at, map);
        String w = kind.wireName();
        switch (kind) {
            case NAVIGATE:
                require(at, "url", url, w);
                only(at, kind, map, "url");
                return new BrowserStep(kind, null, httpUrl(at + ".url", url), null, null, null, null);
            case CLICK:
            case ASSERT_VISIBLE:
                require(at, "selector", selector, w);
                only(at, kind, map, "selector");
                return new BrowserStep(kind, selector, null, null, null, null, null);
            case FILL:
                require(at, "selector", selector, w);
                if (value == null) {
                    throw new InvalidArgument(at + ".value", "is required for fill (text to type, or {{variable}})");
                }
                only(at, kind, map, "selector", "value");
                return new BrowserStep(kind, selector, null, value, null, null, null);
            case PRESS:
                require(at, "key", key, w);
                if (!KEY.matcher(key).matches()) {
                    throw new InvalidArgument(at + ".key", "must be a key name such as Enter, Tab, Escape or Control+A "
                            + "(got '" + abbreviate(key) + "')");
                }
                only(at, kind, map, "key");
                return new BrowserStep(kind, null, null, null, key, null, null);
            case WAIT_FOR:
                if ((selector == null) == (ms == null)) {
                    throw new InvalidArgument(at + ".selector", "or " + at + ".ms (1-" + BrowserStep.MAX_WAIT_MS
                            + ") is required for waitFor, not both");
                }
                only(at, kind, map, "selector", "ms");
                return new BrowserStep(kind, selector, null, null, null, null, ms);
            case ASSERT_TEXT:
                require(at, "text", text, w);
                only(at, kind, map, "text", "selector");
                return new BrowserStep(kind, selector, null, null, null, text, null);
            case SCREENSHOT:
                only(at, kind, map);
                return new BrowserStep(kind, null, null, null, null, null, null);
            default:
                throw new IllegalStateException("unhandled step kind " + kind);
        }
    }

    /** Every <code>{{name}}</code> a step uses must be a declared variable. */
    static void requireDeclared(String field, List<BrowserStep> steps, List<BrowserVariable> variables) {
        Set<String> names = variables.stream().map(BrowserVariable::name).collect(Collectors.toSet());
        for (int i = 0; i < steps.size(); i++) {
            BrowserStep s = steps.get(i);
            for (String used : new String[] {s.value(), s.text(), s.url()}) {
                if (used == null) {
                    continue;
                }
                Matcher m = REFERENCE.matcher(used);
                while (m.find()) {
                    if (!names.contains(m.group(1))) {
                        throw new InvalidArgument(field + "[" + i + "]", "uses {{" + m.group(1) + "}}, which is not "
                                + "among variables" + (names.isEmpty() ? " (none given)" : ": " + String.join(", ", new TreeSet<>(names))));
                    }
                }
            }
        }
    }

    static List<BrowserVariable> variables(List<?> raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_VARIABLES) {
            throw new InvalidArgument("variables", "must have at most " + MAX_VARIABLES + " items (got " + raw.size() + ")");
        }
        List<BrowserVariable> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String at = "variables[" + i + "]";
            if (!(raw.get(i) instanceof Map<?, ?> map)) {
                throw new InvalidArgument(at, "must be an object {name, value, secret}");
            }
            for (Object k : map.keySet()) {
                if (!Set.of("name", "value", "secret").contains(String.valueOf(k))) {
                    throw new InvalidArgument(at + "." + k, "is not a variable field; allowed: name, value, secret");
                }
            }
            if (!(map.get("name") instanceof String name) || !VARIABLE_NAME.matcher(name).matches()) {
                throw new InvalidArgument(at + ".name", "must be letters, digits and _ (not starting with a digit), "
                        + "at most 64 characters");
            }
            if (!seen.add(name)) {
                throw new InvalidArgument(at + ".name", "repeats '" + name + "'; names must be unique");
            }
            if (!(map.get("value") instanceof String value) || value.length() > MAX_VALUE) {
                throw new InvalidArgument(at + ".value", "must be a string of at most " + MAX_VALUE + " characters");
            }
            Object secret = map.get("secret");
            if (secret != null && !(secret instanceof Boolean)) {
                throw new InvalidArgument(at + ".secret", "must be true or false");
            }
            out.add(new BrowserVariable(name, value, Boolean.TRUE.equals(secret)));
        }
        return List.copyOf(out);
    }

    /** An http(s) URL with a host. */
    static String httpUrl(String field, String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new InvalidArgument(field, "must be an http(s) URL such as https://example.com/login (got '"
                + abbreviate(url) + "')");
    }

    private static void require(String at, String field, String value, String kind) {
        if (value == null) {
            throw new InvalidArgument(at + "." + field, "is required for " + kind);
        }
    }

    private static void only(String at, Kind kind, Map<?, ?> map, String... allowed) {
        Set<String> ok = new HashSet<>(Arrays.asList(allowed));
        ok.add("kind");
        for (Object k : map.keySet()) {
            if (map.get(k) != null && !ok.contains(String.valueOf(k))) {
                throw new InvalidArgument(at + "." + k, "does not apply to " + kind.wireName() + "; it takes "
                        + (allowed.length == 0 ? "no other fields" : String.join(", ", allowed)));
            }
        }
    }

    private static String text(String at, Map<?, ?> map, String field, int max) {
        Object raw = map.get(field);
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof String s) || s.isBlank()) {
            throw new InvalidArgument(at + "." + field, "must be a non-empty string");
        }
        String t = s.strip();
        if (t.length() > max) {
            throw new InvalidArgument(at + "." + field, "must be at most " + max + " characters (got " + t.length() + ")");
        }
        return t;
    }

    private static String value(String at, Map<?, ?> map) {
        Object raw = map.get("value");
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof String s) || s.length() > MAX_VALUE) {
            throw new InvalidArgument(at + ".value", "must be a string of at most " + MAX_VALUE + " characters");
        }
        return s;
    }

    private static Integer ms(String at, Map<?, ?> map) {
        Object raw = map.get("ms");
        if (raw == null) {
            return null;
        }
        long v;
        try {
            v = raw instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(raw).trim());
        } catch (NumberFormatException e) {
            throw new InvalidArgument(at + ".ms", "must be an integer 1-" + BrowserStep.MAX_WAIT_MS);
        }
        if (v < 1 || v > BrowserStep.MAX_WAIT_MS) {
            throw new InvalidArgument(at + ".ms", "must be between 1 and " + BrowserStep.MAX_WAIT_MS + " (got " + v + ")");
        }
        return (int) v;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
