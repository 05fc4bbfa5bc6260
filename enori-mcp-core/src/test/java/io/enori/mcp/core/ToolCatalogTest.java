package io.enori.mcp.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.ToolDescriptor;
import io.enori.mcp.core.store.JdbiStorage;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ToolCatalogTest {
    /** SPEC §12: the whole tools/list within a token budget (JSON length / 4), about 450 tokens a tool. */
    static final int TOKEN_BUDGET_PER_TOOL = 450;

    static EnoriMcp newCore() {
        return EnoriMcp.builder().storage(JdbiStorage.create("jdbc:h2:mem:cat" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")).build();
    }

    private final EnoriMcp enori = newCore();

    @Test
    void offersEveryToolInCatalogOrder() {
        assertThat(enori.toolDescriptors()).extracting(ToolDescriptor::name).containsExactly(
                "list_monitors", "get_monitor", "get_monitor_stats", "get_check_results", "get_health_summary",
                "create_monitor", "update_monitor", "check_now", "pause_monitor", "resume_monitor",
                "snooze_monitor", "unsnooze_monitor", "get_snooze_status", "share_monitor",
                "list_incidents", "get_incident", "get_active_incidents", "get_incident_stats",
                "acknowledge_incident", "resolve_incident", "add_incident_update", "register_live_activity_token",
                "list_alerts", "list_alert_channels",
                "list_maintenance_windows", "create_maintenance_window", "start_maintenance_now",
                "list_status_pages", "get_status_page", "get_overview",
                "list_slos", "get_slo_status", "get_slo_compliance", "get_slo_breaches", "create_slo", "update_slo",
                "delete_slo",
                "get_monitor_pings", "get_monitor_custom_metrics", "get_monitor_run_series",
                "get_monitor_traces", "get_trace_detail",
                "get_browser_monitors", "get_browser_monitor_status", "get_browser_check_details",
                "create_browser_monitor", "update_browser_steps", "generate_browser_steps", "delete_browser_monitor");
    }

    /** SPEC §6: 45 tools from the seed plus the 4 its scope table implies, each in one of the tool groups of §12. */
    @Test
    void theWholeSpecCatalogIsFortyNineToolsInTheNineGroups() {
        assertThat(enori.toolDescriptors()).hasSize(49);
        assertThat(enori.toolDescriptors()).extracting(ToolDescriptor::name).doesNotHaveDuplicates();
        assertThat(enori.toolDescriptors()).extracting(ToolDescriptor::group).allMatch(Toolsets.GROUPS::contains)
                .containsAll(Toolsets.GROUPS);
    }

    @Test
    void readToolsAreReadOnlyAndNeedAReadScopeWritesNeedAWriteScope() {
        for (ToolDescriptor d : enori.toolDescriptors()) {
            boolean readScope = d.requiredScope().wireName().endsWith(":read");
            assertThat(d.annotations().readOnly()).as(d.name()).isEqualTo(readScope);
            // Only deletes are destructive.
            assertThat(d.annotations().destructive()).as(d.name()).isEqualTo(d.name().startsWith("delete_"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyInputFieldIsDescribedAndUnknownFieldsAreClosedOff() {
        for (ToolDescriptor d : enori.toolDescriptors()) {
            assertThat(d.inputSchema()).as(d.name()).containsEntry("type", "object").containsEntry("additionalProperties", false);
            Map<String, Map<String, Object>> props = (Map<String, Map<String, Object>>) d.inputSchema().get("properties");
            assertThat(props.values()).as(d.name()).allSatisfy(p -> assertThat(p).containsKey("description").containsKey("type"));
            assertThat(d.outputSchema()).as(d.name()).containsEntry("type", "object");
            assertThat(d.description()).as(d.name()).hasSizeBetween(40, 400);
        }
    }

    @Test
    void toolListStaysWithinItsTokenBudget() throws Exception {
        List<McpSchema.Tool> wire = enori.toolSpecifications(CallerResolver.fromContext()).stream()
                .map(spec -> spec.tool()).collect(Collectors.toList());
        String json = McpJsonDefaults.getMapper().writeValueAsString(new McpSchema.ListToolsResult(wire, null));
        int estimatedTokens = json.length() / 4;
        int budget = TOKEN_BUDGET_PER_TOOL * wire.size();
        assertThat(estimatedTokens).as("tools/list is ~%d tokens for %d tools; budget %d", estimatedTokens, wire.size(), budget)
                .isLessThanOrEqualTo(budget);
    }
}
