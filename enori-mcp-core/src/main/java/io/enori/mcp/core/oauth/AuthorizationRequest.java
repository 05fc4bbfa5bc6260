package io.enori.mcp.core.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A validated {@code /oauth/authorize} request: the client is known, the redirect URI is one of its own (exact
 * match), PKCE S256 is present and the resource is this server. Safe to show on the consent page and to carry
 * (e.g. in hidden form fields, re-validated on submit) until the user decides.
 *
 * @param state    echoed back to the client; may be {@code null}
 * @param scope    as asked; informational, an OAuth caller always gets every scope of the account
 * @param resource this server's MCP resource URL (RFC 8707)
 */
public record AuthorizationRequest(RegisteredClient client, String redirectUri, String codeChallenge,
                                   String state, String scope, String resource) {

    /** Where to send the browser after approval: the redirect URI with {@code code} and {@code state}. */
    public URI approvedRedirect(String code) {
        return redirect("code=" + enc(code));
    }

    /** Where to send the browser after denial or an error that may be redirected. */
    public URI errorRedirect(OAuthError error) {
        return redirect("error=" + enc(error.error()) + "&error_description=" + enc(error.description()));
    }

    private URI redirect(String params) {
        StringBuilder uri = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?').append(params);
        if (state != null) {
            uri.append("&state=").append(enc(state));
        }
        return URI.create(uri.toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
