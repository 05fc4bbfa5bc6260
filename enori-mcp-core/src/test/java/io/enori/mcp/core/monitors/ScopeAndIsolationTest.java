package io.enori.mcp.core.monitors;

import io.enori.mcp.core.testing.LocalSite;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.monitors.ToolHarness.assertNotFound;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ShareLink;
import io.enori.mcp.api.Snooze;
import io.enori.mcp.api.ToolDescriptor;
import io.enori.mcp.api.ToolError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may call what: scopes within an account, and nothing at all across accounts. */
class ScopeAndIsolationTest {
    static final List<String> READ_TOOLS = List.of("list_monitors", "get_monitor", "get_monitor_stats",
            "get_check_results", "get_health_summary", "get_snooze_status");
    static final List<String> WRITE_TOOLS = List.of("create_monitor", "update_monitor", "check_now", "pause_monitor",
            "resume_monitor", "snooze_monitor", "unsnooze_monitor", "share_monitor");

    private ToolHarness h;
    private LocalSite site;
    private String id;
    private String pausedId;

    @BeforeEach
    void setUp() {
        h = ToolHarness.create();
        site = LocalSite.start();
        id = h.createWebsite("Shop", site.url());
        pausedId = h.createWebsite("Paused", site.url());
        h.checkNow(id);
        h.ok("pause_monitor", h.writer, args("monitorId", pausedId));
        h.ok("snooze_monitor", h.writer, args("monitorId", id, "durationMinutes", 60));
        h.ok("share_monitor", h.writer, args("monitorId", id));
        h.clock.advance(java.time.Duration.ofMinutes(1));
    }

    @AfterEach
    void tearDown() {
        site.close();
        h.close();
    }

    /** Arguments that would succeed for a caller allowed to use the tool on account A's monitors. */
    private Map<String, Object> validArgs(String tool) {
        switch (tool) {
            case "list_monitors":
            case "get_health_summary":
                return args();
            case "create_monitor":
                return args("type", "website", "name", "Intruder", "url", "https://evil.example.com");
            case "update_monitor":
                return args("monitorId", id, "name", "Hacked", "intervalSeconds", 30);
            case "resume_monitor":
                return args("monitorId", pausedId);
            case "snooze_monitor":
                return args("monitorId", id, "durationMinutes", 120);
            case "share_monitor":
                return args("monitorId", id, "action", "revoke");
            default:
                return args("monitorId", id);
        }
    }

    /** Everything about account A that a tool could change. */
    private Map<String, Object> snapshotOfAccountA() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("count", h.monitorCount(h.writer));
        for (String monitor : List.of(id, pausedId)) {
            state.put(monitor, h.enori.storage().monitors().find(h.writer.accountId(), monitor).orElseThrow());
            state.put(monitor + " checks", h.storedChecks(monitor).stream().map(CheckResult::id)
                    .collect(Collectors.toList()));
            state.put(monitor + " snoozes", h.enori.storage().snoozes().listForMonitor(h.writer.accountId(), monitor)
                    .stream().map(Snooze::toString).collect(Collectors.toList()));
            state.put(monitor + " links", h.enori.storage().shareLinks().listActive(h.writer.accountId(), monitor)
                    .stream().map(ShareLink::id).collect(Collectors.toList()));
        }
        return state;
    }

    @Test
    void everyMonitorToolDeclaresTheExpectedScope() {
        Map<String, Scope> declared = h.enori.toolDescriptors().stream()
                .filter(d -> d.group().equals("monitors"))
                .collect(Collectors.toMap(ToolDescriptor::name, ToolDescriptor::requiredScope));
        assertThat(declared).hasSize(14);
        READ_TOOLS.forEach(t -> assertThat(declared).containsEntry(t, Scope.MONITORS_READ));
        WRITE_TOOLS.forEach(t -> assertThat(declared).containsEntry(t, Scope.MONITORS_WRITE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"create_monitor", "update_monitor", "check_now", "pause_monitor", "resume_monitor",
            "snooze_monitor", "unsnooze_monitor", "share_monitor"})
    void readerCallingAWriteToolGetsInsufficientScopeAndChangesNothing(String tool) {
        Map<String, Object> before = snapshotOfAccountA();
        int hitsBefore = site.hits();

        ToolError error = h.error(tool, h.reader, validArgs(tool));

        assertThat(error.message()).isEqualTo("Insufficient scope");
        assertThat(error.details()).containsEntry("requiredScope", "monitors:write");
        assertThat((String) error.details().get("hint")).contains("monitors:write");
        assertThat(snapshotOfAccountA()).isEqualTo(before);
        assertThat(site.hits()).isEqualTo(hitsBefore);
    }

    @Test
    void theShareLinkRevokeIsAlsoRefusedToTheReader() {
        assertThat(h.error("share_monitor", h.reader, args("monitorId", id)).message()).isEqualTo("Insufficient scope");
        assertThat(h.enori.storage().shareLinks().listActive(h.writer.accountId(), id)).hasSize(1);
    }

    @Test
    void scopeIsCheckedBeforeTheInputSoTheReaderLearnsNothingFromValidation() {
        ToolError error = h.error("create_monitor", h.reader, args("bogus", true));
        assertThat(error.message()).isEqualTo("Insufficient scope");
    }

    @ParameterizedTest
    @ValueSource(strings = {"list_monitors", "get_monitor", "get_monitor_stats", "get_check_results",
            "get_health_summary", "get_snooze_status"})
    void readerCanUseEveryReadTool(String tool) {
        Map<String, Object> before = snapshotOfAccountA();
        Map<String, Object> out = h.ok(tool, h.reader, validArgs(tool));
        assertThat(out).isNotEmpty();
        assertThat(snapshotOfAccountA()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"get_monitor", "get_monitor_stats", "get_check_results", "get_snooze_status",
            "update_monitor", "check_now", "pause_monitor", "resume_monitor", "snooze_monitor", "unsnooze_monitor",
            "share_monitor"})
    void anotherAccountsMonitorIsNotFound(String tool) {
        Map<String, Object> before = snapshotOfAccountA();
        int hitsBefore = site.hits();
        Map<String, Object> input = validArgs(tool);

        assertNotFound(h.error(tool, h.outsider, input), (String) input.get("monitorId"));
        assertThat(snapshotOfAccountA()).isEqualTo(before);
        assertThat(site.hits()).isEqualTo(hitsBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {"get_monitor", "get_monitor_stats", "get_check_results", "get_snooze_status",
            "update_monitor", "check_now", "pause_monitor", "resume_monitor", "snooze_monitor", "unsnooze_monitor",
            "share_monitor"})
    void anotherAccountsIdLooksExactlyLikeAMissingOne(String tool) {
        Map<String, Object> foreign = validArgs(tool);
        Map<String, Object> missing = new LinkedHashMap<>(foreign);
        missing.put("monitorId", "mon_DOESNOTEXIST00");

        ToolError foreignError = h.error(tool, h.outsider, foreign);
        ToolError missingError = h.error(tool, h.outsider, missing);

        assertThat(foreignError.message()).isEqualTo(missingError.message());
        assertThat(foreignError.details().keySet()).isEqualTo(missingError.details().keySet());
    }

    @Test
    void outsiderListsAndSummariesNeverShowAccountAMonitors() {
        h.ok("create_monitor", h.outsider, args("type", "ping", "name", "B only", "host", "10.0.0.2"));

        assertThat(list(h.ok("list_monitors", h.outsider, args()).get("monitors"))).extracting(m -> m.get("name"))
                .containsExactly("B only");
        assertThat(list(h.ok("list_monitors", h.outsider, args("status", "paused")).get("monitors"))).isEmpty();
        assertThat(list(h.ok("list_monitors", h.outsider, args("name", "Shop")).get("monitors"))).isEmpty();
        assertThat(list(h.ok("get_health_summary", h.outsider, args()).get("monitors")))
                .extracting(m -> m.get("name")).containsExactly("B only");
        assertThat(list(h.ok("list_monitors", h.reader, args()).get("monitors"))).extracting(m -> m.get("name"))
                .containsExactlyInAnyOrder("Shop", "Paused");
    }
}
