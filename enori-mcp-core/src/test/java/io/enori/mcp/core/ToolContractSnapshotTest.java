package io.enori.mcp.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Published tools never break. The snapshot is checked in; regenerate it deliberately after an additive change
 * with {@code mvn test -pl enori-mcp-core -am -Dtest=ToolContractSnapshotTest -Denori.updateToolSnapshot=true}.
 */
class ToolContractSnapshotTest {
    private static final Path SNAPSHOT = Path.of("src/test/resources/tools-snapshot.json");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static List<Map<String, Object>> currentToolList() {
        List<McpSchema.Tool> tools = ToolCatalogTest.newCore().toolSpecifications(CallerResolver.fromContext()).stream()
                .map(s -> s.tool()).collect(Collectors.toList());
        List<Map<String, Object>> list = new ArrayList<>();
        for (McpSchema.Tool tool : tools) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", tool.name());
            entry.put("inputSchema", tool.inputSchema());
            entry.put("outputSchema", tool.outputSchema());
            entry.put("annotations", MAPPER.convertValue(tool.annotations(), Map.class));
            list.add(MAPPER.convertValue(entry, new TypeReference<Map<String, Object>>() { }));
        }
        return list;
    }

    @Test
    void currentToolsAreAnAdditiveChangeOfThePublishedSnapshot() throws Exception {
        List<Map<String, Object>> current = currentToolList();
        if (Boolean.getBoolean("enori.updateToolSnapshot")) {
            MAPPER.writeValue(SNAPSHOT.toFile(), current);
        }
        List<Map<String, Object>> published = MAPPER.readValue(Files.readString(SNAPSHOT), new TypeReference<>() { });
        assertThat(ToolContract.breaks(published, current)).as("breaking changes to published tools").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void detectsRemovalsNewRequiredFieldsAndNarrowedEnums() throws Exception {
        List<Map<String, Object>> published = currentToolList();
        List<Map<String, Object>> changed = MAPPER.readValue(MAPPER.writeValueAsString(published), new TypeReference<>() { });
        changed.removeIf(t -> t.get("name").equals("share_monitor"));
        Map<String, Object> list = changed.stream().filter(t -> t.get("name").equals("list_monitors")).findFirst().orElseThrow();
        Map<String, Object> input = (Map<String, Object>) list.get("inputSchema");
        Map<String, Map<String, Object>> props = (Map<String, Map<String, Object>>) input.get("properties");
        props.get("status").put("enum", List.of("up", "down"));
        props.remove("name");
        input.put("required", List.of("type"));
        Map<String, Object> create = changed.stream().filter(t -> t.get("name").equals("create_monitor")).findFirst().orElseThrow();
        ((Map<String, Map<String, Object>>) ((Map<String, Object>) create.get("inputSchema")).get("properties"))
                .get("intervalSeconds").put("maximum", 3600);

        assertThat(ToolContract.breaks(published, changed)).containsExactlyInAnyOrder(
                "tool share_monitor was removed or renamed",
                "list_monitors input field status enum narrowed: lost [paused, pending]",
                "list_monitors input field name was removed",
                "list_monitors input field type became required",
                "create_monitor input field intervalSeconds maximum narrowed from 86400 to 3600");
    }

    @Test
    void addingAToolOrAnOptionalFieldIsNotABreak() throws Exception {
        List<Map<String, Object>> published = currentToolList();
        List<Map<String, Object>> grown = currentToolList();
        grown.add(Map.of("name", "brand_new_tool", "inputSchema", Map.of("type", "object")));
        published.remove(published.size() - 1);
        assertThat(ToolContract.breaks(published, grown)).isEmpty();
    }
}
