package io.enori.mcp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HostBackendExampleTest {

    @Test
    void onceCreatesAMonitorOnTheHostsOwnEndpointWhoseFirstCheckIsUp() throws Exception {
        HostBackendExample.Summary summary = HostBackendExample.runOnce();

        assertThat(summary.monitorId()).startsWith("mon_");
        assertThat(summary.healthUrl()).matches("http://127\\.0\\.0\\.1:\\d+/api/health");
        assertThat(summary.firstCheck()).isEqualTo("up");
    }

    @Test
    void hostHealthEndpointAnswersWithTheHealthSummaryToolsJson() throws Exception {
        HostBackendExample.Summary summary = HostBackendExample.runOnce();

        JsonNode health = new ObjectMapper().readTree(summary.healthJson());
        assertThat(health.path("totals").path("up").asInt()).isEqualTo(1);
        assertThat(health.path("monitors")).hasSize(1);
        JsonNode monitor = health.path("monitors").get(0);
        assertThat(monitor.path("monitorId").asText()).isEqualTo(summary.monitorId());
        assertThat(monitor.path("name").asText()).isEqualTo("Host health");
        assertThat(monitor.path("status").asText()).isEqualTo("up");
        assertThat(monitor.path("totalChecks").asLong()).isEqualTo(1);
    }

    @Test
    void onceFlagPrintsTheSummaryAndReturns() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        HostBackendExample.run(new String[] {"--once"}, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .contains("/api/health")
                .containsPattern("Demo monitor mon_\\S+: first check up");
    }
}
