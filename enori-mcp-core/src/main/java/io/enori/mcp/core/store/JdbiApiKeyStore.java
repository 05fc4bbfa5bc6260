package io.enori.mcp.core.store;

import io.enori.mcp.api.ApiKey;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.spi.ApiKeyStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiApiKeyStore implements ApiKeyStore {

    private static final String COLUMNS = "id, account_id, name, prefix, secret_hash, scopes, created_at, revoked_at";

    private final Jdbi jdbi;

    JdbiApiKeyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(ApiKey key) {
        Objects.requireNonNull(key, "key");
        Sql.run("insert API key " + key.id(), () -> jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO api_keys (" + COLUMNS + ") VALUES (:id, :accountId, :name, :prefix, "
                                + ":secretHash, :scopes, :createdAt, :revokedAt)")
                .bind("id", key.id())
                .bind("accountId", key.accountId())
                .bind("name", key.name())
                .bind("prefix", key.prefix())
                .bind("secretHash", key.secretHash())
                .bind("scopes", scopes(key))
                .bind("createdAt", Sql.instant(key.createdAt()))
                .bind("revokedAt", Sql.instant(key.revokedAt()))
                .execute()));
    }

    @Override
    public Optional<ApiKey> findBySecretHash(String secretHash) {
        // Revoked keys are returned too: the caller tells "revoked" apart from "unknown".
        return Sql.call("find API key by hash", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM api_keys WHERE secret_hash = :secretHash")
                .bind("secretHash", secretHash)
                .map(JdbiApiKeyStore::map)
                .findOne()));
    }

    @Override
    public List<ApiKey> list(String accountId) {
        String where = accountId == null ? "" : " WHERE account_id = :accountId";
        return Sql.call("list API keys", () -> jdbi.withHandle(h -> {
            Query query = h.createQuery("SELECT " + COLUMNS + " FROM api_keys" + where + " ORDER BY created_at, id");
            if (accountId != null) {
                query.bind("accountId", accountId);
            }
            return query.map(JdbiApiKeyStore::map).list();
        }));
    }

    @Override
    public boolean revoke(String keyId, Instant at) {
        Objects.requireNonNull(at, "at");
        return Sql.call("revoke API key " + keyId, () -> jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE api_keys SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .bind("at", Sql.instant(at))
                .bind("id", keyId)
                .execute()) == 1);
    }

    /** Wire names in enum order, so equal scope sets are stored as equal strings. */
    private static String scopes(ApiKey key) {
        return EnumSet.copyOf(key.scopes()).stream().map(Scope::wireName).collect(Collectors.joining(","));
    }

    private static ApiKey map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ApiKey(rs.getString("id"), rs.getString("account_id"), rs.getString("name"),
                rs.getString("prefix"), rs.getString("secret_hash"), Scope.parseList(rs.getString("scopes")),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "revoked_at"));
    }
}
