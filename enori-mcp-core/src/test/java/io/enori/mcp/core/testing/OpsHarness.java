package io.enori.mcp.core.testing;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.checks.DefaultCheckExecutor;
import io.enori.mcp.core.store.JdbiStorage;
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
import java.util.function.Consumer;

/**
 * For the maintenance, status page and overview tools: one core over a fresh in-memory H2 database, a clock the
 * test moves, real local HTTP sites that checks hit, and callers: {@code admin} (account A, every scope),
 * {@code reader} (account A, every read scope), {@code outsider} (account B, every scope). Monitors are made
 * with create_monitor and driven with check_now, as a client would.
 */
public final class OpsHarness implements AutoCloseable {
    /** A Monday in November: Europe/Berlin is at +01:00. */
    public static final Instant START = Instant.parse("2025-11-10T12:00:00Z");
    public static final String ACCOUNT_A = "acme";
    public static final String ACCOUNT_B = "globex";
    public static final Set<Scope> READ_SCOPES = EnumSet.of(Scope.MONITORS_READ, Scope.INCIDENTS_READ,
            Scope.ALERTS_READ, Scope.STATUS_PAGES_READ);

    private static final DefaultCheckExecutor CHECKS = DefaultCheckExecutor.create();

    public final MutableClock clock = new MutableClock(START);
    public final EnoriMcp enori;
    public final Caller admin;
    public final Caller reader;
    public final Caller outsider;
    private final List<LocalSite> sites = new ArrayList<>();
    private final String jdbcUrl;

    private OpsHarness(Consumer<EnoriMcp.Builder> customizer) {
        jdbcUrl = "jdbc:h2:mem:ops" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        EnoriMcp.Builder builder = EnoriMcp.builder().storage(JdbiStorage.create(jdbcUrl)).clock(clock)
                .checkExecutor(CHECKS).rateLimits(100_000, 100_000);
        customizer.accept(builder);
        enori = builder.build();
        admin = newKey(ACCOUNT_A, EnumSet.allOf(Scope.class), "admin");
        reader = newKey(ACCOUNT_A, READ_SCOPES, "reader");
        outsider = newKey(ACCOUNT_B, EnumSet.allOf(Scope.class), "outsider");
    }

    public static OpsHarness create() {
        return new OpsHarness(b -> { });
    }

    public static OpsHarness create(Consumer<EnoriMcp.Builder> customizer) {
        return new OpsHarness(customizer);
    }

    public Caller newKey(String account, Set<Scope> scopes, String label) {
        return ToolCalls.newKey(enori, account, scopes, label);
    }

    /** A key of account A holding every scope but {@code missing}. */
    public Caller without(Scope missing) {
        Set<Scope> scopes = EnumSet.allOf(Scope.class);
        scopes.remove(missing);
        return newKey(ACCOUNT_A, scopes, "without " + missing.wireName());
    }

    public Map<String, Object> ok(String tool, Caller caller, Map<String, Object> args) {
        return ToolCalls.ok(enori, tool, caller, args);
    }

    public ToolError error(String tool, Caller caller, Map<String, Object> args) {
        return ToolCalls.error(enori, tool, caller, args);
    }

    public LocalSite newSite() {
        LocalSite s = LocalSite.start();
        sites.add(s);
        return s;
    }

    /** A website monitor of {@code owner}'s account on {@code site}; an incident opens after 2 failed checks. */
    public String monitor(Caller owner, String name, LocalSite site) {
        return (String) map(ok("create_monitor", owner, args("type", "website", "name", name, "url", site.url(),
                "alertAfterFailures", 2)).get("monitor")).get("id");
    }

    /** A website monitor of account A on a new site of its own. */
    public String monitor(String name) {
        return monitor(admin, name, newSite());
    }

    public String monitor(String name, LocalSite site) {
        return monitor(admin, name, site);
    }

    /** check_now as {@code admin}, a minute after the clock's current instant. */
    public Map<String, Object> check(String monitorId) {
        clock.advance(Duration.ofMinutes(1));
        return ok("check_now", admin, args("monitorId", monitorId));
    }

    /** Makes {@code site} fail and checks twice; returns the id of the incident the second check opened. */
    public String openIncident(String monitorId, LocalSite site) {
        site.unavailable();
        check(monitorId);
        String opened = (String) check(monitorId).get("incident");
        assertThat(opened).as("second failure opens an incident").startsWith("opened inc_");
        return opened.substring("opened ".length());
    }

    public static void assertInsufficientScope(ToolError error, Scope required) {
        assertThat(error.message()).isEqualTo("Insufficient scope");
        assertThat(error.details()).containsEntry("requiredScope", required.wireName());
    }

    public static void assertMonitorNotFound(ToolError error, String monitorId) {
        assertThat(error.message()).isEqualTo("Monitor not found");
        assertThat(error.details()).containsEntry("monitorId", monitorId);
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
