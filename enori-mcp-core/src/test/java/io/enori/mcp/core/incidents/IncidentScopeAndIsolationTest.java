package io.enori.mcp.core.incidents;

import io.enori.mcp.core.testing.LocalSite;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.incidents.IncidentHarness.assertIncidentNotFound;
import static io.enori.mcp.core.incidents.IncidentHarness.assertInsufficientScope;
import static io.enori.mcp.core.incidents.IncidentHarness.ids;
import static io.enori.mcp.core.testing.ToolCalls.longOf;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolDescriptor;
import io.enori.mcp.api.ToolError;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may touch incidents: scopes within account A, and nothing at all from account B. */
class IncidentScopeAndIsolationTest {
    static final List<String> READ_TOOLS = List.of("list_incidents", "get_incident", "get_active_incidents",
            "get_incident_stats");
    static final List<String> WRITE_TOOLS = List.of("acknowledge_incident", "resolve_incident",
            "add_incident_update");

    private IncidentHarness h;
    private String shop;
    /** Account A's open incident. */
    private String id;

    @BeforeEach
    void setUp() {
        h = new IncidentHarness();
        shop = h.monitor("Shop", h.site);
        id = h.open(shop, h.site);
        h.clock.advance(Duration.ofMinutes(1));
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    /** Arguments with which a permitted caller would succeed on account A's incident. */
    private Map<String, Object> validArgs(String tool) {
        switch (tool) {
            case "list_incidents":
            case "get_active_incidents":
            case "get_incident_stats":
                return args();
            case "resolve_incident":
                return args("incidentId", id, "resolutionNote", "Fixed");
            case "add_incident_update":
                return args("incidentId", id, "message", "Still looking");
            default:
                return args("incidentId", id);
        }
    }

    /** Everything about account A's incident a tool could change. */
    private Map<String, Object> snapshotOfAccountA() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("incident", h.stored(id));
        state.put("timeline", h.storedTimeline(id));
        state.put("active", h.enori.storage().incidents().findActive(h.writer.accountId(), shop));
        return state;
    }

    @Test
    void everyIncidentToolDeclaresTheExpectedScope() {
        Map<String, Scope> declared = h.enori.toolDescriptors().stream()
                .collect(Collectors.toMap(ToolDescriptor::name, ToolDescriptor::requiredScope));
        READ_TOOLS.forEach(t -> assertThat(declared).containsEntry(t, Scope.INCIDENTS_READ));
        WRITE_TOOLS.forEach(t -> assertThat(declared).containsEntry(t, Scope.INCIDENTS_WRITE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"list_incidents", "get_incident", "get_active_incidents", "get_incident_stats"})
    void readerCanUseEveryReadTool(String tool) {
        Map<String, Object> before = snapshotOfAccountA();

        Map<String, Object> out = h.ok(tool, h.reader, validArgs(tool));

        switch (tool) {
            case "get_incident" -> assertThat(map(out.get("incident"))).containsEntry("id", id);
            case "get_incident_stats" -> assertThat(longOf(out, "active")).isEqualTo(1);
            default -> assertThat(ids(out.get("incidents"))).containsExactly(id);
        }
        assertThat(snapshotOfAccountA()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"acknowledge_incident", "resolve_incident", "add_incident_update"})
    void readerCallingAWriteToolGetsInsufficientScopeAndNothingChanges(String tool) {
        Map<String, Object> before = snapshotOfAccountA();

        ToolError error = h.error(tool, h.reader, validArgs(tool));

        assertInsufficientScope(error, Scope.INCIDENTS_WRITE);
        assertThat((String) error.details().get("hint")).contains("incidents:write");
        assertThat(snapshotOfAccountA()).isEqualTo(before);
    }

    @Test
    void scopeIsCheckedBeforeInputSoTheReaderLearnsNothingFromValidation() {
        assertInsufficientScope(h.error("resolve_incident", h.reader, args("incidentId", id)), Scope.INCIDENTS_WRITE);
        assertInsufficientScope(h.error("acknowledge_incident", h.reader, args("incidentId", "inc_NOSUCH0001")),
                Scope.INCIDENTS_WRITE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"list_incidents", "get_incident", "get_active_incidents", "get_incident_stats"})
    void aKeyWithOnlyMonitorScopesCannotReadIncidents(String tool) {
        Caller monitorsOnly = h.newKey(IncidentHarness.ACCOUNT_A,
                EnumSet.of(Scope.MONITORS_READ, Scope.MONITORS_WRITE), "monitors-only");

        assertInsufficientScope(h.error(tool, monitorsOnly, validArgs(tool)), Scope.INCIDENTS_READ);
    }

    @Test
    void aKeyWithOnlyIncidentScopesCannotDriveChecks() {
        Caller incidentsOnly = h.newKey(IncidentHarness.ACCOUNT_A,
                EnumSet.of(Scope.INCIDENTS_READ, Scope.INCIDENTS_WRITE), "incidents-only");

        assertInsufficientScope(h.error("check_now", incidentsOnly, args("monitorId", shop)), Scope.MONITORS_WRITE);
        assertThat(h.ok("acknowledge_incident", incidentsOnly, validArgs("acknowledge_incident")))
                .containsEntry("changed", true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"get_incident", "acknowledge_incident", "resolve_incident", "add_incident_update"})
    void anotherAccountsIncidentIsNotFoundAndUntouched(String tool) {
        Map<String, Object> before = snapshotOfAccountA();

        assertIncidentNotFound(h.error(tool, h.outsider, validArgs(tool)), id);

        assertThat(snapshotOfAccountA()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"get_incident", "acknowledge_incident", "resolve_incident", "add_incident_update"})
    void anotherAccountsIdLooksExactlyLikeAMissingOne(String tool) {
        Map<String, Object> foreign = validArgs(tool);
        Map<String, Object> missing = new LinkedHashMap<>(foreign);
        missing.put("incidentId", "inc_DOESNOTEXIST00");

        ToolError foreignError = h.error(tool, h.outsider, foreign);
        ToolError missingError = h.error(tool, h.outsider, missing);

        assertThat(foreignError.message()).isEqualTo(missingError.message()).isEqualTo("Incident not found");
        assertThat(foreignError.details().keySet()).isEqualTo(missingError.details().keySet());
    }

    @Test
    void aResolvedIncidentOfAnotherAccountIsNotFoundEitherNotAlreadyResolved() {
        h.recover(shop, h.site);

        assertIncidentNotFound(h.error("resolve_incident", h.outsider, validArgs("resolve_incident")), id);
        assertIncidentNotFound(h.error("acknowledge_incident", h.outsider, validArgs("acknowledge_incident")), id);
    }

    @Test
    void outsiderListsAndStatsShowNothingOfAccountA() {
        LocalSite bSite = h.newSite();
        String bMonitor = h.monitor(h.outsider, "B only", bSite);
        bSite.unavailable();
        h.clock.advance(Duration.ofMinutes(1));
        h.ok("check_now", h.outsider, args("monitorId", bMonitor));
        h.clock.advance(Duration.ofMinutes(1));
        String bIncident = ((String) h.ok("check_now", h.outsider, args("monitorId", bMonitor)).get("incident"))
                .substring("opened ".length());
        h.clock.advance(Duration.ofMinutes(1));

        assertThat(ids(h.ok("list_incidents", h.outsider, args()).get("incidents"))).containsExactly(bIncident);
        assertThat(ids(h.ok("list_incidents", h.outsider, args("monitorId", shop)).get("incidents"))).isEmpty();
        assertThat(ids(h.ok("list_incidents", h.outsider, args("status", "open")).get("incidents")))
                .containsExactly(bIncident);
        assertThat(ids(h.ok("get_active_incidents", h.outsider, args()).get("incidents")))
                .containsExactly(bIncident);
        Map<String, Object> bStats = h.ok("get_incident_stats", h.outsider, args());
        assertThat(longOf(bStats, "total")).isEqualTo(1);
        assertThat(longOf(bStats, "active")).isEqualTo(1);

        assertThat(ids(h.ok("list_incidents", h.reader, args()).get("incidents"))).containsExactly(id);
        assertThat(ids(h.ok("get_active_incidents", h.reader, args()).get("incidents"))).containsExactly(id);
        assertThat(longOf(h.ok("get_incident_stats", h.reader, args()), "total")).isEqualTo(1);
        assertIncidentNotFound(h.error("get_incident", h.reader, args("incidentId", bIncident)), bIncident);
    }
}
