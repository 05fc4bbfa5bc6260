package io.enori.mcp.transport.jetty;

import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.e2e.ClientScenarioContract;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared client scenario over stateless Streamable HTTP ({@code /mcp} without server-side sessions, as behind a
 * plain load balancer), through the TypeScript SDK's {@code StreamableHTTPClientTransport} with the
 * {@code X-Api-Key} header, against the server started in this JVM on a free port over an H2 file database.
 */
final class StatelessHttpEndToEndIT extends ClientScenarioContract {
    private EnoriHttpServer server;
    private EnoriMcp core;

    @BeforeEach
    void startServer() throws Exception {
        // The default limits, spelled out: the scenario proves call 61 within a minute is the first refused.
        core = EnoriMcp.builder().jdbcUrl(h2Url()).rateLimits(60, 100).build();
        server = EnoriHttpServer.start(core, HttpSettings.defaults().withPort(0).withStateless(true));
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    protected String transport() {
        return "streamable-http-stateless";
    }

    @Override
    protected Keys issueKeys() {
        return Keys.issue(core.apiKeys());
    }

    @Override
    protected Map<String, String> transportEnv(Keys keys) {
        return Map.of("ENORI_E2E_URL", server.mcpUrl().toString());
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
