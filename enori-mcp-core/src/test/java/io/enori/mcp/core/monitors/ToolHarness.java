package io.enori.mcp.core.monitors;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.map;
import io.enori.mcp.core.testing.ToolCalls;
import io.enori.mcp.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.api.spi.PageRequest;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.checks.DefaultCheckExecutor;
import io.enori.mcp.core.store.JdbiStorage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One core over a fresh in-memory H2 database, a clock the test moves, and four callers: {@code writer} and
 * {@code writer2} (two write keys of account A), {@code reader} (account A, read only) and {@code outsider}
 * (account B, read and write). Every call goes through {@link EnoriMcp#call}, the same invoker MCP uses.
 */
final class ToolHarness implements AutoCloseable {
    /** A Monday in November: Europe/Berlin is at +01:00. */
    static final Instant START = Instant.parse("2025-11-10T12:00:00Z");
    static final String ACCOUNT_A = "acme";
    static final String ACCOUNT_B = "globex";
    static final Set<Scope> READ_WRITE = EnumSet.of(Scope.MONITORS_READ, Scope.MONITORS_WRITE);

    /** One executor for every harness; its threads are daemons and it holds no per-test state. */
    private static final DefaultCheckExecutor CHECKS = DefaultCheckExecutor.create();

    final MutableClock clock = new MutableClock(START);
    final EnoriMcp enori;
    final Caller writer;
    final Caller writer2;
    final Caller reader;
    final Caller outsider;
    private final String jdbcUrl;

    private ToolHarness(Consumer<EnoriMcp.Builder> customizer) {
        jdbcUrl = "jdbc:h2:mem:tools" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        EnoriMcp.Builder builder = EnoriMcp.builder().storage(JdbiStorage.create(jdbcUrl)).clock(clock)
                .checkExecutor(CHECKS);
        customizer.accept(builder);
        enori = builder.build();
        writer = newKey(ACCOUNT_A, READ_WRITE, "writer");
        writer2 = newKey(ACCOUNT_A, READ_WRITE, "writer-2");
        reader = newKey(ACCOUNT_A, EnumSet.of(Scope.MONITORS_READ), "reader");
        outsider = newKey(ACCOUNT_B, READ_WRITE, "outsider");
    }

    static ToolHarness create() {
        return new ToolHarness(b -> { });
    }

    static ToolHarness create(Consumer<EnoriMcp.Builder> customizer) {
        return new ToolHarness(customizer);
    }

    Caller newKey(String account, Set<Scope> scopes, String label) {
        return ToolCalls.newKey(enori, account, scopes, label);
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

    // ---- shortcuts for the usual set-up -------------------------------------------------------------------

    /** Creates a monitor as {@code writer}; returns the created monitor view. */
    Map<String, Object> create(Map<String, Object> args) {
        return map(ok("create_monitor", writer, args).get("monitor"));
    }

    String createWebsite(String name, String url) {
        return (String) create(args("type", "website", "name", name, "url", url)).get("id");
    }

    String createPort(String name, String host, int port) {
        return (String) create(args("type", "port", "name", name, "host", host, "port", port)).get("id");
    }

    String createPing(String name, String host) {
        return (String) create(args("type", "ping", "name", name, "host", host)).get("id");
    }

    /** get_monitor as {@code writer}. */
    Map<String, Object> monitor(String monitorId) {
        return map(ok("get_monitor", writer, args("monitorId", monitorId)).get("monitor"));
    }

    Map<String, Object> checkNow(String monitorId) {
        return ok("check_now", writer, args("monitorId", monitorId));
    }

    int monitorCount(Caller caller) {
        return enori.storage().monitors().count(caller.accountId());
    }

    List<CheckResult> storedChecks(String monitorId) {
        return enori.storage().checkResults().list(writer.accountId(), monitorId, null, null, new PageRequest(200, null))
                .items();
    }

    // ---- small helpers ------------------------------------------------------------------------------------


    /** {@code base} with more pairs laid over it. */
    static Map<String, Object> with(Map<String, Object> base, Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>(base);
        map.putAll(args(keysAndValues));
        return map;
    }






    static void assertNotFound(ToolError error, String monitorId) {
        assertThat(error.message()).isEqualTo("Monitor not found");
        assertThat(error.details()).containsEntry("monitorId", monitorId);
    }

    @Override
    public void close() {
        enori.close();
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // Already closed; nothing to release.
        }
    }
}
