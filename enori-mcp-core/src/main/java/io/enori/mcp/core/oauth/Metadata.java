package io.enori.mcp.core.oauth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Authorization server metadata (RFC 8414); {@link #asMap()} is the JSON body with the RFC's field names. */
public record Metadata(String issuer, String authorizationEndpoint, String tokenEndpoint,
                       String registrationEndpoint, List<String> responseTypesSupported,
                       List<String> grantTypesSupported, List<String> codeChallengeMethodsSupported,
                       List<String> tokenEndpointAuthMethodsSupported, boolean clientIdMetadataDocumentSupported,
                       List<String> scopesSupported) {
    public Metadata {
        responseTypesSupported = List.copyOf(responseTypesSupported);
        grantTypesSupported = List.copyOf(grantTypesSupported);
        codeChallengeMethodsSupported = List.copyOf(codeChallengeMethodsSupported);
        tokenEndpointAuthMethodsSupported = List.copyOf(tokenEndpointAuthMethodsSupported);
        scopesSupported = List.copyOf(scopesSupported);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", issuer);
        m.put("authorization_endpoint", authorizationEndpoint);
        m.put("token_endpoint", tokenEndpoint);
        m.put("registration_endpoint", registrationEndpoint);
        m.put("response_types_supported", responseTypesSupported);
        m.put("grant_types_supported", grantTypesSupported);
        m.put("code_challenge_methods_supported", codeChallengeMethodsSupported);
        m.put("token_endpoint_auth_methods_supported", tokenEndpointAuthMethodsSupported);
        m.put("client_id_metadata_document_supported", clientIdMetadataDocumentSupported);
        m.put("scopes_supported", scopesSupported);
        return m;
    }
}
