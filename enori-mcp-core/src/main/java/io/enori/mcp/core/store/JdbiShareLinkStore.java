package io.enori.mcp.core.store;

import io.enori.mcp.api.ShareLink;
import io.enori.mcp.api.spi.ShareLinkStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiShareLinkStore implements ShareLinkStore {

    private static final String COLUMNS = "id, account_id, monitor_id, token_hash, created_at, revoked_at";

    private final Jdbi jdbi;

    JdbiShareLinkStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(ShareLink link) {
        Objects.requireNonNull(link, "link");
        Sql.run("insert share link " + link.id(), () -> jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO share_links (" + COLUMNS + ") VALUES (:id, :accountId, :monitorId, :tokenHash, "
                                + ":createdAt, :revokedAt)")
                .bind("id", link.id())
                .bind("accountId", link.accountId())
                .bind("monitorId", link.monitorId())
                .bind("tokenHash", link.tokenHash())
                .bind("createdAt", Sql.instant(link.createdAt()))
                .bind("revokedAt", Sql.instant(link.revokedAt()))
                .execute()));
    }

    @Override
    public List<ShareLink> listActive(String accountId, String monitorId) {
        return Sql.call("list share links of monitor " + monitorId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM share_links WHERE account_id = :accountId "
                                + "AND monitor_id = :monitorId AND revoked_at IS NULL ORDER BY created_at, id")
                .bind("accountId", accountId)
                .bind("monitorId", monitorId)
                .map(JdbiShareLinkStore::map)
                .list()));
    }

    /** Not scoped by account: the token is the credential of an anonymous viewer, and the link names its account. */
    @Override
    public Optional<ShareLink> findActiveByTokenHash(String tokenHash) {
        return Sql.call("find share link by hash", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM share_links WHERE token_hash = :tokenHash AND revoked_at IS NULL")
                .bind("tokenHash", tokenHash)
                .map(JdbiShareLinkStore::map)
                .findOne()));
    }

    @Override
    public int revokeAll(String accountId, String monitorId, Instant at) {
        Objects.requireNonNull(at, "at");
        return Sql.call("revoke share links of monitor " + monitorId, () -> jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE share_links SET revoked_at = :at WHERE account_id = :accountId "
                                + "AND monitor_id = :monitorId AND revoked_at IS NULL")
                .bind("at", Sql.instant(at))
                .bind("accountId", accountId)
                .bind("monitorId", monitorId)
                .execute()));
    }

    private static ShareLink map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ShareLink(rs.getString("id"), rs.getString("account_id"), rs.getString("monitor_id"),
                rs.getString("token_hash"), Sql.instant(rs, "created_at"), Sql.instant(rs, "revoked_at"));
    }
}
