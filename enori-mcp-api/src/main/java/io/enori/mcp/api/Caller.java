package io.enori.mcp.api;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling a tool: resolved by a transport (from a header, an environment variable or a token)
 * and handed to the core. Tools never see transport details.
 *
 * @param accountId   the account every query is scoped to; {@code null} only when unauthenticated
 * @param principalId the key or grant that authenticated; rate limits and snoozes are per principal
 * @param kind        how the caller authenticated
 * @param scopes      what the caller may do
 * @param authProblem why authentication failed, when it did
 */
public record Caller(String accountId, String principalId, Kind kind, Set<Scope> scopes, String authProblem) {

    /** How a caller proved who it is. */
    public enum Kind { API_KEY, OAUTH, UNAUTHENTICATED }

    public Caller {
        Objects.requireNonNull(kind, "kind");
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
        if (kind != Kind.UNAUTHENTICATED) {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(principalId, "principalId");
        }
    }

    /** A caller authenticated by an API key with the key's scopes. */
    public static Caller apiKey(String accountId, String keyId, Set<Scope> scopes) {
        return new Caller(accountId, keyId, Kind.API_KEY, scopes, null);
    }

    /** A caller authenticated by OAuth: every scope of the account. */
    public static Caller oauth(String accountId, String grantId) {
        return new Caller(accountId, grantId, Kind.OAUTH, EnumSet.allOf(Scope.class), null);
    }

    /** A caller whose credentials were missing or wrong; every tool call answers {@code problem}. */
    public static Caller unauthenticated(String problem) {
        return new Caller(null, null, Kind.UNAUTHENTICATED, Set.of(), Objects.requireNonNull(problem));
    }

    public boolean isAuthenticated() {
        return kind != Kind.UNAUTHENTICATED;
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    public Optional<String> authProblemText() {
        return Optional.ofNullable(authProblem);
    }
}
