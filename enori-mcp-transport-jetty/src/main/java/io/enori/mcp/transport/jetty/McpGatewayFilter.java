package io.enori.mcp.transport.jetty;

import com.fasterxml.jackson.databind.JsonNode;
import io.enori.mcp.api.Caller;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.JsonRpcScreen;
import io.enori.mcp.core.ratelimit.RateLimiter;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything an MCP request must pass before the SDK servlet sees it, in this order: shutdown (503), Origin
 * (403), an unsupported {@code MCP-Protocol-Version} (400), an access token in the URL (400), bearer token or API key (401), body size (413), a message the SDK could not answer properly ({@link JsonRpcScreen}: 400 with a JSON-RPC error), rate limit on
 * {@code tools/call} (429 with Retry-After). The caller is left as a request attribute for the SDK's context
 * extractor; nothing servlet-shaped reaches the core.
 */
final class McpGatewayFilter extends HttpFilter {
    private static final org.slf4j.Logger LOG_LIMIT = org.slf4j.LoggerFactory.getLogger(McpGatewayFilter.class);
    static final String CALLER_ATTRIBUTE = "enori.caller";
    static final String ADMITTED_ATTRIBUTE = "enori.rateLimited";
    /** Revisions the SDK's transports negotiate; a client that names another one gets 400, as the spec says. */
    static final java.util.List<String> PROTOCOL_VERSIONS = java.util.List.of("2024-11-05", "2025-03-26", "2025-06-18",
            "2025-11-25");

    private final EnoriMcp core;
    private final HttpSettings settings;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();

    McpGatewayFilter(EnoriMcp core, HttpSettings settings) {
        this.core = core;
        this.settings = settings;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (draining.get()) {
            closeIfBodyUnread(request, response);
            response.setHeader("Retry-After", "5");
            JsonResponses.error(response, 503, "Server is shutting down", "hint", "Retry on another node or shortly.");
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !settings.originAllowed(origin)) {
            closeIfBodyUnread(request, response);
            JsonResponses.error(response, 403, "Forbidden origin", "origin", origin,
                    "hint", "Add it with --allowed-origins (ENORI_ALLOWED_ORIGINS) if this page should reach the server.");
            return;
        }
        String version = request.getHeader("MCP-Protocol-Version");
        if (version != null && !PROTOCOL_VERSIONS.contains(version.strip())) {
            closeIfBodyUnread(request, response);
            JsonResponses.jsonRpcError(response, 400, -32600, "Unsupported MCP-Protocol-Version '" + version
                    + "'; supported: " + String.join(", ", PROTOCOL_VERSIONS));
            return;
        }
        if (request.getQueryString() != null && OAuthHttp.parsePairs(request.getQueryString())
                .containsKey("access_token")) {
            // RFC 6750 §2.3 is not offered: a token in a URL ends up in logs and Referer headers.
            closeIfBodyUnread(request, response);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_request\", error_description=\""
                    + "Send the access token in the Authorization header, not the URL\", resource_metadata=\""
                    + resourceMetadata(request) + "\"");
            JsonResponses.error(response, 400, "Access token in the URL",
                    "hint", "Send it as 'Authorization: Bearer <token>'; tokens in query strings are refused.");
            return;
        }
        Caller caller = authenticate(request, response);
        if (caller == null) {
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller);
        HttpServletRequest forwarded = request;
        if ("POST".equals(request.getMethod())) {
            byte[] body = RequestBodies.readCapped(request, settings.maxRequestBytes());
            if (body == null) {
                // The rest of the body stays unread, so the connection cannot be reused; say so.
                response.setHeader("Connection", "close");
                JsonResponses.error(response, 413, "Request body too large", "limitBytes", settings.maxRequestBytes());
                return;
            }
            JsonRpcScreen.Verdict verdict = JsonRpcScreen.screen(body);
            if (verdict instanceof JsonRpcScreen.Verdict.Refused refused) {
                // Parse errors, deep nesting, shapes the SDK would answer with a 500 or cannot read at all.
                JsonResponses.refused(response, refused);
                return;
            }
            JsonNode message = ((JsonRpcScreen.Verdict.Accepted) verdict).message();
            if ("tools/call".equals(message.path("method").asText())) {
                RateLimiter.Decision decision;
                try {
                    decision = core.admit(caller);
                } catch (io.enori.mcp.api.EnoriMcpException e) {
                    // Cluster mode counts in PostgreSQL: a database outage is a 503 to retry, not a 500.
                    LOG_LIMIT.warn("rate limit unavailable: {}", e.getMessage());
                    response.setHeader("Retry-After", "1");
                    JsonResponses.error(response, 503, "Rate limit unavailable, try again shortly",
                            "retryAfterSeconds", 1);
                    return;
                }
                if (decision instanceof RateLimiter.Decision.Rejected rejected) {
                    response.setHeader("Retry-After", Long.toString(rejected.retryAfterSeconds()));
                    JsonResponses.error(response, 429, "Rate limit exceeded", "retryAfterSeconds",
                            rejected.retryAfterSeconds(), "limit", rejected.limit(), "remaining", 0);
                    return;
                }
                request.setAttribute(ADMITTED_ATTRIBUTE, Boolean.TRUE);
            }
            forwarded = new CachedBodyRequest(request, body);
        }
        track(forwarded, response, chain);
    }

    /**
     * The caller of a request with an {@code Authorization: Bearer} token (OAuth) or an {@code X-Api-Key}, or null
     * once a 401 has been written: without credentials it names the protected resource metadata (RFC 9728), with a
     * bad token it says {@code invalid_token} (RFC 6750).
     */
    private Caller authenticate(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String authorization = request.getHeader("Authorization");
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
        if (bearer != null && !bearer.isEmpty()) {
            Caller caller = core.oauth().authenticate(bearer);
            if (caller.isAuthenticated()) {
                return caller;
            }
            String problem = caller.authProblemText().orElse("The access token is invalid");
            closeIfBodyUnread(request, response);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\""
                    + quoted(problem) + "\", resource_metadata=\"" + resourceMetadata(request) + "\"");
            JsonResponses.error(response, 401, "Invalid access token", "detail", problem,
                    "hint", "Refresh the token or sign in again.");
            return null;
        }
        String key = request.getHeader("X-Api-Key");
        if (key == null || key.isBlank()) {
            closeIfBodyUnread(request, response);
            response.setHeader("WWW-Authenticate", "Bearer resource_metadata=\"" + resourceMetadata(request) + "\"");
            JsonResponses.error(response, 401, "Authentication required",
                    "missing", "Authorization: Bearer token or X-Api-Key header",
                    "hint", "Sign in with OAuth (see WWW-Authenticate) or send an Enori API key in the X-Api-Key "
                            + "header; create one with 'keys create'.");
            return null;
        }
        Caller caller = core.apiKeys().authenticate(key);
        if (!caller.isAuthenticated()) {
            closeIfBodyUnread(request, response);
            JsonResponses.error(response, 401, "Invalid API key", "detail", caller.authProblem());
            return null;
        }
        return caller;
    }

    private String resourceMetadata(HttpServletRequest request) {
        return OAuthHttp.resourceMetadataUrl(core.oauth());
    }

    /** A header quoted-string: printable ASCII only, quotes and backslashes escaped. */
    private static String quoted(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", " ").replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * A request rejected before its body is read leaves that body on the connection; Jetty then closes it after the
     * response, and a client that pooled the connection would send its next request into a closed socket. Saying
     * {@code Connection: close} up front makes the client open a new one instead.
     */
    private static void closeIfBodyUnread(HttpServletRequest request, HttpServletResponse response) {
        if ("POST".equals(request.getMethod()) && request.getContentLengthLong() != 0) {
            response.setHeader("Connection", "close");
        }
    }

    /** Counts in-flight requests (async ones until they complete) so a stop can wait for them. */
    private void track(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean isPost = "POST".equals(request.getMethod());
        if (isPost) {
            inFlight.incrementAndGet();
        }
        boolean async = false;
        try {
            chain.doFilter(request, response);
            async = request.isAsyncStarted();
            if (async && isPost) {
                request.getAsyncContext().addListener(new Done());
            }
            if (async && "GET".equals(request.getMethod())) {
                // The SDK writes nothing on a new SSE stream until its first event; clients wait for headers.
                response.flushBuffer();
            }
        } finally {
            if (isPost && !async) {
                inFlight.decrementAndGet();
            }
        }
    }

    /** Stops admitting requests; in-flight ones go on. */
    void startDraining() {
        draining.set(true);
    }

    int inFlight() {
        return inFlight.get();
    }

    private final class Done implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            inFlight.decrementAndGet();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
