package io.enori.mcp.core.oauth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dynamic client registration request (RFC 7591): the fields we use. {@link #fromJson} reads the request
 * body as parsed JSON; other fields are ignored (the response says what was decided).
 */
public record ClientRegistration(List<String> redirectUris, String clientName) {
    public ClientRegistration {
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
    }

    /** From the registration request's JSON object. */
    public static ClientRegistration fromJson(Map<String, ?> body) throws OAuthError {
        if (body == null) {
            throw OAuthError.invalidClientMetadata("The body must be a JSON object");
        }
        Object uris = body.get("redirect_uris");
        List<String> redirectUris = new ArrayList<>();
        if (uris instanceof List<?> list) {
            for (Object uri : list) {
                if (!(uri instanceof String s)) {
                    throw OAuthError.invalidRedirectUri("redirect_uris must be strings");
                }
                redirectUris.add(s);
            }
        } else if (uris != null) {
            throw OAuthError.invalidRedirectUri("redirect_uris must be an array of strings");
        }
        Object name = body.get("client_name");
        if (name != null && !(name instanceof String)) {
            throw OAuthError.invalidClientMetadata("client_name must be a string");
        }
        // token_endpoint_auth_method and the like are not read: clients are public, RFC 7591 lets the server
        // decide, and the response says "none".
        return new ClientRegistration(redirectUris, (String) name);
    }
}
