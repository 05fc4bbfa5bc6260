package io.enori.mcp.core.oauth;

import java.util.LinkedHashMap;
import java.util.Map;

/** A token endpoint success response (RFC 6749 §5.1); {@link #asMap()} is the JSON body. */
public record TokenResponse(String accessToken, long expiresInSeconds, String refreshToken, String scope) {

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("access_token", accessToken);
        m.put("token_type", "Bearer");
        m.put("expires_in", expiresInSeconds);
        m.put("refresh_token", refreshToken);
        if (scope != null) {
            m.put("scope", scope);
        }
        return m;
    }
}
