package io.enori.mcp.core.tool;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The type of one input field: its JSON schema fragment and how a raw JSON value is checked and coerced.
 * Numeric strings are accepted for numbers, as models often quote them.
 */
sealed interface FieldType {

    Map<String, Object> schema();

    /** @throws InvalidArgument naming {@code field} and what is allowed */
    Object coerce(String field, Object raw);

    record Text(int maxLength, Pattern pattern, String patternHint) implements FieldType {
        public Map<String, Object> schema() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("type", "string");
            s.put("maxLength", maxLength);
            if (pattern != null) {
                s.put("pattern", pattern.pattern());
            }
            return s;
        }

        public Object coerce(String field, Object raw) {
            if (!(raw instanceof String text)) {
                throw new InvalidArgument(field, "must be a string (got " + describe(raw) + ")");
            }
            String trimmed = text.strip();
            if (trimmed.isEmpty()) {
                throw new InvalidArgument(field, "must not be empty");
            }
            if (trimmed.length() > maxLength) {
                throw new InvalidArgument(field, "must be at most " + maxLength + " characters (got " + trimmed.length() + ")");
            }
            if (pattern != null && !pattern.matcher(trimmed).matches()) {
                throw new InvalidArgument(field, "must be " + patternHint + " (got '" + abbreviate(trimmed) + "')");
            }
            return trimmed;
        }
    }

    record Integer32(long min, long max) implements FieldType {
        public Map<String, Object> schema() {
            return Map.of("type", "integer", "minimum", min, "maximum", max);
        }

        public Object coerce(String field, Object raw) {
            long value = toLong(field, raw);
            if (value < min || value > max) {
                throw new InvalidArgument(field, "must be between " + min + " and " + max + " (got " + value + ")");
            }
            return (int) value;
        }

        static long toLong(String field, Object raw) {
            BigDecimal number;
            if (raw instanceof Number n) {
                number = new BigDecimal(n.toString());
            } else if (raw instanceof String s && s.strip().matches("-?\\d+(\\.0+)?")) {
                number = new BigDecimal(s.strip());
            } else {
                throw new InvalidArgument(field, "must be an integer (got " + describe(raw) + ")");
            }
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidArgument(field, "must be a whole number in range (got " + abbreviate(number.toPlainString()) + ")");
            }
        }
    }

    /** One of a closed set of integers, e.g. window lengths in days. */
    record IntegerOneOf(List<java.lang.Integer> values) implements FieldType {
        public Map<String, Object> schema() {
            return Map.of("type", "integer", "enum", values);
        }

        public Object coerce(String field, Object raw) {
            long value;
            try {
                value = Integer32.toLong(field, raw);
            } catch (InvalidArgument e) {
                throw new InvalidArgument(field, "must be one of " + joined() + " (got " + describe(raw) + ")");
            }
            if (!values.contains((int) value) || value != (int) value) {
                throw new InvalidArgument(field, "must be one of " + joined() + " (got " + value + ")");
            }
            return (int) value;
        }

        private String joined() {
            return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
    }

    /**
     * A decimal number kept exact (a {@link BigDecimal}, never a double), within bounds and with at most
     * {@code maxScale} decimals, e.g. an SLO target of 99.999.
     */
    record Decimal(BigDecimal min, BigDecimal max, int maxScale) implements FieldType {
        public Map<String, Object> schema() {
            return Map.of("type", "number", "minimum", min, "maximum", max);
        }

        public Object coerce(String field, Object raw) {
            BigDecimal value;
            try {
                if (raw instanceof Number n) {
                    value = new BigDecimal(n.toString());
                } else if (raw instanceof String s && s.strip().matches("-?\\d+(\\.\\d+)?")) {
                    value = new BigDecimal(s.strip());
                } else {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new InvalidArgument(field, "must be a number " + range() + " (got " + describe(raw) + ")");
            }
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0 || value.stripTrailingZeros().scale() > maxScale) {
                throw new InvalidArgument(field, "must be " + range() + " (got " + abbreviate(value.toPlainString()) + ")");
            }
            return value;
        }

        private String range() {
            return "between " + min.toPlainString() + " and " + max.toPlainString() + " with at most " + maxScale
                    + " decimals";
        }
    }

    record Bool() implements FieldType {
        public Map<String, Object> schema() {
            return Map.of("type", "boolean");
        }

        public Object coerce(String field, Object raw) {
            if (raw instanceof Boolean b) {
                return b;
            }
            if (raw instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(s);
            }
            throw new InvalidArgument(field, "must be true or false (got " + describe(raw) + ")");
        }
    }

    /** One of a closed set, matched case-insensitively and returned in its canonical spelling. */
    record OneOf(List<String> values) implements FieldType {
        public Map<String, Object> schema() {
            return Map.of("type", "string", "enum", values);
        }

        public Object coerce(String field, Object raw) {
            if (raw instanceof String s) {
                for (String value : values) {
                    if (value.equalsIgnoreCase(s.strip())) {
                        return value;
                    }
                }
            }
            throw new InvalidArgument(field, "must be one of " + String.join(", ", values) + " (got " + describe(raw) + ")");
        }
    }

    record ListOf(FieldType item, int maxItems) implements FieldType {
        public Map<String, Object> schema() {
            return Map.of("type", "array", "items", item.schema(), "maxItems", maxItems);
        }

        public Object coerce(String field, Object raw) {
            if (!(raw instanceof List<?> list)) {
                throw new InvalidArgument(field, "must be an array (got " + describe(raw) + ")");
            }
            if (list.size() > maxItems) {
                throw new InvalidArgument(field, "must have at most " + maxItems + " items (got " + list.size() + ")");
            }
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object value = list.get(i);
                if (value == null) {
                    throw new InvalidArgument(field + "[" + i + "]", "must not be null");
                }
                out.add(item.coerce(field + "[" + i + "]", value));
            }
            return out.stream().distinct().collect(Collectors.toList());
        }
    }

    /** A JSON array or object passed through as maps and lists, checked further by the tool itself. */
    record Structured(Map<String, Object> schema, boolean array) implements FieldType {
        public Object coerce(String field, Object raw) {
            if (array ? !(raw instanceof List<?>) : !(raw instanceof Map<?, ?>)) {
                throw new InvalidArgument(field, "must be " + (array ? "an array" : "an object") + " (got "
                        + describe(raw) + ")");
            }
            return raw;
        }
    }

    static String describe(Object raw) {
        if (raw == null) {
            return "null";
        }
        if (raw instanceof String s) {
            return "'" + abbreviate(s) + "'";
        }
        if (raw instanceof Map<?, ?>) {
            return "an object";
        }
        if (raw instanceof List<?>) {
            return "an array";
        }
        return abbreviate(String.valueOf(raw)).toLowerCase(Locale.ROOT).equals("true") ? "true" : abbreviate(String.valueOf(raw));
    }

    /** Echoes bad input back without echoing a megabyte of it. */
    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
