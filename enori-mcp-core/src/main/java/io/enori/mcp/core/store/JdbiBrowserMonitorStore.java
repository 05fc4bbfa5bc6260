package io.enori.mcp.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.enori.mcp.api.BrowserCheck;
import io.enori.mcp.api.BrowserMonitor;
import io.enori.mcp.api.BrowserStep;
import io.enori.mcp.api.BrowserVariable;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.HealingStatus;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorType;
import io.enori.mcp.api.spi.BrowserMonitorStore;
import io.enori.mcp.core.tool.Json;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Browser monitors' steps and variables (JSON columns), their check details, and built-in billing items. */
final class JdbiBrowserMonitorStore implements BrowserMonitorStore {
    private static final TypeReference<List<BrowserStep>> STEPS = new TypeReference<>() { };
    private static final TypeReference<List<BrowserVariable>> VARIABLES = new TypeReference<>() { };
    private static final TypeReference<List<BrowserCheck.StepResult>> RESULTS = new TypeReference<>() { };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String BROWSER_COLUMNS = "account_id, monitor_id, steps, variables, healing, healed_step, "
            + "billing_item_id, billed_from, updated_at";
    private static final String CHECK_COLUMNS = "id, account_id, monitor_id, check_result_id, status, steps, lcp_ms, "
            + "cls, inp_ms, console_errors, failure_analysis, checked_at";

    private final Jdbi jdbi;

    JdbiBrowserMonitorStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Monitor monitor, BrowserMonitor browser) {
        Objects.requireNonNull(monitor, "monitor");
        requireSame(monitor, browser);
        String status = MonitorRows.checkedStatus(monitor);
        String channelIds = Sql.joinList(monitor.channelIds(), "channel id");
        Sql.run("insert browser monitor " + monitor.id(), () -> jdbi.useTransaction(h -> {
            JdbiMonitorStore.insertRow(h, monitor, status, channelIds);
            h.createUpdate("INSERT INTO browser_monitors (" + BROWSER_COLUMNS + ") VALUES (:accountId, :monitorId, "
                            + ":steps, :variables, :healing, :healedStep, :billingItemId, :billedFrom, :updatedAt)")
                    .bind("accountId", browser.accountId())
                    .bind("monitorId", browser.monitorId())
                    .bind("steps", write(browser.steps()))
                    .bind("variables", write(browser.variables()))
                    .bind("healing", browser.healing().name())
                    .bind("healedStep", browser.healedStep())
                    .bind("billingItemId", browser.billingItemId())
                    .bind("billedFrom", Sql.instant(browser.billedFrom()))
                    .bind("updatedAt", Sql.instant(browser.updatedAt()))
                    .execute();
        }));
    }

    private static void requireSame(Monitor monitor, BrowserMonitor browser) {
        if (monitor.type() != MonitorType.BROWSER || !monitor.id().equals(browser.monitorId())
                || !monitor.accountId().equals(browser.accountId())) {
            throw new IllegalArgumentException("a browser half belongs to a BROWSER monitor of the same id and account");
        }
    }

    @Override
    public Optional<BrowserMonitor> find(String accountId, String monitorId) {
        return Sql.call("find browser monitor " + monitorId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + BROWSER_COLUMNS + " FROM browser_monitors WHERE account_id = :accountId "
                                + "AND monitor_id = :monitorId")
                .bind("accountId", accountId)
                .bind("monitorId", monitorId)
                .map(JdbiBrowserMonitorStore::browser)
                .findOne()));
    }

    @Override
    public List<BrowserMonitor> listAll(String accountId) {
        return Sql.call("list browser monitors", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + BROWSER_COLUMNS + " FROM browser_monitors WHERE account_id = :accountId "
                                + "ORDER BY monitor_id")
                .bind("accountId", accountId)
                .map(JdbiBrowserMonitorStore::browser)
                .list()));
    }

    @Override
    public boolean update(BrowserMonitor browser) {
        return Sql.call("update browser monitor " + browser.monitorId(), () -> jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE browser_monitors SET steps = :steps, variables = :variables, healing = :healing, "
                                + "healed_step = :healedStep, updated_at = :updatedAt "
                                + "WHERE account_id = :accountId AND monitor_id = :monitorId")
                .bind("steps", write(browser.steps()))
                .bind("variables", write(browser.variables()))
                .bind("healing", browser.healing().name())
                .bind("healedStep", browser.healedStep())
                .bind("updatedAt", Sql.instant(browser.updatedAt()))
                .bind("accountId", browser.accountId())
                .bind("monitorId", browser.monitorId())
                .execute() == 1));
    }

    @Override
    public boolean delete(String accountId, String monitorId) {
        // Children of the monitor (checks, incidents, SLOs, this row...) go with it: every reference cascades.
        return Sql.call("delete browser monitor " + monitorId, () -> jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM monitors WHERE account_id = :accountId AND id = :id AND type = :type")
                .bind("accountId", accountId)
                .bind("id", monitorId)
                .bind("type", MonitorType.BROWSER.name())
                .execute() == 1));
    }

    @Override
    public void insertCheck(BrowserCheck check) {
        Sql.run("insert browser check " + check.id(), () -> jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO browser_checks (" + CHECK_COLUMNS + ") VALUES (:id, :accountId, :monitorId, "
                                + ":checkResultId, :status, :steps, :lcp, :cls, :inp, :consoleErrors, :analysis, :checkedAt)")
                .bind("id", check.id())
                .bind("accountId", check.accountId())
                .bind("monitorId", check.monitorId())
                .bind("checkResultId", check.checkResultId())
                .bind("status", check.status().name())
                .bind("steps", write(check.steps()))
                .bind("lcp", check.lcpMs())
                .bind("cls", check.cls())
                .bind("inp", check.inpMs())
                .bind("consoleErrors", write(check.consoleErrors()))
                .bind("analysis", cut(check.failureAnalysis(), 4000))
                .bind("checkedAt", Sql.instant(check.checkedAt()))
                .execute()));
    }

    @Override
    public Optional<BrowserCheck> findCheck(String accountId, String checkId) {
        return Sql.call("find browser check " + checkId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + CHECK_COLUMNS + " FROM browser_checks WHERE account_id = :accountId AND id = :id")
                .bind("accountId", accountId)
                .bind("id", checkId)
                .map(JdbiBrowserMonitorStore::check)
                .findOne()));
    }

    @Override
    public Optional<BrowserCheck> latestCheck(String accountId, String monitorId) {
        return checks(accountId, monitorId, Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"), 1).stream()
                .findFirst();
    }

    @Override
    public List<BrowserCheck> checks(String accountId, String monitorId, Instant since, Instant until, int limit) {
        return Sql.call("list browser checks of " + monitorId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + CHECK_COLUMNS + " FROM browser_checks WHERE account_id = :accountId "
                                + "AND monitor_id = :monitorId AND checked_at >= :since AND checked_at < :until "
                                + "ORDER BY checked_at DESC, id DESC")
                .bind("accountId", accountId)
                .bind("monitorId", monitorId)
                .bind("since", Sql.instant(since))
                .bind("until", Sql.instant(until))
                .setMaxRows(limit)
                .map(JdbiBrowserMonitorStore::check)
                .list()));
    }

    @Override
    public void insertBillingItem(BillingItem item) {
        Sql.run("insert billing item " + item.id(), () -> jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO browser_billing_items (id, account_id, monitor_id, price, currency, period_days, "
                                + "starts_at, cancelled_at, credit) VALUES (:id, :accountId, :monitorId, :price, "
                                + ":currency, :periodDays, :startsAt, :cancelledAt, :credit)")
                .bind("id", item.id())
                .bind("accountId", item.accountId())
                .bind("monitorId", item.monitorId())
                .bind("price", item.price())
                .bind("currency", item.currency())
                .bind("periodDays", item.periodDays())
                .bind("startsAt", Sql.instant(item.startsAt()))
                .bind("cancelledAt", Sql.instant(item.cancelledAt()))
                .bind("credit", item.credit())
                .execute()));
    }

    @Override
    public boolean cancelBillingItem(String accountId, String itemId, BigDecimal credit, Instant at) {
        return Sql.call("cancel billing item " + itemId, () -> jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE browser_billing_items SET cancelled_at = :at, credit = :credit "
                                + "WHERE account_id = :accountId AND id = :id AND cancelled_at IS NULL")
                .bind("at", Sql.instant(at))
                .bind("credit", credit)
                .bind("accountId", accountId)
                .bind("id", itemId)
                .execute() == 1));
    }

    @Override
    public List<BillingItem> billingItems(String accountId) {
        return Sql.call("list billing items", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, account_id, monitor_id, price, currency, period_days, starts_at, cancelled_at, "
                                + "credit FROM browser_billing_items WHERE account_id = :accountId ORDER BY starts_at, id")
                .bind("accountId", accountId)
                .map((rs, ctx) -> new BillingItem(rs.getString("id"), rs.getString("account_id"),
                        rs.getString("monitor_id"), rs.getBigDecimal("price"), rs.getString("currency"),
                        rs.getInt("period_days"), Sql.instant(rs, "starts_at"), Sql.instant(rs, "cancelled_at"),
                        rs.getBigDecimal("credit")))
                .list()));
    }

    private static BrowserMonitor browser(ResultSet rs, StatementContext ctx) throws SQLException {
        return new BrowserMonitor(rs.getString("monitor_id"), rs.getString("account_id"),
                read(rs.getString("steps"), STEPS), read(rs.getString("variables"), VARIABLES),
                HealingStatus.valueOf(rs.getString("healing")), Sql.integer(rs, "healed_step"),
                rs.getString("billing_item_id"), Sql.instant(rs, "billed_from"), Sql.instant(rs, "updated_at"));
    }

    private static BrowserCheck check(ResultSet rs, StatementContext ctx) throws SQLException {
        return new BrowserCheck(rs.getString("id"), rs.getString("account_id"), rs.getString("monitor_id"),
                rs.getString("check_result_id"), CheckStatus.valueOf(rs.getString("status")),
                read(rs.getString("steps"), RESULTS), Sql.decimal(rs, "lcp_ms"), Sql.decimal(rs, "cls"),
                Sql.decimal(rs, "inp_ms"), read(rs.getString("console_errors"), STRINGS),
                rs.getString("failure_analysis"), Sql.instant(rs, "checked_at"));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new io.enori.mcp.api.EnoriMcpException("stored browser JSON is unreadable", e);
        }
    }
}
