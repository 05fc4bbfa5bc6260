package io.enori.mcp.core.oauth;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OAuth error response (RFC 6749 §5.2, RFC 7591 §3.2.2, RFC 8707): the {@code error} code, a human-readable
 * {@code error_description} and the HTTP status to answer with. Descriptions never say whether an account,
 * user or email exists.
 */
public final class OAuthError extends Exception {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final String description;
    private final int httpStatus;
    private final URI redirectTo;

    public OAuthError(String error, String description, int httpStatus) {
        this(error, description, httpStatus, null);
    }

    private OAuthError(String error, String description, int httpStatus, URI redirectTo) {
        super(error + ": " + description);
        this.error = Objects.requireNonNull(error, "error");
        this.description = Objects.requireNonNull(description, "description");
        this.httpStatus = httpStatus;
        this.redirectTo = redirectTo;
    }

    /** This error, to be answered by redirecting the browser to {@code uri}. */
    OAuthError redirectingTo(URI uri) {
        return new OAuthError(error, description, httpStatus, uri);
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description, 400);
    }

    public static OAuthError invalidClient(String description) {
        return new OAuthError("invalid_client", description, 401);
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description, 400);
    }

    public static OAuthError unsupportedGrantType(String description) {
        return new OAuthError("unsupported_grant_type", description, 400);
    }

    public static OAuthError unsupportedResponseType(String description) {
        return new OAuthError("unsupported_response_type", description, 400);
    }

    public static OAuthError invalidTarget(String description) {
        return new OAuthError("invalid_target", description, 400);
    }

    public static OAuthError invalidRedirectUri(String description) {
        return new OAuthError("invalid_redirect_uri", description, 400);
    }

    public static OAuthError invalidClientMetadata(String description) {
        return new OAuthError("invalid_client_metadata", description, 400);
    }

    public static OAuthError accessDenied(String description) {
        return new OAuthError("access_denied", description, 400);
    }

    /** {@code invalid_request}, {@code invalid_client}, {@code invalid_grant}, {@code invalid_target}, … */
    public String error() {
        return error;
    }

    public String description() {
        return description;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /**
     * From the authorization endpoint: where to send the browser with this error (the client's verified redirect
     * URI with {@code error}, {@code error_description} and {@code state}). Empty when the client or redirect URI
     * itself is the problem: then show the error to the user and never redirect (no open redirector).
     */
    public Optional<URI> redirectTo() {
        return Optional.ofNullable(redirectTo);
    }

    /** The JSON body: {@code error} and {@code error_description}. */
    public Map<String, Object> asMap() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return body;
    }
}
