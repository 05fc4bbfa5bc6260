package io.enori.mcp.transport.jetty;

import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.e2e.ClientScenarioContract;
import io.enori.mcp.core.e2e.IncidentStory;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared client scenario against an HTTP server started in this JVM on a free port over an H2 file database;
 * subclasses say which transport and endpoint the TypeScript client uses.
 */
abstract class HttpClientScenario extends ClientScenarioContract {
    private EnoriHttpServer server;
    private EnoriMcp core;

    /** The server's settings for this transport (stateless or not). */
    protected HttpSettings settings() {
        return HttpSettings.defaults().withPort(0);
    }

    /** Where the client connects: {@code /mcp} or {@code /mcp/sse}. */
    protected abstract URI endpoint(EnoriHttpServer server);

    @BeforeEach
    void startServer() throws Exception {
        // The default limits, spelled out: the scenario proves call 61 within a minute is the first refused.
        core = EnoriMcp.builder().jdbcUrl(h2Url()).rateLimits(60, 100).build();
        server = EnoriHttpServer.start(core, settings());
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    protected Keys issueKeys() {
        return Keys.issue(core.apiKeys());
    }

    @Override
    protected void prepareStory(IncidentStory story) throws Exception {
        story.prepare(core);
    }

    @Override
    protected Map<String, String> transportEnv(Keys keys) {
        return Map.of("ENORI_E2E_URL", endpoint(server).toString());
    }
}
