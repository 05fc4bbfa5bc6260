package io.enori.mcp.core.slo;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.map;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.checks.DefaultCheckExecutor;
import io.enori.mcp.core.store.JdbiStorage;
import io.enori.mcp.core.testing.MutableClock;
import io.enori.mcp.core.testing.ToolCalls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One core over a fresh in-memory H2 database and a clock the test moves. Callers: {@code writer} (account A,
 * monitors read and write), {@code reader} (A, monitors:read), {@code writeOnly} (A, monitors:write),
 * {@code outsider} (account B, read and write). Calls go through {@link EnoriMcp#call}, as MCP's do.
 */
final class SloHarness implements AutoCloseable {
    /** A Monday in November 2025: the calendar month is Nov 1 – Dec 1, the week Nov 10 – Nov 17. */
    static final Instant START = Instant.parse("2025-11-10T12:00:00Z");
    static final Set<Scope> READ_WRITE = EnumSet.of(Scope.MONITORS_READ, Scope.MONITORS_WRITE);
    private static final DefaultCheckExecutor CHECKS = DefaultCheckExecutor.create();

    final MutableClock clock = new MutableClock(START);
    final EnoriMcp enori;
    final Caller writer;
    final Caller reader;
    final Caller writeOnly;
    final Caller outsider;
    private final String jdbcUrl;
    private final AtomicLong checkSeq = new AtomicLong();

    SloHarness() {
        jdbcUrl = "jdbc:h2:mem:slo" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        enori = EnoriMcp.builder().storage(JdbiStorage.create(jdbcUrl)).clock(clock).checkExecutor(CHECKS).build();
        writer = ToolCalls.newKey(enori, "acme", READ_WRITE, "writer");
        reader = ToolCalls.newKey(enori, "acme", EnumSet.of(Scope.MONITORS_READ), "reader");
        writeOnly = ToolCalls.newKey(enori, "acme", EnumSet.of(Scope.MONITORS_WRITE), "write-only");
        outsider = ToolCalls.newKey(enori, "globex", READ_WRITE, "outsider");
    }

    Map<String, Object> ok(String tool, Caller caller, Map<String, Object> args) {
        return ToolCalls.ok(enori, tool, caller, args);
    }

    ToolError error(String tool, Caller caller, Map<String, Object> args) {
        return ToolCalls.error(enori, tool, caller, args);
    }

    String website(Caller caller, String name) {
        return (String) map(ok("create_monitor", caller, args("type", "website", "name", name,
                "url", "https://" + name.toLowerCase() + ".example.com")).get("monitor")).get("id");
    }

    /** A calendar-monthly 99.5 % availability SLO; more pairs override. */
    static Map<String, Object> monthly(String monitorId, Object... more) {
        Map<String, Object> a = args("monitorId", monitorId, "name", "Monthly uptime", "target", 99.5,
                "windowType", "calendar", "calendarCycle", "monthly");
        a.putAll(args(more));
        return a;
    }

    /** A rolling 7-day 99 % availability SLO; more pairs override. */
    static Map<String, Object> rolling7(String monitorId, Object... more) {
        Map<String, Object> a = args("monitorId", monitorId, "name", "Weekly uptime", "target", 99,
                "windowType", "rolling", "windowLengthDays", 7);
        a.putAll(args(more));
        return a;
    }

    /** Creates an SLO as {@code writer}; returns its id. */
    String createSlo(Map<String, Object> args) {
        return (String) map(ok("create_slo", writer, args).get("slo")).get("id");
    }

    /**
     * Stores {@code count} checks of account A's monitor, {@code every} apart, the last at {@code last}; the
     * oldest {@code bad} of them are down.
     */
    void checks(String monitorId, Instant last, Duration every, int count, int bad) {
        for (int i = count - 1; i >= 0; i--) {
            boolean down = count - 1 - i < bad;
            Instant at = last.minus(every.multipliedBy(i));
            enori.storage().checkResults().insert(new CheckResult("chk_T" + checkSeq.incrementAndGet(), writer.accountId(),
                    monitorId, down ? CheckStatus.DOWN : CheckStatus.UP, 120, down ? 503 : 200,
                    down ? "HTTP 503" : null, null, null, null, at));
        }
    }

    static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.putAll(args(more));
        return m;
    }

    @Override
    public void close() {
        enori.close();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            // Already closed.
        }
    }
}
