package io.enori.mcp.core.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import io.enori.mcp.core.tool.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client ID metadata documents: a client whose {@code client_id} is an https URL publishes its metadata there.
 * Fetched only from hosts with public addresses, with a short timeout, no redirects and a size cap, validated ({@code client_id} must equal the URL,
 * {@code redirect_uris} present), and cached for a few minutes.
 */
final class ClientMetadataDocuments {
    record Document(String clientName, List<String> redirectUris) {
    }

    static final int MAX_BYTES = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CACHE_FOR = Duration.ofMinutes(5);

    private record Cached(Document document, Instant until) {
    }

    private final Clock clock;
    private final boolean allowHttpLoopback;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ClientMetadataDocuments(Clock clock, boolean allowHttpLoopback) {
        this.clock = clock;
        this.allowHttpLoopback = allowHttpLoopback;
    }

    Document fetch(String clientId) throws OAuthError {
        Instant now = clock.instant();
        Cached cached = cache.get(clientId);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.document();
        }
        URI uri = checkUrl(clientId);
        Document document = parse(clientId, download(uri));
        if (cache.size() > 1000) {
            cache.clear();
        }
        cache.put(clientId, new Cached(document, now.plus(CACHE_FOR)));
        return document;
    }

    private URI checkUrl(String clientId) throws OAuthError {
        URI uri;
        try {
            uri = new URI(clientId);
        } catch (URISyntaxException e) {
            throw OAuthError.invalidClient("client_id is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean http = scheme.equals("http") && allowHttpLoopback && uri.getHost() != null
                && OAuthServer.isLoopback(uri.getHost());
        if (!(scheme.equals("https") || http) || uri.getHost() == null || uri.getFragment() != null
                || uri.getUserInfo() != null || uri.getRawPath() == null || uri.getRawPath().length() < 2) {
            throw OAuthError.invalidClient("A URL client_id must be an https URL with a path and no fragment");
        }
        if (!allowHttpLoopback && !isPublic(uri.getHost())) {
            // Anyone can name a client_id before signing in, so without this check the server would fetch
            // internal URLs (cloud metadata, admin ports) on a stranger's behalf.
            throw OAuthError.invalidClient("A URL client_id must name a host with a public address");
        }
        return uri;
    }

    /**
     * Whether every address the host resolves to is public: not loopback, private (10/8, 172.16/12, 192.168/16,
     * fc00::/7), link-local (169.254/16, fe80::/10, where cloud metadata lives), carrier-grade NAT (100.64/10),
     * unspecified or multicast. A host that does not resolve is not public. The fetch resolves the name again, so a
     * DNS answer that changes in between is not covered; the short timeout and size cap still apply.
     */
    static boolean isPublic(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return false;
        }
        for (InetAddress address : addresses) {
            byte[] b = address.getAddress();
            boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
            boolean carrierNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
            if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || carrierNat) {
                return false;
            }
        }
        return addresses.length > 0;
    }

    private byte[] download(URI uri) throws OAuthError {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw unusable("it answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw unusable("it is larger than " + MAX_BYTES / 1024 + " KiB");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw unusable("it could not be fetched (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unusable("fetching it was interrupted");
        }
    }

    private static Document parse(String clientId, byte[] bytes) throws OAuthError {
        JsonNode root;
        try {
            root = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw unusable("it is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw unusable("it is not a JSON object");
        }
        if (!clientId.equals(root.path("client_id").asText(null))) {
            throw unusable("its client_id is not the URL it was fetched from");
        }
        JsonNode uris = root.path("redirect_uris");
        if (!uris.isArray() || uris.isEmpty()) {
            throw unusable("it has no redirect_uris");
        }
        List<String> redirectUris = new ArrayList<>();
        for (JsonNode uri : uris) {
            if (!uri.isTextual()) {
                throw unusable("redirect_uris must be strings");
            }
            redirectUris.add(uri.asText());
        }
        String method = root.path("token_endpoint_auth_method").asText("none");
        if (!method.equals("none")) {
            throw unusable("token_endpoint_auth_method must be none (public clients only)");
        }
        JsonNode name = root.get("client_name");
        return new Document(name != null && name.isTextual() ? name.asText() : null, redirectUris);
    }

    private static OAuthError unusable(String why) {
        return OAuthError.invalidClient("The client metadata document cannot be used: " + why);
    }
}
