package io.enori.mcp.transport.jetty;

import java.net.URI;

/**
 * The shared client scenario over Streamable HTTP with sessions ({@code /mcp}, {@code Mcp-Session-Id}), through the
 * TypeScript SDK's {@code StreamableHTTPClientTransport} with the {@code X-Api-Key} header.
 */
final class StreamableHttpEndToEndIT extends HttpClientScenario {

    @Override
    protected String transport() {
        return "streamable-http";
    }

    @Override
    protected URI endpoint(EnoriHttpServer server) {
        return server.mcpUrl();
    }

    /** The shared checks plus the raw 429 (Retry-After) check and six session checks (DELETE, then 404). */
    @Override
    protected int minimumChecks() {
        return SHARED_CHECKS + 7;
    }
}
