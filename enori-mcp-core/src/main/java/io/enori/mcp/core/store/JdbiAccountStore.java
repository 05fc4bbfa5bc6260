package io.enori.mcp.core.store;

import io.enori.mcp.api.Account;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.spi.AccountStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiAccountStore implements AccountStore {

    private static final String COLUMNS = "id, name, plan_name, max_monitors, max_status_pages, "
            + "max_maintenance_windows, free_browser_slots, created_at";

    private final Jdbi jdbi;

    JdbiAccountStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Account account) {
        Objects.requireNonNull(account, "account");
        Plan plan = account.plan();
        Sql.run("insert account " + account.id(), () -> jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO accounts (" + COLUMNS + ") VALUES (:id, :name, :planName, :maxMonitors, "
                                + ":maxStatusPages, :maxMaintenanceWindows, :freeBrowserSlots, :createdAt)")
                .bind("id", account.id())
                .bind("name", account.name())
                .bind("planName", plan.name())
                .bind("maxMonitors", plan.maxMonitors())
                .bind("maxStatusPages", plan.maxStatusPages())
                .bind("maxMaintenanceWindows", plan.maxMaintenanceWindows())
                .bind("freeBrowserSlots", plan.freeBrowserSlots())
                .bind("createdAt", Sql.instant(account.createdAt()))
                .execute()));
    }

    @Override
    public Optional<Account> find(String accountId) {
        return Sql.call("find account " + accountId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM accounts WHERE id = :id")
                .bind("id", accountId)
                .map(JdbiAccountStore::map)
                .findOne()));
    }

    @Override
    public Optional<Account> findByName(String name) {
        return Sql.call("find account by name", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM accounts WHERE name = :name")
                .bind("name", name)
                .map(JdbiAccountStore::map)
                .findOne()));
    }

    @Override
    public List<Account> list() {
        return Sql.call("list accounts", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM accounts ORDER BY created_at, id")
                .map(JdbiAccountStore::map)
                .list()));
    }

    private static Account map(ResultSet rs, StatementContext ctx) throws SQLException {
        Plan plan = new Plan(rs.getString("plan_name"), rs.getInt("max_monitors"), rs.getInt("max_status_pages"),
                rs.getInt("max_maintenance_windows"), rs.getInt("free_browser_slots"));
        return new Account(rs.getString("id"), rs.getString("name"), plan, Sql.instant(rs, "created_at"));
    }
}
