package io.enori.mcp.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputSchemasTest {
    record Inner(String a, int b) {
    }

    record Outer(String id, long total, Double percent, boolean flag, Instant at, List<Inner> items, Inner one) {
    }

    @Test
    @SuppressWarnings("unchecked")
    void derivesTypesNullabilityAndNestingFromTheRecord() {
        Map<String, Object> schema = OutputSchemas.of(Outer.class);
        Map<String, Object> props = (Map<String, Object>) schema.get("properties");
        assertThat(schema.get("required")).isEqualTo(List.of("id", "total", "percent", "flag", "at", "items", "one"));
        assertThat(props.get("id")).isEqualTo(Map.of("type", List.of("string", "null")));
        assertThat(props.get("total")).isEqualTo(Map.of("type", "integer"));
        assertThat(props.get("percent")).isEqualTo(Map.of("type", List.of("number", "null")));
        assertThat(props.get("flag")).isEqualTo(Map.of("type", "boolean"));
        Map<String, Object> items = (Map<String, Object>) props.get("items");
        assertThat(items.get("type")).isEqualTo(List.of("array", "null"));
        assertThat(((Map<String, Object>) items.get("items")).get("required")).isEqualTo(List.of("a", "b"));
    }
}
