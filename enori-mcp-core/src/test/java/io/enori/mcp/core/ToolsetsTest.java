package io.enori.mcp.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolDescriptor;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.store.TestStorage;
import io.enori.mcp.core.testing.ToolCalls;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A deployment narrows the catalog to tool groups and to read tools (SPEC §12). */
class ToolsetsTest {

    @Test
    void parsesGroupsAndReadOnlyCaseInsensitively() {
        assertThat(Toolsets.parse(" Monitors, SLOS ,read-only")).isEqualTo(new Toolsets(Set.of("monitors", "slos"), true));
        assertThat(Toolsets.parse("readonly")).isEqualTo(new Toolsets(Set.of(), true));
        assertThat(Toolsets.parse(null)).isEqualTo(Toolsets.ALL);
        assertThat(Toolsets.parse("  ")).isEqualTo(Toolsets.ALL);
        assertThat(Toolsets.parse("all")).isEqualTo(Toolsets.ALL);
    }

    @Test
    void anUnknownGroupIsRejectedNamingTheKnownOnes() {
        assertThatThrownBy(() -> Toolsets.parse("monitors,billing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'billing'")
                .hasMessageContaining("monitors, incidents, alerts, status, maintenance, browser, traces, jobs, slos");
    }

    @Test
    void theCoreOffersOnlyTheChosenGroupsAndTreatsOthersAsUnknown() {
        try (EnoriMcp enori = core(Toolsets.parse("incidents,slos"))) {
            List<ToolDescriptor> offered = enori.toolDescriptors();
            assertThat(offered).isNotEmpty();
            assertThat(offered).extracting(ToolDescriptor::group).containsOnly("incidents", "slos");
            try (EnoriMcp full = core(Toolsets.ALL)) {
                assertThat(offered).hasSameSizeAs(full.toolDescriptors().stream()
                        .filter(t -> Set.of("incidents", "slos").contains(t.group())).collect(Collectors.toList()));
            }
            Caller caller = ToolCalls.newKey(enori, "acme", EnumSet.allOf(Scope.class), "ops");
            ToolOutcome outcome = enori.call("list_monitors", caller, Map.of());
            assertThat(outcome).isInstanceOf(ToolOutcome.Failed.class);
            assertThat(((ToolOutcome.Failed) outcome).error().message()).isEqualTo("Unknown tool: list_monitors");
        }
    }

    @Test
    void readOnlyKeepsOnlyReadTools() {
        try (EnoriMcp enori = core(Toolsets.parse("read-only")); EnoriMcp full = core(Toolsets.ALL)) {
            assertThat(enori.toolDescriptors()).allMatch(t -> t.annotations().readOnly());
            assertThat(enori.toolDescriptors()).extracting(ToolDescriptor::name).contains("list_monitors", "get_overview")
                    .doesNotContain("create_monitor", "check_now", "delete_slo");
            assertThat(enori.toolDescriptors()).hasSize((int) full.toolDescriptors().stream()
                    .filter(t -> t.annotations().readOnly()).count());
        }
    }

    private static EnoriMcp core(Toolsets toolsets) {
        return EnoriMcp.builder().jdbcUrl(TestStorage.freshH2Url()).toolsets(toolsets).build();
    }
}
