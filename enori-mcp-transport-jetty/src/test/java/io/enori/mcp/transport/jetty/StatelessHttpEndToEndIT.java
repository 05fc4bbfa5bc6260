package io.enori.mcp.transport.jetty;

import java.net.URI;

/**
 * The shared client scenario over stateless Streamable HTTP ({@code /mcp} without server-side sessions, as behind a
 * plain load balancer), through the TypeScript SDK's {@code StreamableHTTPClientTransport} with {@code X-Api-Key}.
 */
final class StatelessHttpEndToEndIT extends HttpClientScenario {

    @Override
    protected HttpSettings settings() {
        return super.settings().withStateless(true);
    }

    @Override
    protected String transport() {
        return "streamable-http-stateless";
    }

    @Override
    protected URI endpoint(EnoriHttpServer server) {
        return server.mcpUrl();
    }

    /**
     * The shared checks plus the raw 429 (Retry-After) check and two stateless checks (no session id is issued; a
     * bare tools/call is served).
     */
    @Override
    protected int minimumChecks() {
        return SHARED_CHECKS + 3;
    }
}
