package io.enori.mcp.core.slo;

import static io.enori.mcp.core.slo.SloHarness.monthly;
import static io.enori.mcp.core.slo.SloHarness.with;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.ToolError;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scopes (monitors:read for reads, monitors:write for writes) and account and monitor isolation of every SLO tool. */
class SloAccessTest {
    private SloHarness h;
    private String monitorId;
    private String otherMonitorId;
    private String sloId;

    @BeforeEach
    void setUp() {
        h = new SloHarness();
        monitorId = h.website(h.writer, "Shop");
        otherMonitorId = h.website(h.writer, "Blog");
        sloId = h.createSlo(monthly(monitorId));
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    /** Valid arguments for each tool against {@code monitor} and {@code slo}. */
    private static Map<String, Object> argsFor(String tool, String monitor, String slo) {
        return switch (tool) {
            case "list_slos" -> args("monitorId", monitor);
            case "create_slo" -> monthly(monitor);
            case "update_slo" -> with(monthly(monitor), "sloId", slo);
            default -> args("monitorId", monitor, "sloId", slo);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"list_slos", "get_slo_status", "get_slo_compliance", "get_slo_breaches"})
    void readsNeedMonitorsRead(String tool) {
        ToolError error = h.error(tool, h.writeOnly, argsFor(tool, monitorId, sloId));
        assertThat(error.message()).isEqualTo("Insufficient scope");
        assertThat(error.details()).containsEntry("requiredScope", "monitors:read");
        h.ok(tool, h.reader, argsFor(tool, monitorId, sloId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"create_slo", "update_slo", "delete_slo"})
    void writesNeedMonitorsWriteAndChangeNothingWithoutIt(String tool) {
        ToolError error = h.error(tool, h.reader, argsFor(tool, monitorId, sloId));
        assertThat(error.message()).isEqualTo("Insufficient scope");
        assertThat(error.details()).containsEntry("requiredScope", "monitors:write");
        assertThat(h.enori.storage().slos().listForMonitor(h.writer.accountId(), monitorId)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"list_slos", "get_slo_status", "get_slo_compliance", "get_slo_breaches", "create_slo",
            "update_slo", "delete_slo"})
    void anotherAccountsMonitorIsMonitorNotFound(String tool) {
        ToolError error = h.error(tool, h.outsider, argsFor(tool, monitorId, sloId));
        assertThat(error.message()).isEqualTo("Monitor not found");
        assertThat(error.details()).containsEntry("monitorId", monitorId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"get_slo_status", "get_slo_compliance", "get_slo_breaches", "update_slo", "delete_slo"})
    void anotherAccountsSloOnOwnMonitorIsSloNotFound(String tool) {
        String theirMonitor = h.website(h.outsider, "Theirs");
        ToolError error = h.error(tool, h.outsider, argsFor(tool, theirMonitor, sloId));
        assertThat(error.message()).isEqualTo("SLO not found");
        assertThat(error.details()).containsEntry("sloId", sloId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"get_slo_status", "get_slo_compliance", "get_slo_breaches", "update_slo", "delete_slo"})
    void anSloOfAnotherMonitorIsSloNotFound(String tool) {
        ToolError error = h.error(tool, h.writer, argsFor(tool, otherMonitorId, sloId));
        assertThat(error.message()).isEqualTo("SLO not found");
        assertThat(error.details()).containsEntry("sloId", sloId).containsEntry("monitorId", otherMonitorId);
        assertThat(h.enori.storage().slos().find(h.writer.accountId(), sloId)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"get_slo_status", "get_slo_compliance", "get_slo_breaches", "update_slo", "delete_slo"})
    void anUnknownSloIsSloNotFound(String tool) {
        assertThat(h.error(tool, h.writer, argsFor(tool, monitorId, "slo_NOPE0000")).message())
                .isEqualTo("SLO not found");
    }

    @Test
    void malformedIdsNameTheField() {
        assertThat(h.error("get_slo_status", h.reader, args("monitorId", monitorId, "sloId", "mon_X1")).message())
                .isEqualTo("Invalid argument: sloId must be an id starting with slo_ (got 'mon_X1')");
    }
}
