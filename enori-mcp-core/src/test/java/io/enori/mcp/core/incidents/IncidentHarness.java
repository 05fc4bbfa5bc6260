package io.enori.mcp.core.incidents;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.map;
import io.enori.mcp.core.testing.ToolCalls;
import io.enori.mcp.core.testing.LocalSite;
import io.enori.mcp.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentEvent;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.checks.DefaultCheckExecutor;
import io.enori.mcp.core.store.JdbiStorage;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.Ids;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One core over a fresh in-memory H2 database, a clock the test moves, a real local HTTP site that checks hit,
 * and four callers: {@code writer} and {@code writer2} (account A, monitors and incidents read/write),
 * {@code reader} (account A, monitors:read and incidents:read) and {@code outsider} (account B, every scope the
 * writers have). Calls go through {@link EnoriMcp#call}, the invoker MCP uses, so scope checks are real.
 */
final class IncidentHarness implements AutoCloseable {
    /** A Monday in November: Europe/Berlin is at +01:00. */
    static final Instant START = Instant.parse("2025-11-10T12:00:00Z");
    static final String ACCOUNT_A = "acme";
    static final String ACCOUNT_B = "globex";
    static final Set<Scope> WRITE_SCOPES = EnumSet.of(Scope.MONITORS_READ, Scope.MONITORS_WRITE,
            Scope.INCIDENTS_READ, Scope.INCIDENTS_WRITE);
    static final Set<Scope> READ_SCOPES = EnumSet.of(Scope.MONITORS_READ, Scope.INCIDENTS_READ);
    static final String HTTP_503 = "HTTP 503 (expected 200-399)";

    private static final DefaultCheckExecutor CHECKS = DefaultCheckExecutor.create();

    final MutableClock clock = new MutableClock(START);
    final EnoriMcp enori;
    final Caller writer;
    final Caller writer2;
    final Caller reader;
    final Caller outsider;
    /** The site monitors point at unless a test starts another. */
    final LocalSite site;
    private final List<LocalSite> sites = new ArrayList<>();
    private final String jdbcUrl;

    IncidentHarness() {
        jdbcUrl = "jdbc:h2:mem:incidents" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        // Calls all happen at a few frozen instants; the rate limiter must not be what a test measures.
        enori = EnoriMcp.builder().storage(JdbiStorage.create(jdbcUrl)).clock(clock).checkExecutor(CHECKS)
                .rateLimits(100_000, 100_000).build();
        writer = newKey(ACCOUNT_A, WRITE_SCOPES, "writer");
        writer2 = newKey(ACCOUNT_A, WRITE_SCOPES, "writer-2");
        reader = newKey(ACCOUNT_A, READ_SCOPES, "reader");
        outsider = newKey(ACCOUNT_B, WRITE_SCOPES, "outsider");
        site = newSite();
    }

    Caller newKey(String account, Set<Scope> scopes, String label) {
        return ToolCalls.newKey(enori, account, scopes, label);
    }

    LocalSite newSite() {
        LocalSite s = LocalSite.start();
        sites.add(s);
        return s;
    }

    ToolOutcome call(String tool, Caller caller, Map<String, Object> args) {
        return enori.call(tool, caller, args);
    }

    /** Calls a tool that must succeed; returns the structured content exactly as a client gets it. */
    Map<String, Object> ok(String tool, Caller caller, Map<String, Object> args) {
        return ToolCalls.ok(enori, tool, caller, args);
    }

    /** Calls a tool that must fail; returns its error. */
    ToolError error(String tool, Caller caller, Map<String, Object> args) {
        return ToolCalls.error(enori, tool, caller, args);
    }

    // ---- monitors and checks ------------------------------------------------------------------------------

    /** A website monitor of account A on {@code target} that opens an incident after 2 failed checks. */
    String monitor(String name, LocalSite target) {
        return monitor(writer, name, target);
    }

    String monitor(Caller owner, String name, LocalSite target) {
        return (String) map(ok("create_monitor", owner, args("type", "website", "name", name, "url", target.url(),
                "alertAfterFailures", 2)).get("monitor")).get("id");
    }

    /** check_now as {@code writer}, at the clock's current instant. */
    Map<String, Object> check(String monitorId) {
        return ok("check_now", writer, args("monitorId", monitorId));
    }

    /**
     * Makes {@code target} fail and checks the monitor twice, a minute apart (the first one a minute from now);
     * returns the id of the incident the second check opened.
     */
    String open(String monitorId, LocalSite target) {
        target.unavailable();
        clock.advance(Duration.ofMinutes(1));
        assertThat(check(monitorId).get("incident")).as("first failure opens nothing").isNull();
        clock.advance(Duration.ofMinutes(1));
        String incident = (String) check(monitorId).get("incident");
        assertThat(incident).as("second failure opens an incident").startsWith("opened inc_");
        return incident.substring("opened ".length());
    }

    /** Makes {@code target} healthy and checks once, a minute from now; returns what the check reported. */
    String recover(String monitorId, LocalSite target) {
        target.healthy();
        clock.advance(Duration.ofMinutes(1));
        return (String) check(monitorId).get("incident");
    }

    // ---- incidents ----------------------------------------------------------------------------------------

    /** get_incident as {@code writer}: {@code incident} and {@code timeline}. */
    Map<String, Object> get(String incidentId) {
        return ok("get_incident", writer, args("incidentId", incidentId));
    }

    Map<String, Object> incident(String incidentId) {
        return map(get(incidentId).get("incident"));
    }

    List<Map<String, Object>> timeline(String incidentId) {
        return list(get(incidentId).get("timeline"));
    }

    /** Straight from storage, bypassing the tools: what an assertion that nothing changed compares. */
    Incident stored(String incidentId) {
        return enori.storage().incidents().find(writer.accountId(), incidentId).orElseThrow();
    }

    List<IncidentEvent> storedTimeline(String incidentId) {
        return enori.storage().incidents().timeline(writer.accountId(), incidentId);
    }

    /** The core's parts as tools get them, for driving {@link IncidentLifecycle} directly. */
    CoreContext context() {
        return new CoreContext(enori.storage(), clock, new Ids(clock), CHECKS, Plan.DEFAULT, "http://localhost");
    }

    /** Incident ids of account A's active incidents, newest first, via get_active_incidents. */
    List<String> activeIds(Caller caller) {
        return ids(ok("get_active_incidents", caller, args()).get("incidents"));
    }

    // ---- small helpers ------------------------------------------------------------------------------------




    static List<String> ids(Object incidents) {
        return list(incidents).stream().map(i -> (String) i.get("id")).collect(Collectors.toList());
    }

    static List<String> kinds(List<Map<String, Object>> timeline) {
        return timeline.stream().map(e -> (String) e.get("kind")).collect(Collectors.toList());
    }




    static void assertIncidentNotFound(ToolError error, String incidentId) {
        assertThat(error.message()).isEqualTo("Incident not found");
        assertThat(error.details()).containsOnly(Map.entry("incidentId", incidentId));
    }

    static void assertAlreadyResolved(ToolError error, String incidentId) {
        assertThat(error.message()).isEqualTo("Incident already resolved");
        assertThat(error.details()).containsEntry("incidentId", incidentId).containsKey("resolvedAt");
    }

    static void assertInsufficientScope(ToolError error, Scope required) {
        assertThat(error.message()).isEqualTo("Insufficient scope");
        assertThat(error.details()).containsEntry("requiredScope", required.wireName());
    }

    @Override
    public void close() {
        sites.forEach(LocalSite::close);
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // Already closed; nothing to release.
        }
    }
}
