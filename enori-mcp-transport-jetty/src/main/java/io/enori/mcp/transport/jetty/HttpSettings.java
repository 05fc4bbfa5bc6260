package io.enori.mcp.transport.jetty;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the HTTP transport listens and what it lets in.
 *
 * @param allowedOrigins browser origins allowed to call (exact, e.g. {@code https://claude.ai}); requests
 *                       without {@code Origin} (non-browser clients) are always allowed, loopback origins too
 * @param sessionIdle    how long a Streamable HTTP session may sit without an open stream before it is swept
 * @param drainTimeout   how long a stop waits for in-flight calls to finish
 */
public record HttpSettings(String host, int port, boolean stateless, List<String> allowedOrigins, int maxRequestBytes,
                           Duration sessionIdle, Duration keepAlive, Duration drainTimeout) {

    public static final String MCP_PATH = "/mcp";
    public static final String SSE_PATH = "/mcp/sse";
    public static final String SSE_MESSAGE_PATH = "/mcp/message";
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535 (0 = any free port)");
        }
        allowedOrigins = List.copyOf(allowedOrigins);
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 1024");
        }
        Objects.requireNonNull(sessionIdle, "sessionIdle");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
    }

    /** Loopback on 8080, sessions on, no foreign origins, 1 MiB bodies. */
    public static HttpSettings defaults() {
        return new HttpSettings("127.0.0.1", 8080, false, List.of(), DEFAULT_MAX_REQUEST_BYTES,
                Duration.ofMinutes(30), Duration.ofSeconds(30), Duration.ofSeconds(20));
    }

    public HttpSettings withPort(int newPort) {
        return new HttpSettings(host, newPort, stateless, allowedOrigins, maxRequestBytes, sessionIdle, keepAlive,
                drainTimeout);
    }

    public HttpSettings withHost(String newHost) {
        return new HttpSettings(newHost, port, stateless, allowedOrigins, maxRequestBytes, sessionIdle, keepAlive,
                drainTimeout);
    }

    public HttpSettings withStateless(boolean newStateless) {
        return new HttpSettings(host, port, newStateless, allowedOrigins, maxRequestBytes, sessionIdle, keepAlive,
                drainTimeout);
    }

    public HttpSettings withAllowedOrigins(List<String> origins) {
        return new HttpSettings(host, port, stateless, origins, maxRequestBytes, sessionIdle, keepAlive, drainTimeout);
    }

    public HttpSettings withMaxRequestBytes(int bytes) {
        return new HttpSettings(host, port, stateless, allowedOrigins, bytes, sessionIdle, keepAlive, drainTimeout);
    }

    public HttpSettings withSessionIdle(Duration idle) {
        return new HttpSettings(host, port, stateless, allowedOrigins, maxRequestBytes, idle, keepAlive, drainTimeout);
    }

    /**
     * DNS-rebinding protection: a browser page may only call us from a configured origin or from loopback
     * (a local tool's own UI). Non-browser clients send no Origin and are not affected.
     */
    boolean originAllowed(String origin) {
        if (allowedOrigins.contains(origin) || allowedOrigins.contains("*")) {
            return true;
        }
        String lower = origin.toLowerCase(Locale.ROOT);
        return lower.matches("https?://(localhost|127\\.0\\.0\\.1|\\[::1])(:\\d+)?");
    }
}
