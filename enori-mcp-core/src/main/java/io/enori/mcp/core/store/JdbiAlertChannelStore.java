package io.enori.mcp.core.store;

import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.spi.AlertChannelStore;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiAlertChannelStore implements AlertChannelStore {

    private static final String COLUMNS = "id, account_id, type, name, target, owner_principal_id, created_at";

    private final Jdbi jdbi;

    JdbiAlertChannelStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(AlertChannel channel) {
        Objects.requireNonNull(channel, "channel");
        Sql.run("insert alert channel " + channel.id(), () -> jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO alert_channels (" + COLUMNS + ") VALUES (:id, :accountId, :type, :name, :target, "
                                + ":owner, :createdAt)")
                .bind("id", channel.id())
                .bind("accountId", channel.accountId())
                .bind("type", channel.type().name())
                .bind("name", channel.name())
                .bind("target", channel.target())
                .bind("owner", channel.ownerPrincipalId())
                .bind("createdAt", Sql.instant(channel.createdAt()))
                .execute()));
    }

    @Override
    public Optional<AlertChannel> find(String accountId, String channelId) {
        return Sql.call("find alert channel " + channelId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM alert_channels WHERE account_id = :accountId AND id = :id")
                .bind("accountId", accountId)
                .bind("id", channelId)
                .map(JdbiAlertChannelStore::map)
                .findOne()));
    }

    /** The page key is the last channel's id. */
    @Override
    public Page<AlertChannel> list(String accountId, PageRequest page) {
        Objects.requireNonNull(page, "page");
        String sql = "SELECT " + COLUMNS + " FROM alert_channels WHERE account_id = :accountId"
                + (page.afterKey() == null ? "" : " AND id > :afterId") + " ORDER BY id LIMIT :limit";
        List<AlertChannel> rows = Sql.call("list alert channels of account " + accountId, () -> jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("accountId", accountId).bind("limit", page.limit() + 1);
            if (page.afterKey() != null) {
                query.bind("afterId", page.afterKey());
            }
            return query.map(JdbiAlertChannelStore::map).list();
        }));
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, null);
        }
        List<AlertChannel> items = rows.subList(0, page.limit());
        return new Page<>(items, items.get(items.size() - 1).id());
    }

    @Override
    public List<AlertChannel> listAll(String accountId) {
        return Sql.call("list alert channels of account " + accountId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM alert_channels WHERE account_id = :accountId ORDER BY id")
                .bind("accountId", accountId)
                .map(JdbiAlertChannelStore::map)
                .list()));
    }

    @Override
    public boolean delete(String accountId, String channelId) {
        return Sql.call("delete alert channel " + channelId, () -> jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM alert_channels WHERE account_id = :accountId AND id = :id")
                .bind("accountId", accountId)
                .bind("id", channelId)
                .execute()) > 0);
    }

    private static AlertChannel map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AlertChannel(rs.getString("id"), rs.getString("account_id"),
                AlertChannel.Type.valueOf(rs.getString("type")), rs.getString("name"), rs.getString("target"),
                rs.getString("owner_principal_id"), Sql.instant(rs, "created_at"));
    }
}
