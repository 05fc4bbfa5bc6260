package io.enori.mcp.core.oauth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client the server knows: registered dynamically, or described by a client ID metadata document (then
 * {@code clientId} is that document's URL and {@code metadataDocument} is true). Public: no secret.
 */
public record RegisteredClient(String clientId, String clientName, List<String> redirectUris, Instant issuedAt,
                               boolean metadataDocument) {
    public RegisteredClient {
        redirectUris = List.copyOf(redirectUris);
    }

    /** The registration response body (RFC 7591 §3.2.1). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client_id", clientId);
        if (issuedAt != null) {
            m.put("client_id_issued_at", issuedAt.getEpochSecond());
        }
        if (clientName != null) {
            m.put("client_name", clientName);
        }
        m.put("redirect_uris", redirectUris);
        m.put("grant_types", List.of("authorization_code", "refresh_token"));
        m.put("response_types", List.of("code"));
        m.put("token_endpoint_auth_method", "none");
        return m;
    }

    /** A name to show on the consent page: the client's name, else its id. */
    public String displayName() {
        return clientName == null || clientName.isBlank() ? clientId : clientName;
    }
}
