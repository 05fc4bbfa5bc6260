package io.enori.mcp.core.store;

import io.enori.mcp.api.EnoriMcpException;
import io.enori.mcp.api.spi.OAuthStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/** OAuth clients, users, grants, codes and tokens (V10); redirect URIs are one column, newline-separated. */
final class JdbiOAuthStore implements OAuthStore {

    private static final String USER_COLUMNS = "id, account_id, email, password_hash, created_at, password_changed_at";
    private static final String GRANT_COLUMNS = "id, account_id, user_id, client_id, resource, scope, created_at, revoked_at";
    private static final String CODE_COLUMNS = "code_hash, grant_id, client_id, redirect_uri, code_challenge, created_at, "
            + "expires_at, used_at";
    private static final String TOKEN_COLUMNS = "token_hash, grant_id, kind, created_at, expires_at, used_at";

    private final Jdbi jdbi;

    JdbiOAuthStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insertClient(Client client) {
        Objects.requireNonNull(client, "client");
        for (String uri : client.redirectUris()) {
            if (uri.contains("\n")) {
                throw new IllegalArgumentException("redirect URI must not contain a line break");
            }
        }
        Sql.run("insert OAuth client", () -> jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO oauth_clients (client_id, client_name, redirect_uris, created_at) "
                                + "VALUES (:id, :name, :uris, :at)")
                .bind("id", client.clientId())
                .bind("name", client.clientName())
                .bind("uris", String.join("\n", client.redirectUris()))
                .bind("at", Sql.instant(client.createdAt()))
                .execute()));
    }

    @Override
    public Optional<Client> findClient(String clientId) {
        return Sql.call("find OAuth client", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT client_id, client_name, redirect_uris, created_at FROM oauth_clients WHERE client_id = :id")
                .bind("id", clientId)
                .map((rs, ctx) -> new Client(rs.getString("client_id"), rs.getString("client_name"),
                        Arrays.stream(rs.getString("redirect_uris").split("\n")).filter(s -> !s.isEmpty()).toList(),
                        Sql.instant(rs, "created_at")))
                .findOne()));
    }

    @Override
    public void insertUser(User user) {
        Objects.requireNonNull(user, "user");
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO users (" + USER_COLUMNS + ") VALUES (:id, :accountId, "
                            + ":email, :hash, :createdAt, :changedAt)")
                    .bind("id", user.id())
                    .bind("accountId", user.accountId())
                    .bind("email", user.email())
                    .bind("hash", user.passwordHash())
                    .bind("createdAt", Sql.instant(user.createdAt()))
                    .bind("changedAt", Sql.instant(user.passwordChangedAt()))
                    .execute());
        } catch (JdbiException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new IllegalArgumentException("a user with email " + user.email() + " already exists");
            }
            throw new EnoriMcpException("Storage could not insert user", e);
        }
    }

    @Override
    public Optional<User> findUserByEmail(String email) {
        return Sql.call("find user", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + USER_COLUMNS + " FROM users WHERE email = :email")
                .bind("email", email)
                .map(JdbiOAuthStore::user)
                .findOne()));
    }

    @Override
    public Optional<User> findUser(String userId) {
        return Sql.call("find user", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + USER_COLUMNS + " FROM users WHERE id = :id")
                .bind("id", userId)
                .map(JdbiOAuthStore::user)
                .findOne()));
    }

    @Override
    public List<User> listUsers(String accountId) {
        String where = accountId == null ? "" : " WHERE account_id = :accountId";
        return Sql.call("list users", () -> jdbi.withHandle(h -> {
            Query query = h.createQuery("SELECT " + USER_COLUMNS + " FROM users" + where + " ORDER BY created_at, id");
            if (accountId != null) {
                query.bind("accountId", accountId);
            }
            return query.map(JdbiOAuthStore::user).list();
        }));
    }

    @Override
    public boolean updatePassword(String userId, String passwordHash, Instant at) {
        return Sql.call("update password", () -> jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE users SET password_hash = :hash, password_changed_at = :at WHERE id = :id")
                .bind("hash", Objects.requireNonNull(passwordHash))
                .bind("at", Sql.instant(at))
                .bind("id", userId)
                .execute()) == 1);
    }

    @Override
    public void insertGrant(Grant grant) {
        Objects.requireNonNull(grant, "grant");
        Sql.run("insert OAuth grant", () -> jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO oauth_grants (" + GRANT_COLUMNS + ") VALUES (:id, :accountId, :userId, :clientId, "
                                + ":resource, :scope, :createdAt, :revokedAt)")
                .bind("id", grant.id())
                .bind("accountId", grant.accountId())
                .bind("userId", grant.userId())
                .bind("clientId", grant.clientId())
                .bind("resource", grant.resource())
                .bind("scope", grant.scope())
                .bind("createdAt", Sql.instant(grant.createdAt()))
                .bind("revokedAt", Sql.instant(grant.revokedAt()))
                .execute()));
    }

    @Override
    public Optional<Grant> findGrant(String grantId) {
        return Sql.call("find OAuth grant", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + GRANT_COLUMNS + " FROM oauth_grants WHERE id = :id")
                .bind("id", grantId)
                .map((rs, ctx) -> new Grant(rs.getString("id"), rs.getString("account_id"), rs.getString("user_id"),
                        rs.getString("client_id"), rs.getString("resource"), rs.getString("scope"),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "revoked_at")))
                .findOne()));
    }

    @Override
    public boolean revokeGrant(String grantId, Instant at) {
        return Sql.call("revoke OAuth grant", () -> jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE oauth_grants SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .bind("at", Sql.instant(Objects.requireNonNull(at)))
                .bind("id", grantId)
                .execute()) == 1);
    }

    @Override
    public void insertCode(Code code) {
        Objects.requireNonNull(code, "code");
        Sql.run("insert OAuth code", () -> jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO oauth_codes (" + CODE_COLUMNS + ") VALUES (:hash, :grantId, :clientId, "
                                + ":redirectUri, :challenge, :createdAt, :expiresAt, :usedAt)")
                .bind("hash", code.codeHash())
                .bind("grantId", code.grantId())
                .bind("clientId", code.clientId())
                .bind("redirectUri", code.redirectUri())
                .bind("challenge", code.codeChallenge())
                .bind("createdAt", Sql.instant(code.createdAt()))
                .bind("expiresAt", Sql.instant(code.expiresAt()))
                .bind("usedAt", Sql.instant(code.usedAt()))
                .execute()));
    }

    @Override
    public Optional<Code> findCode(String codeHash) {
        return Sql.call("find OAuth code", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + CODE_COLUMNS + " FROM oauth_codes WHERE code_hash = :hash")
                .bind("hash", codeHash)
                .map((rs, ctx) -> new Code(rs.getString("code_hash"), rs.getString("grant_id"),
                        rs.getString("client_id"), rs.getString("redirect_uri"), rs.getString("code_challenge"),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at"), Sql.instant(rs, "used_at")))
                .findOne()));
    }

    @Override
    public boolean markCodeUsed(String codeHash, Instant at) {
        return Sql.call("use OAuth code", () -> jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE oauth_codes SET used_at = :at WHERE code_hash = :hash AND used_at IS NULL")
                .bind("at", Sql.instant(Objects.requireNonNull(at)))
                .bind("hash", codeHash)
                .execute()) == 1);
    }

    @Override
    public void insertToken(Token token) {
        Objects.requireNonNull(token, "token");
        Sql.run("insert OAuth token", () -> jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO oauth_tokens (" + TOKEN_COLUMNS + ") VALUES (:hash, :grantId, :kind, :createdAt, "
                                + ":expiresAt, :usedAt)")
                .bind("hash", token.tokenHash())
                .bind("grantId", token.grantId())
                .bind("kind", token.kind().name())
                .bind("createdAt", Sql.instant(token.createdAt()))
                .bind("expiresAt", Sql.instant(token.expiresAt()))
                .bind("usedAt", Sql.instant(token.usedAt()))
                .execute()));
    }

    @Override
    public Optional<Token> findToken(String tokenHash) {
        return Sql.call("find OAuth token", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + TOKEN_COLUMNS + " FROM oauth_tokens WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Token(rs.getString("token_hash"), rs.getString("grant_id"),
                        TokenKind.valueOf(rs.getString("kind")), Sql.instant(rs, "created_at"),
                        Sql.instant(rs, "expires_at"), Sql.instant(rs, "used_at")))
                .findOne()));
    }

    @Override
    public boolean markTokenUsed(String tokenHash, Instant at) {
        return Sql.call("use OAuth token", () -> jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE oauth_tokens SET used_at = :at WHERE token_hash = :hash AND used_at IS NULL")
                .bind("at", Sql.instant(Objects.requireNonNull(at)))
                .bind("hash", tokenHash)
                .execute()) == 1);
    }

    @Override
    public int purgeExpired(Instant before) {
        return Sql.call("purge expired OAuth codes and tokens", () -> jdbi.inTransaction(h ->
                h.createUpdate("DELETE FROM oauth_codes WHERE expires_at < :before")
                        .bind("before", Sql.instant(before)).execute()
                        + h.createUpdate("DELETE FROM oauth_tokens WHERE expires_at < :before")
                        .bind("before", Sql.instant(before)).execute()));
    }

    private static User user(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(rs.getString("id"), rs.getString("account_id"), rs.getString("email"),
                rs.getString("password_hash"), Sql.instant(rs, "created_at"), Sql.instant(rs, "password_changed_at"));
    }
}
