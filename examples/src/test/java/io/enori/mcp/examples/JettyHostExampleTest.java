package io.enori.mcp.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code --once} path, run in-process: what the host saw when it called itself over HTTP. */
class JettyHostExampleTest {
    private static SelfCheck check;

    @BeforeAll
    static void runOnce() throws Exception {
        check = JettyHostExample.runOnce(0);
    }

    @Test
    void hostsOwnHealthEndpointAnswers200WithTheMonitorCountAndNeedsNoKey() throws Exception {
        assertThat(check.healthStatus()).isEqualTo(200);
        JsonNode health = new ObjectMapper().readTree(check.healthJson());
        assertThat(health.path("status").asText()).isEqualTo("ok");
        assertThat(health.path("monitors").asInt()).isEqualTo(1);
    }

    @Test
    void mcpInitializeOverHttpReturnsASessionId() {
        assertThat(check.mcpSessionId()).isNotBlank();
    }

    @Test
    void listMonitorsOverHttpReturnsTheDemoMonitorOnTheHostsHealthEndpoint() {
        JsonNode monitors = check.listMonitors().path("monitors");
        assertThat(monitors).hasSize(1);
        JsonNode monitor = monitors.get(0);
        assertThat(monitor.path("id").asText()).isEqualTo(check.monitorId()).startsWith("mon_");
        assertThat(monitor.path("name").asText()).isEqualTo("Host health");
        assertThat(monitor.path("address").asText()).isEqualTo(check.baseUrl() + "/health");
        assertThat(monitor.path("status").asText()).as("first check, made at start").isEqualTo("up");
    }

    @Test
    void mcpWithoutApiKeyGets401WhileTheHostsHealthNeedsNone() {
        assertThat(check.mcpStatusWithoutKey()).isEqualTo(401);
        assertThat(check.healthStatus()).isEqualTo(200);
        assertThat(check.passed()).isTrue();
    }

    @Test
    void onceStopsTheHostAfterwards() {
        HttpRequest health = HttpRequest.newBuilder(URI.create(check.baseUrl() + "/health")).build();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(health, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }
}
