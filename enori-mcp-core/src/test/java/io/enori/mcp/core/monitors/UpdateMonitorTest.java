package io.enori.mcp.core.monitors;

import io.enori.mcp.core.testing.LocalSite;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.monitors.ToolHarness.assertNotFound;
import static io.enori.mcp.core.testing.ToolCalls.longOf;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.ToolError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UpdateMonitorTest {
    private ToolHarness h;
    private String website;
    private String port;
    private Map<String, Object> websiteBefore;
    private Map<String, Object> portBefore;

    @BeforeEach
    void setUp() {
        h = ToolHarness.create();
        websiteBefore = h.create(args("type", "website", "name", "Shop", "url", "https://shop.example.com/health",
                "keyword", "healthy", "intervalSeconds", 60));
        website = (String) websiteBefore.get("id");
        portBefore = h.create(args("type", "port", "name", "DB", "host", "db.internal", "port", 5432));
        port = (String) portBefore.get("id");
        h.clock.advance(Duration.ofMinutes(5));
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void changesOnlyTheFieldsGivenAndNamesThem() {
        Map<String, Object> out = h.ok("update_monitor", h.writer, args("monitorId", website, "name", "Shop EU",
                "intervalSeconds", 120));

        assertThat(out.get("changed")).isEqualTo(List.of("name", "intervalSeconds"));
        Map<String, Object> after = map(out.get("monitor"));
        assertThat(after).containsEntry("name", "Shop EU").containsEntry("url", "https://shop.example.com/health")
                .containsEntry("keyword", "healthy").containsEntry("createdAt", "2025-11-10T12:00:00Z")
                .containsEntry("updatedAt", "2025-11-10T12:05:00Z");
        assertThat(longOf(after, "intervalSeconds")).isEqualTo(120);
        assertThat(longOf(after, "timeoutMs")).isEqualTo(10_000);
        assertThat(longOf(after, "alertAfterFailures")).isEqualTo(2);
        assertThat(h.monitor(website)).isEqualTo(after);

        // Everything except the named fields and updatedAt is as before.
        Map<String, Object> expected = new java.util.LinkedHashMap<>(websiteBefore);
        expected.put("name", "Shop EU");
        expected.put("intervalSeconds", 120);
        expected.put("updatedAt", "2025-11-10T12:05:00Z");
        assertThat(after).isEqualTo(expected);
    }

    @Test
    void changesTheKeywordOfAWebsiteMonitor() {
        Map<String, Object> out = h.ok("update_monitor", h.writer, args("monitorId", website, "keyword", "green"));

        assertThat(out.get("changed")).isEqualTo(List.of("keyword"));
        assertThat(h.monitor(website)).containsEntry("keyword", "green")
                .containsEntry("url", "https://shop.example.com/health");
    }

    @Test
    void keywordChangeTakesEffectOnTheNextCheck() {
        try (LocalSite site = LocalSite.start()) {
            String id = h.createWebsite("Local", site.url());
            assertThat(map(h.checkNow(id).get("result"))).containsEntry("status", "up");

            h.ok("update_monitor", h.writer, args("monitorId", id, "keyword", "maintenance-banner"));
            Map<String, Object> result = map(h.checkNow(id).get("result"));

            assertThat(result).containsEntry("status", "down").containsEntry("contentMatched", false);
            assertThat((String) result.get("error")).contains("maintenance-banner");
        }
    }

    @Test
    void changesPortAndHostOfAPortMonitor() {
        Map<String, Object> out = h.ok("update_monitor", h.writer, args("monitorId", port, "port", "6543",
                "host", "db2.internal"));
        assertThat(out.get("changed")).isEqualTo(List.of("host", "port"));
        Map<String, Object> after = h.monitor(port);
        assertThat(longOf(after, "port")).isEqualTo(6543);
        assertThat(after).containsEntry("address", "db2.internal:6543");
    }

    @Test
    void changesAlertSettingsAndChannels() {
        String ops = h.enori.alertChannels().create(h.writer.accountId(), AlertChannel.Type.WEBHOOK, "Ops",
                "https://ops.example.com/hook", null).id();
        Map<String, Object> out = h.ok("update_monitor", h.writer, args("monitorId", website,
                "alertAfterFailures", 4, "timeoutMs", 3000, "channelIds", List.of(ops),
                "expectedStatusCodes", List.of(200, 301)));
        assertThat(out.get("changed")).isEqualTo(List.of("expectedStatusCodes", "timeoutMs", "alertAfterFailures",
                "channelIds"));
        Map<String, Object> after = h.monitor(website);
        assertThat(after).containsEntry("channelIds", List.of(ops))
                .containsEntry("expectedStatusCodes", List.of(200, 301));
        assertThat(longOf(after, "alertAfterFailures")).isEqualTo(4);
        assertThat(longOf(after, "timeoutMs")).isEqualTo(3000);
    }

    @Test
    void changesDnsAndJobSpecificSettings() {
        String dns = (String) h.create(args("type", "dns", "name", "Mail", "host", "example.com", "recordType", "MX"))
                .get("id");
        Map<String, Object> dnsOut = h.ok("update_monitor", h.writer, args("monitorId", dns, "recordType", "txt",
                "expectedValue", "v=spf1 -all"));
        assertThat(dnsOut.get("changed")).isEqualTo(List.of("recordType", "expectedValue"));
        assertThat(h.monitor(dns)).containsEntry("recordType", "TXT").containsEntry("expectedValue", "v=spf1 -all")
                .containsEntry("host", "example.com");
        assertThat(assertInvalid(h.error("update_monitor", h.writer, args("monitorId", dns, "recordType", "SOA")),
                "recordType")).contains("must be one of A, AAAA, CNAME, MX, TXT, NS");

        String job = (String) h.create(args("type", "job", "name", "Nightly")).get("id");
        assertThat(h.ok("update_monitor", h.writer, args("monitorId", job, "graceSeconds", 600)).get("changed"))
                .isEqualTo(List.of("graceSeconds"));
        assertThat(longOf(h.monitor(job), "graceSeconds")).isEqualTo(600);
        assertThat(assertInvalid(h.error("update_monitor", h.writer, args("monitorId", job, "host", "a.example")),
                "host")).contains("does not apply to job monitors");

        String domain = (String) h.create(args("type", "domain", "name", "Reg", "host", "example.com")).get("id");
        assertThat(assertInvalid(h.error("update_monitor", h.writer, args("monitorId", domain, "host", "10.0.0.1")),
                "host")).contains("registered domain name");
        assertThat(h.monitor(domain)).containsEntry("host", "example.com");
    }

    @Test
    void sameValuesChangeNothing() {
        Map<String, Object> out = h.ok("update_monitor", h.writer, args("monitorId", website, "name", "Shop",
                "intervalSeconds", "60"));
        assertThat(out.get("changed")).isEqualTo(List.of());
        assertThat(h.monitor(website)).isEqualTo(websiteBefore);
    }

    @Test
    void onlyAnIdIsRejectedAsNothingToChange() {
        ToolError error = h.error("update_monitor", h.writer, args("monitorId", website));
        assertThat(assertInvalid(error, "monitorId")).contains("without any field to change");
        assertThat(h.monitor(website)).isEqualTo(websiteBefore);
    }

    @Test
    void typeCannotBeChanged() {
        assertThat(assertInvalid(h.error("update_monitor", h.writer, args("monitorId", website, "type", "ping")),
                "type")).contains("is not a known field");
        assertThat(h.monitor(website)).isEqualTo(websiteBefore);
    }

    @Test
    void pausingThroughUpdateIsNotAField() {
        assertInvalid(h.error("update_monitor", h.writer, args("monitorId", website, "paused", true)), "paused");
        assertThat(h.monitor(website)).containsEntry("paused", false);
    }

    static Stream<Arguments> rejectedWebsiteUpdates() {
        return Stream.of(
                Arguments.of(args("url", "ftp://shop.example.com"), "url", "must be an absolute http:// or https:// URL"),
                Arguments.of(args("url", "not a url"), "url", ""),
                Arguments.of(args("host", "shop.example.com"), "host", "does not apply to website monitors"),
                Arguments.of(args("port", 443), "port", "does not apply to website monitors"),
                Arguments.of(args("intervalSeconds", 29), "intervalSeconds", "must be between 30 and 86400"),
                Arguments.of(args("intervalSeconds", 86_401), "intervalSeconds", "must be between 30 and 86400"),
                Arguments.of(args("intervalSeconds", "soon"), "intervalSeconds", "must be an integer"),
                Arguments.of(args("name", ""), "name", "must not be empty"),
                Arguments.of(args("name", "n".repeat(100_000)), "name", "must be at most 200 characters"),
                Arguments.of(args("keyword", "k".repeat(201)), "keyword", "must be at most 200 characters"),
                Arguments.of(args("name", "Renamed", "intervalSeconds", 5), "intervalSeconds", "between 30"),
                Arguments.of(args("name", "Renamed", "host", "x.example"), "host", "does not apply"),
                Arguments.of(args("colour", "red"), "colour", "is not a known field"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedWebsiteUpdates")
    void rejectedWebsiteUpdateLeavesTheMonitorUnchanged(Map<String, Object> patch, String field, String problem) {
        Map<String, Object> input = new java.util.LinkedHashMap<>(patch);
        input.put("monitorId", website);

        assertThat(assertInvalid(h.error("update_monitor", h.writer, input), field)).contains(problem);
        assertThat(h.monitor(website)).isEqualTo(websiteBefore);
    }

    @Test
    void portOutOfRangeIsRejectedAndPortMonitorUnchanged() {
        assertThat(assertInvalid(h.error("update_monitor", h.writer, args("monitorId", port, "port", 70_000)), "port"))
                .contains("must be between 1 and 65535");
        assertInvalid(h.error("update_monitor", h.writer, args("monitorId", port, "port", 0)), "port");
        assertThat(assertInvalid(h.error("update_monitor", h.writer, args("monitorId", port, "url",
                "https://db.example.com")), "url")).contains("does not apply to port monitors");
        assertThat(assertInvalid(h.error("update_monitor", h.writer, args("monitorId", port, "host",
                "db internal")), "host")).contains("host name or IP address");
        assertThat(h.monitor(port)).isEqualTo(portBefore);
    }

    @Test
    void malformedAndUnknownIds() {
        assertInvalid(h.error("update_monitor", h.writer, args("monitorId", "abc", "name", "X")), "monitorId");
        assertNotFound(h.error("update_monitor", h.writer, args("monitorId", "mon_NOPE0000", "name", "X")),
                "mon_NOPE0000");
        assertThat(assertInvalid(h.error("update_monitor", h.writer, args("name", "X")), "monitorId"))
                .contains("is required");
    }

    @Test
    void keepsCheckStateAcrossAnUpdate() {
        try (LocalSite site = LocalSite.start()) {
            String id = h.createWebsite("Local", site.url());
            h.checkNow(id);
            h.clock.advance(Duration.ofMinutes(1));
            Map<String, Object> before = h.monitor(id);

            h.ok("update_monitor", h.writer, args("monitorId", id, "name", "Renamed"));
            Map<String, Object> after = h.monitor(id);

            assertThat(after).containsEntry("status", "up")
                    .containsEntry("lastCheckedAt", before.get("lastCheckedAt"))
                    .containsEntry("lastSuccessAt", before.get("lastSuccessAt"))
                    .containsEntry("name", "Renamed");
        }
    }
}
