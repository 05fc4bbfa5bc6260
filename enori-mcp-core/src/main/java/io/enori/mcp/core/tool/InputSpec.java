package io.enori.mcp.core.tool;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One declaration per tool that yields both the input JSON schema and the parser that binds raw arguments to
 * the tool's input record. The two cannot drift: {@link Builder#build()} fails fast when the record's
 * components and the declared fields differ.
 *
 * <p>Parsing rejects unknown fields by name, checks types and ranges, accepts numeric strings for numbers,
 * matches enums case-insensitively, fills declared defaults and only then binds the record.
 */
public final class InputSpec<I extends Record> {

    /** Ids are short prefixed tokens; anything else is rejected before it reaches storage. */
    private static final int MAX_ID_LENGTH = 64;

    private record Field(String name, String description, boolean required, FieldType type, Object defaultValue) {
    }

    private final Class<I> type;
    private final Map<String, Field> fields;
    private final Map<String, Object> schema;

    private InputSpec(Class<I> type, Map<String, Field> fields) {
        this.type = type;
        this.fields = fields;
        this.schema = buildSchema(fields);
    }

    public static <I extends Record> Builder<I> of(Class<I> type) {
        return new Builder<>(type);
    }

    /** The JSON schema of the arguments, as sent in {@code tools/list}. */
    public Map<String, Object> schema() {
        return schema;
    }

    /**
     * Checks and binds raw arguments.
     *
     * @throws InvalidArgument for the first problem found, naming the field and what is allowed
     */
    public I parse(Map<String, Object> arguments) {
        Map<String, Object> raw = arguments == null ? Map.of() : arguments;
        Set<String> unknown = new TreeSet<>(raw.keySet());
        unknown.removeAll(fields.keySet());
        if (!unknown.isEmpty()) {
            String allowed = fields.isEmpty() ? "none" : String.join(", ", fields.keySet());
            throw new InvalidArgument(String.join(", ", unknown),
                    (unknown.size() == 1 ? "is not a known field" : "are not known fields") + "; allowed: " + allowed);
        }
        Map<String, Object> bound = new LinkedHashMap<>();
        for (Field field : fields.values()) {
            Object value = raw.get(field.name());
            if (value == null) {
                if (field.required()) {
                    throw new InvalidArgument(field.name(), "is required");
                }
                bound.put(field.name(), field.defaultValue());
            } else {
                bound.put(field.name(), field.type().coerce(field.name(), value));
            }
        }
        return Json.mapper().convertValue(bound, type);
    }

    private static Map<String, Object> buildSchema(Map<String, Field> fields) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Field field : fields.values()) {
            Map<String, Object> property = new LinkedHashMap<>(field.type().schema());
            property.put("description", field.description());
            if (field.defaultValue() != null) {
                property.put("default", field.defaultValue());
            }
            properties.put(field.name(), property);
            if (field.required()) {
                required.add(field.name());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /** Declares fields in the order clients will see them. */
    public static final class Builder<I extends Record> {
        private final Class<I> type;
        private final Map<String, Field> fields = new LinkedHashMap<>();

        private Builder(Class<I> type) {
            this.type = Objects.requireNonNull(type);
        }

        private Builder<I> add(String name, String description, boolean required, FieldType fieldType, Object dflt) {
            if (fields.put(name, new Field(name, description, required, fieldType, dflt)) != null) {
                throw new IllegalStateException(type.getSimpleName() + ": field declared twice: " + name);
            }
            return this;
        }

        public Builder<I> requiredText(String name, int maxLength, String description) {
            return add(name, description, true, new FieldType.Text(maxLength, null, null), null);
        }

        public Builder<I> text(String name, int maxLength, String description) {
            return add(name, description, false, new FieldType.Text(maxLength, null, null), null);
        }

        public Builder<I> requiredText(String name, int maxLength, Pattern pattern, String patternHint,
                                       String description) {
            return add(name, description, true, new FieldType.Text(maxLength, pattern, patternHint), null);
        }

        public Builder<I> text(String name, int maxLength, Pattern pattern, String patternHint, String description) {
            return add(name, description, false, new FieldType.Text(maxLength, pattern, patternHint), null);
        }

        /** A required id such as {@code monitorId} with its prefix ({@code mon_}). */
        public Builder<I> requiredId(String name, String prefix, String description) {
            return add(name, description, true, idType(prefix), null);
        }

        /** An optional id, e.g. a {@code monitorId} filter. */
        public Builder<I> id(String name, String prefix, String description) {
            return add(name, description, false, idType(prefix), null);
        }

        public Builder<I> integer(String name, long min, long max, Integer dflt, String description) {
            return add(name, description, false, new FieldType.Integer32(min, max), dflt);
        }

        public Builder<I> requiredInteger(String name, long min, long max, String description) {
            return add(name, description, true, new FieldType.Integer32(min, max), null);
        }

        /** An integer from a closed set, e.g. window lengths in days. */
        public Builder<I> integerOneOf(String name, List<Integer> values, String description) {
            return add(name, description, false, new FieldType.IntegerOneOf(List.copyOf(values)), null);
        }

        /** A required exact decimal in {@code [min, max]} with at most {@code maxScale} decimals. */
        public Builder<I> requiredDecimal(String name, java.math.BigDecimal min, java.math.BigDecimal max, int maxScale,
                                          String description) {
            return add(name, description, true, new FieldType.Decimal(min, max, maxScale), null);
        }

        public Builder<I> bool(String name, Boolean dflt, String description) {
            return add(name, description, false, new FieldType.Bool(), dflt);
        }

        public Builder<I> oneOf(String name, List<String> values, String dflt, String description) {
            return add(name, description, false, new FieldType.OneOf(values), dflt);
        }

        public Builder<I> requiredOneOf(String name, List<String> values, String description) {
            return add(name, description, true, new FieldType.OneOf(values), null);
        }

        public Builder<I> idList(String name, String prefix, int maxItems, String description) {
            return add(name, description, false, new FieldType.ListOf(idType(prefix), maxItems), null);
        }

        public Builder<I> integerList(String name, long min, long max, int maxItems, String description) {
            return add(name, description, false, new FieldType.ListOf(new FieldType.Integer32(min, max), maxItems), null);
        }

        /**
         * An array of objects (or other JSON) passed through as lists and maps; the tool validates the items and
         * names them ({@code steps[2].selector}) in its own messages.
         */
        public Builder<I> array(String name, boolean required, Map<String, Object> schema, String description) {
            return add(name, description, required, new FieldType.Structured(schema, true), null);
        }

        /** {@code limit} (1–200, default 50) and the opaque {@code cursor} of list tools. */
        public Builder<I> paging() {
            integer("limit", 1, Paging.MAX_LIMIT, Paging.DEFAULT_LIMIT, "Page size.");
            return text("cursor", 512, "nextCursor of the previous page.");
        }

        /** {@code since}/{@code until}/{@code tz}, resolved by {@link TimeRange}. */
        public Builder<I> timeRange() {
            text("since", 40, "Range start, ISO-8601. Default until-24h.");
            text("until", 40, "Range end, ISO-8601. Default: now.");
            return text("tz", 64, "IANA time zone; default UTC.");
        }

        public InputSpec<I> build() {
            List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toList());
            if (!new TreeSet<>(components).equals(new TreeSet<>(fields.keySet()))) {
                throw new IllegalStateException(type.getName() + " and its input schema disagree: record has "
                        + components + ", schema declares " + fields.keySet());
            }
            return new InputSpec<>(type, orderedCopy());
        }

        private Map<String, Field> orderedCopy() {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** Prefixes are lower-case words and an underscore; the pattern must read the same in JavaScript. */
        private static FieldType idType(String prefix) {
            if (!prefix.matches("[a-z]+_")) {
                throw new IllegalArgumentException("id prefixes look like mon_: " + prefix);
            }
            return new FieldType.Text(MAX_ID_LENGTH, Pattern.compile("^" + prefix + "[A-Za-z0-9]{1,60}$"),
                    "an id starting with " + prefix);
        }
    }
}
