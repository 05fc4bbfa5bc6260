package io.enori.mcp.core.tool;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Output JSON schemas derived from the result records themselves, so the schema a client validates against is
 * always the shape we send. Primitives are required and non-null; every reference-typed field is required but
 * may be {@code null} (a model sees the key and learns the value is unknown).
 */
public final class OutputSchemas {
    private OutputSchemas() {
    }

    public static Map<String, Object> of(Class<? extends Record> type) {
        return object(type, false);
    }

    private static Map<String, Object> object(Class<?> type, boolean nullable) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            properties.put(component.getName(), forType(component.getGenericType()));
            required.add(component.getName());
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", nullable ? List.of("object", "null") : "object");
        schema.put("properties", properties);
        schema.put("required", required);
        return schema;
    }

    private static Map<String, Object> forType(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                return Map.of("type", List.of("array", "null"), "items", forType(parameterized.getActualTypeArguments()[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("type", List.of("object", "null"));
            }
            throw new IllegalArgumentException("unsupported output type " + type);
        }
        Class<?> cls = (Class<?>) type;
        if (cls == int.class || cls == long.class) {
            return Map.of("type", "integer");
        }
        if (cls == double.class) {
            return Map.of("type", "number");
        }
        if (cls == boolean.class) {
            return Map.of("type", "boolean");
        }
        if (cls == Integer.class || cls == Long.class) {
            return Map.of("type", List.of("integer", "null"));
        }
        if (cls == Double.class || cls == java.math.BigDecimal.class) {
            return Map.of("type", List.of("number", "null"));
        }
        if (cls == Boolean.class) {
            return Map.of("type", List.of("boolean", "null"));
        }
        if (cls == String.class || cls == Instant.class || cls == OffsetDateTime.class || cls.isEnum()) {
            return Map.of("type", List.of("string", "null"));
        }
        if (cls.isRecord()) {
            return object(cls, true);
        }
        throw new IllegalArgumentException("unsupported output type " + cls.getName());
    }
}
