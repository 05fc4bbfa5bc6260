package io.enori.mcp.api.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the built-in OAuth 2.1 authorization server keeps: registered clients, users who sign in, authorization
 * codes, grants and tokens. Codes and tokens are stored only as hashes (SHA-256 of a high-entropy secret);
 * passwords only as slow salted hashes.
 */
public interface OAuthStore {

    /** A client registered dynamically (RFC 7591); public, so it has no secret. */
    record Client(String clientId, String clientName, List<String> redirectUris, Instant createdAt) {
        public Client {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(createdAt, "createdAt");
            redirectUris = List.copyOf(redirectUris);
        }
    }

    /** A person who may sign in for an account; {@code email} is stored lower-case and is unique. */
    record User(String id, String accountId, String email, String passwordHash, Instant createdAt,
                Instant passwordChangedAt) {
        public User {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(passwordHash, "passwordHash");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /** A user's consent to a client for one resource; revoking it kills every token issued under it. */
    record Grant(String id, String accountId, String userId, String clientId, String resource, String scope,
                 Instant createdAt, Instant revokedAt) {
        public Grant {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(createdAt, "createdAt");
        }

        public boolean isRevoked() {
            return revokedAt != null;
        }
    }

    /** An authorization code, single-use: {@code usedAt} is set by the first exchange. */
    record Code(String codeHash, String grantId, String clientId, String redirectUri, String codeChallenge,
                Instant createdAt, Instant expiresAt, Instant usedAt) {
        public Code {
            Objects.requireNonNull(codeHash, "codeHash");
            Objects.requireNonNull(grantId, "grantId");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** Access or refresh. */
    enum TokenKind { ACCESS, REFRESH }

    /** A token of a grant. A refresh token's {@code usedAt} is set when it is rotated. */
    record Token(String tokenHash, String grantId, TokenKind kind, Instant createdAt, Instant expiresAt,
                 Instant usedAt) {
        public Token {
            Objects.requireNonNull(tokenHash, "tokenHash");
            Objects.requireNonNull(grantId, "grantId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    void insertClient(Client client);

    Optional<Client> findClient(String clientId);

    /** @throws IllegalArgumentException when a user with that email exists */
    void insertUser(User user);

    Optional<User> findUserByEmail(String email);

    Optional<User> findUser(String userId);

    /** Users of one account, or of every account when {@code accountId} is {@code null}; oldest first. */
    List<User> listUsers(String accountId);

    /** @return whether the user exists (and now has the new hash) */
    boolean updatePassword(String userId, String passwordHash, Instant at);

    void insertGrant(Grant grant);

    Optional<Grant> findGrant(String grantId);

    /** @return whether a grant that was not yet revoked is revoked now */
    boolean revokeGrant(String grantId, Instant at);

    void insertCode(Code code);

    Optional<Code> findCode(String codeHash);

    /** Marks an unused code used, atomically. @return whether this call was the one that used it */
    boolean markCodeUsed(String codeHash, Instant at);

    void insertToken(Token token);

    Optional<Token> findToken(String tokenHash);

    /** Marks an unused token used (a refresh token rotated), atomically. @return whether this call used it */
    boolean markTokenUsed(String tokenHash, Instant at);

    /** Deletes codes and tokens that expired before {@code before}. @return how many rows went */
    int purgeExpired(Instant before);
}
