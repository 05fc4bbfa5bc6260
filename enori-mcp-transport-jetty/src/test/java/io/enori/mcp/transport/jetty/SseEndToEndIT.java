package io.enori.mcp.transport.jetty;

import java.net.URI;

/**
 * The shared client scenario over legacy HTTP+SSE ({@code /mcp/sse} and its message endpoint), through the
 * TypeScript SDK's {@code SSEClientTransport} with the {@code X-Api-Key} header.
 */
final class SseEndToEndIT extends HttpClientScenario {

    @Override
    protected String transport() {
        return "sse";
    }

    @Override
    protected URI endpoint(EnoriHttpServer server) {
        return server.sseUrl();
    }

    /** The shared checks plus the raw 429 (Retry-After) check. */
    @Override
    protected int minimumChecks() {
        return SHARED_CHECKS + 1;
    }
}
