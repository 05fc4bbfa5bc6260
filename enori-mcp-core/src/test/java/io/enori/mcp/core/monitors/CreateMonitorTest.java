package io.enori.mcp.core.monitors;

import io.enori.mcp.core.testing.ToolCalls;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.testing.ToolCalls.longOf;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static io.enori.mcp.core.monitors.ToolHarness.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.ToolError;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreateMonitorTest {
    private static final Map<String, Object> WEBSITE = args("type", "website", "name", "Shop",
            "url", "https://shop.example.com/health");

    private ToolHarness h;

    @BeforeEach
    void setUp() {
        h = ToolHarness.create();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void createsPendingWebsiteMonitorWithDefaults() {
        Map<String, Object> out = h.ok("create_monitor", h.writer, WEBSITE);
        Map<String, Object> m = map(out.get("monitor"));

        assertThat((String) m.get("id")).matches("mon_[A-Za-z0-9]{22}");
        assertThat(m).containsEntry("name", "Shop")
                .containsEntry("type", "website")
                .containsEntry("status", "pending")
                .containsEntry("paused", false)
                .containsEntry("url", "https://shop.example.com/health")
                .containsEntry("address", "https://shop.example.com/health")
                .containsEntry("keyword", null)
                .containsEntry("expectedStatusCodes", List.of())
                .containsEntry("host", null)
                .containsEntry("port", null)
                .containsEntry("channelIds", List.of())
                .containsEntry("lastCheckedAt", null)
                .containsEntry("lastSuccessAt", null)
                .containsEntry("ssl", null)
                .containsEntry("createdAt", "2025-11-10T12:00:00Z")
                .containsEntry("updatedAt", "2025-11-10T12:00:00Z");
        assertThat(longOf(m, "intervalSeconds")).isEqualTo(300);
        assertThat(longOf(m, "timeoutMs")).isEqualTo(10_000);
        assertThat(longOf(m, "alertAfterFailures")).isEqualTo(2);
        assertThat(longOf(m, "consecutiveFailures")).isZero();
        assertThat((String) out.get("next")).contains("check_now");
        assertThat(h.monitorCount(h.writer)).isEqualTo(1);
    }

    @Test
    void getMonitorReturnsExactlyWhatCreateReturned() {
        Map<String, Object> created = h.create(WEBSITE);
        assertThat(h.monitor((String) created.get("id"))).isEqualTo(created);
    }

    @Test
    void storesEverySettingGiven() {
        String slack = h.enori.alertChannels().create(h.writer.accountId(), AlertChannel.Type.SLACK, "#ops",
                "https://hooks.slack.com/services/T0/B0/x", null).id();
        String mail = h.enori.alertChannels().create(h.writer.accountId(), AlertChannel.Type.EMAIL, "On call",
                "oncall@example.com", null).id();
        Map<String, Object> m = h.create(args("type", "website", "name", "API", "url", "http://api.example.com/",
                "keyword", "ok", "expectedStatusCodes", List.of(200, "204"), "intervalSeconds", 60,
                "timeoutMs", 5000, "alertAfterFailures", 3, "channelIds", List.of(slack, mail)));

        assertThat(m).containsEntry("keyword", "ok")
                .containsEntry("expectedStatusCodes", List.of(200, 204))
                .containsEntry("channelIds", List.of(slack, mail));
        assertThat(longOf(m, "intervalSeconds")).isEqualTo(60);
        assertThat(longOf(m, "timeoutMs")).isEqualTo(5000);
        assertThat(longOf(m, "alertAfterFailures")).isEqualTo(3);
        assertThat(h.monitor((String) m.get("id"))).isEqualTo(m);
    }

    @Test
    void createsEachTypeWithItsOwnSettings() {
        Map<String, Object> ping = h.create(args("type", "ping", "name", "Gateway", "host", "10.0.0.1"));
        assertThat(ping).containsEntry("type", "ping").containsEntry("host", "10.0.0.1").containsEntry("url", null);

        Map<String, Object> port = h.create(args("type", "port", "name", "DB", "host", "db.internal", "port", 5432));
        assertThat(port).containsEntry("type", "port").containsEntry("host", "db.internal")
                .containsEntry("address", "db.internal:5432");
        assertThat(longOf(port, "port")).isEqualTo(5432);

        Map<String, Object> dns = h.create(args("type", "dns", "name", "MX", "host", "example.com",
                "recordType", "mx", "expectedValue", "mail.example.com"));
        assertThat(dns).containsEntry("type", "dns").containsEntry("recordType", "MX")
                .containsEntry("expectedValue", "mail.example.com");

        Map<String, Object> domain = h.create(args("type", "domain", "name", "Reg", "host", "example.com"));
        assertThat(domain).containsEntry("type", "domain").containsEntry("host", "example.com");

        Map<String, Object> job = h.create(args("type", "job", "name", "Nightly"));
        assertThat(job).containsEntry("type", "job").containsEntry("address", "heartbeat");
        assertThat(longOf(job, "graceSeconds")).as("default grace").isEqualTo(60);

        assertThat(h.monitorCount(h.writer)).isEqualTo(5);
    }

    @Test
    void domainAndJobMonitorsPointToTheSchedulerOrTheHeartbeatUrlInsteadOfCheckNow() {
        Map<String, Object> out = h.ok("create_monitor", h.writer, args("type", "job", "name", "Backup",
                "graceSeconds", 120));
        assertThat((String) out.get("next")).contains("heartbeatUrl").doesNotContain("check_now");
        assertThat((String) h.ok("create_monitor", h.writer, args("type", "domain", "name", "Reg", "host",
                "example.com")).get("next")).contains("scheduler").doesNotContain("check_now");
        assertThat(longOf(map(out.get("monitor")), "graceSeconds")).isEqualTo(120);
    }

    @ParameterizedTest
    @ValueSource(strings = {"WEBSITE", "Website", "website", " website "})
    void typeIsCaseInsensitive(String type) {
        Map<String, Object> m = h.create(with(WEBSITE, "type", type));
        assertThat(m).containsEntry("type", "website");
    }

    @Test
    void pingTypeAcceptsMixedCase() {
        assertThat(h.create(args("type", "Ping", "name", "P", "host", "example.org"))).containsEntry("type", "ping");
    }

    @Test
    void acceptsNumericStringsForNumbers() {
        Map<String, Object> m = h.create(with(WEBSITE, "intervalSeconds", "60", "timeoutMs", "2500",
                "alertAfterFailures", "4"));
        assertThat(longOf(m, "intervalSeconds")).isEqualTo(60);
        assertThat(longOf(m, "timeoutMs")).isEqualTo(2500);
        assertThat(longOf(m, "alertAfterFailures")).isEqualTo(4);
    }

    @Test
    void acceptsIntervalBoundaries() {
        assertThat(longOf(h.create(with(WEBSITE, "intervalSeconds", 30)), "intervalSeconds")).isEqualTo(30);
        assertThat(longOf(h.create(with(WEBSITE, "intervalSeconds", 86_400)), "intervalSeconds")).isEqualTo(86_400);
    }

    static Stream<Arguments> rejectedInputs() {
        String huge = "x".repeat(100_000);
        return Stream.of(
                Arguments.of("missing type", args("name", "N", "url", "https://a.example"), "type", "is required"),
                Arguments.of("missing name", args("type", "website", "url", "https://a.example"), "name", "is required"),
                Arguments.of("blank name", with(WEBSITE, "name", "   "), "name", "must not be empty"),
                Arguments.of("missing url", args("type", "website", "name", "N"), "url",
                        "is required for website monitors"),
                Arguments.of("unknown field", with(WEBSITE, "colour", "red"), "colour", "is not a known field"),
                Arguments.of("string interval", with(WEBSITE, "intervalSeconds", "often"), "intervalSeconds",
                        "must be an integer"),
                Arguments.of("boolean interval", with(WEBSITE, "intervalSeconds", true), "intervalSeconds",
                        "must be an integer"),
                Arguments.of("fractional interval", with(WEBSITE, "intervalSeconds", 60.5), "intervalSeconds",
                        "must be a whole number"),
                Arguments.of("numeric name", with(WEBSITE, "name", 42), "name", "must be a string"),
                Arguments.of("interval -5", with(WEBSITE, "intervalSeconds", -5), "intervalSeconds",
                        "must be between 30 and 86400"),
                Arguments.of("interval 29", with(WEBSITE, "intervalSeconds", 29), "intervalSeconds",
                        "must be between 30 and 86400"),
                Arguments.of("interval 86401", with(WEBSITE, "intervalSeconds", 86_401), "intervalSeconds",
                        "must be between 30 and 86400"),
                Arguments.of("timeout 99", with(WEBSITE, "timeoutMs", 99), "timeoutMs", "must be between 100 and 60000"),
                Arguments.of("alertAfterFailures 0", with(WEBSITE, "alertAfterFailures", 0), "alertAfterFailures",
                        "must be between 1 and 20"),
                Arguments.of("huge name", with(WEBSITE, "name", huge), "name", "must be at most 200 characters"),
                Arguments.of("huge url", with(WEBSITE, "url", "https://a.example/" + huge), "url",
                        "must be at most 2048 characters"),
                Arguments.of("url not http", with(WEBSITE, "url", "ftp://files.example.com"), "url",
                        "must be an absolute http:// or https:// URL"),
                Arguments.of("url without scheme", with(WEBSITE, "url", "shop.example.com"), "url",
                        "must be an absolute http:// or https:// URL"),
                Arguments.of("website with host", with(WEBSITE, "host", "shop.example.com"), "host",
                        "does not apply to website monitors"),
                Arguments.of("ping with url", args("type", "ping", "name", "P", "host", "a.example",
                        "url", "https://a.example"), "url", "does not apply to ping monitors"),
                Arguments.of("port without port", args("type", "port", "name", "P", "host", "db.example"), "port",
                        "is required for port monitors"),
                Arguments.of("port out of range", args("type", "port", "name", "P", "host", "db.example",
                        "port", 70_000), "port", "must be between 1 and 65535"),
                Arguments.of("host with scheme", args("type", "ping", "name", "P", "host", "https://a.example/x"),
                        "host", "must be a host name or IP address"),
                Arguments.of("dns bad recordType", args("type", "dns", "name", "D", "host", "example.com",
                        "recordType", "SRV"), "recordType", "must be one of A, AAAA, CNAME, MX, TXT, NS"),
                Arguments.of("dns without recordType", args("type", "dns", "name", "D", "host", "example.com"),
                        "recordType", "is required for dns monitors"),
                Arguments.of("domain with IPv4", args("type", "domain", "name", "D", "host", "93.184.216.34"), "host",
                        "must be a registered domain name"),
                Arguments.of("domain with IPv6", args("type", "domain", "name", "D", "host", "2001:db8::1"), "host",
                        "must be a registered domain name"),
                Arguments.of("domain without dot", args("type", "domain", "name", "D", "host", "localhost"), "host",
                        "must be a registered domain name"),
                Arguments.of("expected status code 600", with(WEBSITE, "expectedStatusCodes", List.of(600)),
                        "expectedStatusCodes[0]", "must be between 100 and 599"),
                Arguments.of("channel id without prefix", with(WEBSITE, "channelIds", List.of("slack")),
                        "channelIds[0]", "must be an id starting with ch_"),
                Arguments.of("status codes not a list", with(WEBSITE, "expectedStatusCodes", "200"),
                        "expectedStatusCodes", "must be an array"),
                Arguments.of("too many channels", with(WEBSITE, "channelIds", java.util.Collections.nCopies(21, "ch_x")),
                        "channelIds", "must have at most 20 items"),
                Arguments.of("url with spaces", with(WEBSITE, "url", "https://exa mple.com/"), "url",
                        "is not a valid URL"),
                Arguments.of("negative grace", args("type", "job", "name", "J", "graceSeconds", -1), "graceSeconds",
                        "must be between 0 and 86400"),
                Arguments.of("job with host", args("type", "job", "name", "J", "host", "a.example"), "host",
                        "does not apply to job monitors"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedInputs")
    void rejectsBadInputNamingTheFieldAndLeavesNothingBehind(String caseName, Map<String, Object> input, String field,
                                                            String problem) {
        ToolError error = h.error("create_monitor", h.writer, input);

        assertThat(assertInvalid(error, field)).contains(problem);
        assertThat(h.monitorCount(h.writer)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {":", ":::", "[a:b", "1:2:3:4:5:6:7:8:9:10"})
    void rejectsHostsThatAreNeitherNamesNorAddresses(String host) {
        ToolError error = h.error("create_monitor", h.writer, args("type", "ping", "name", "P", "host", host));
        assertInvalid(error, "host");
        assertThat(h.monitorCount(h.writer)).isZero();
    }

    @Test
    void acceptsIpAddressesAsHosts() {
        assertThat(h.create(args("type", "ping", "name", "v4", "host", "192.0.2.10"))).containsEntry("host", "192.0.2.10");
        assertThat(h.create(args("type", "ping", "name", "v6", "host", "2001:db8::1"))).containsEntry("host", "2001:db8::1");
        assertThat(h.create(args("type", "port", "name", "v6 port", "host", "[::1]", "port", 22)))
                .containsEntry("host", "::1");
    }

    @Test
    void rejectsAUrlWithAnImpossiblePort() {
        ToolError error = h.error("create_monitor", h.writer, with(WEBSITE, "url", "http://example.com:99999/"));
        assertInvalid(error, "url");
        assertThat(h.monitorCount(h.writer)).isZero();
    }

    @Test
    void unknownTypeListsTheAllowedTypes() {
        ToolError error = h.error("create_monitor", h.writer, with(WEBSITE, "type", "http"));
        assertThat(assertInvalid(error, "type"))
                .contains("must be one of website, ping, port, dns, domain, job").contains("'http'");
        assertThat(h.monitorCount(h.writer)).isZero();
    }

    @Test
    void unknownFieldErrorListsTheAllowedFields() {
        ToolError error = h.error("create_monitor", h.writer, with(WEBSITE, "frequency", 60));
        assertThat(assertInvalid(error, "frequency")).contains("allowed:").contains("intervalSeconds");
    }

    @Test
    void rejectedCreateAmongValidOnesLeavesCountUnchanged() {
        h.create(WEBSITE);
        h.create(with(WEBSITE, "name", "Second"));
        h.error("create_monitor", h.writer, with(WEBSITE, "intervalSeconds", 29));
        h.error("create_monitor", h.writer, with(WEBSITE, "host", "x.example"));
        assertThat(h.monitorCount(h.writer)).isEqualTo(2);
        assertThat(ToolCalls.list(h.ok("list_monitors", h.writer, args()).get("monitors"))).hasSize(2);
    }

    @Test
    void planLimitStopsTheThirdMonitorOnATwoMonitorPlan() {
        try (ToolHarness tiny = ToolHarness.create(b -> b.defaultPlan(new Plan("tiny", 2, 1, 1, 0)))) {
            tiny.create(WEBSITE);
            tiny.create(with(WEBSITE, "name", "Two"));

            ToolError error = tiny.error("create_monitor", tiny.writer, with(WEBSITE, "name", "Three"));

            assertThat(error.message()).isEqualTo("Plan limit reached");
            assertThat(error.details()).containsEntry("cap", "monitors").containsEntry("limit", 2)
                    .containsEntry("plan", "tiny");
            assertThat(tiny.monitorCount(tiny.writer)).isEqualTo(2);
            // The cap is per account: the other account can still create its own.
            tiny.ok("create_monitor", tiny.outsider, WEBSITE);
            assertThat(tiny.monitorCount(tiny.outsider)).isEqualTo(1);
        }
    }
}
