package io.enori.mcp.api.spi;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is signed in at the authorization endpoint, for hosts that already have their own login.
 *
 * <p>By default the HTTP transport shows its own sign-in page (users with passwords, managed by
 * {@code users create|list|reset-password}). A host that has its own session (a cookie of its web app, a header
 * set by its proxy) implements this instead: the transport asks {@link #currentUser} on each
 * {@code /oauth/authorize} request; when it answers a user, only the consent page is shown; when it answers
 * nobody, the browser is sent to {@link #loginRedirect} (and comes back to {@code returnTo}) or, without one,
 * gets our sign-in page.
 */
public interface Authenticator {

    /** The request as the authenticator sees it: header names lower-case, cookies by name. */
    record Request(Map<String, List<String>> headers, Map<String, String> cookies, String remoteAddress) {
        public Request {
            headers = Map.copyOf(headers);
            cookies = Map.copyOf(cookies);
        }
    }

    /** A signed-in person: the account they act for, and a label for the consent page. */
    record SignedInUser(String accountId, String userId, String displayName) {
        public SignedInUser {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** The signed-in user of this request, or empty. */
    Optional<SignedInUser> currentUser(Request request);

    /** Where to send a browser nobody is signed in on; empty means "show the built-in sign-in page". */
    default Optional<URI> loginRedirect(String returnTo) {
        return Optional.empty();
    }
}
