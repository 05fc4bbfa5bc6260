package io.enori.mcp.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.transport.jetty.EnoriHttpServer;
import io.enori.mcp.transport.jetty.HttpSettings;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A host backend with its own Jetty server that serves Enori MCP over HTTP beside its own endpoints.
 *
 * <p>The host owns everything around the core: the database, the Jetty server and one servlet context with
 * its own {@code GET /} and {@code GET /health}. {@link EnoriHttpServer#mount} adds {@code /mcp} (Streamable
 * HTTP), {@code /mcp/sse} and {@code /mcp/message} (legacy SSE) to that context behind Enori's gateway (API
 * key, Origin, body size, rate limit); the host's own paths stay outside it.
 *
 * <p>Flags: {@code --port=N} (default {@value #DEFAULT_PORT}; any free port with {@code --once});
 * {@code --once} starts, checks itself over HTTP ({@link SelfCheck}), prints what it saw and stops.
 */
public final class JettyHostExample {
    static final int DEFAULT_PORT = 8091;

    private record Running(Server jetty, EnoriHttpServer.Mounted mcp, String baseUrl, DemoSeed demo) {
        /** MCP first: it refuses new calls and lets in-flight ones finish while Jetty can still answer them. */
        void stop() throws Exception {
            mcp.drainAndClose();
            jetty.stop();
        }
    }

    private JettyHostExample() {
    }

    public static void main(String[] args) throws Exception {
        List<String> flags = List.of(args);
        OptionalInt port = flags.stream().filter(f -> f.startsWith("--port="))
                .mapToInt(f -> Integer.parseInt(f.substring(7))).findFirst();
        if (!flags.contains("--once")) {
            Running host = start(port.orElse(DEFAULT_PORT));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    host.stop();
                    System.err.println("Stopped: MCP calls drained, then Jetty.");
                } catch (Exception e) {
                    System.err.println("Stopping: " + e);
                }
            }));
            System.out.println("Serving until Ctrl-C.");
            host.jetty().join();
            return;
        }
        // --once exits explicitly: the MCP SDK's Streamable HTTP transport (2.1.0) leaves a non-daemon
        // session-sweeper thread behind after it is closed, and that alone would keep the JVM up.
        try {
            SelfCheck check = runOnce(port.orElse(0));
            System.out.println(check.summary());
            System.exit(check.passed() ? 0 : 1);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Starts (port 0: any free one), checks itself over HTTP as an outside client would, drains and stops. */
    public static SelfCheck runOnce(int port) throws Exception {
        Running host = start(port);
        try {
            return SelfCheck.run(host.baseUrl(), host.demo().apiKey(), host.demo().monitorId());
        } finally {
            host.stop();
        }
    }

    private static Running start(int port) throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        jetty.addConnector(connector);
        connector.open();   // bound before start, so the URLs below carry the real port even when it is 0
        String baseUrl = "http://127.0.0.1:" + connector.getLocalPort();

        // --- Embedding Enori MCP over HTTP: the host's DataSource in, the host's servlet context out ---
        EnoriMcp enori = EnoriMcp.builder()
                .dataSource(DemoSeed.inMemoryDatabase())    // a real host passes its connection pool
                .publicBaseUrl(baseUrl)                     // share links point at this host
                .build();
        DemoSeed demo = DemoSeed.create(enori, baseUrl + "/health");
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new Home()), "");      // "" maps the context root exactly
        context.addServlet(new ServletHolder(new Health(enori, demo.service())), "/health");
        // Only the gateway's settings count here (origins, body cap, drain time); host and port are the
        // connector's business, since the host owns the server.
        EnoriHttpServer.Mounted mcp = EnoriHttpServer.mount(context, enori, HttpSettings.defaults());
        jetty.setHandler(context);
        jetty.start();
        // ------------------------------------------------------------------------------------------------

        // The key, and the config that carries it, go to stderr once: only the key's hash is stored.
        ObjectNode enoriServer = DemoSeed.JSON.createObjectNode().put("type", "http").put("url", baseUrl + "/mcp");
        enoriServer.putObject("headers").put("X-Api-Key", demo.apiKey());
        ObjectNode claudeCode = DemoSeed.JSON.createObjectNode();
        claudeCode.putObject("mcpServers").set("enori", enoriServer);
        System.err.println("Demo API key (all scopes): " + demo.apiKey() + "\nClaude Code config (.mcp.json):\n"
                + claudeCode.toPrettyString());
        System.out.printf("Host backend: %1$s/ and %1$s/health%nEnori MCP: %1$s/mcp (Streamable HTTP), "
                + "%1$s/mcp/sse (SSE)%n", baseUrl);
        demo.checkNow(enori);   // the first check is a real request to our own /health
        return new Running(jetty, mcp, baseUrl, demo);
    }

    /** {@code GET /}: what this host is. */
    private static final class Home extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().println("Host backend with Enori MCP embedded: GET /health; MCP at /mcp (X-Api-Key).");
        }
    }

    /**
     * {@code GET /health}: the host's own liveness, with a figure read from Enori in-process (no MCP client, no
     * key on the request) under the host's read-only service key.
     */
    private static final class Health extends HttpServlet {
        private final EnoriMcp enori;
        private final Caller service;

        Health(EnoriMcp enori, Caller service) {
            this.enori = enori;
            this.service = service;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            ToolOutcome outcome = enori.call("get_health_summary", service, Map.of());
            response.setContentType("application/json");
            if (outcome instanceof ToolOutcome.Failed failed) {
                response.setStatus(503);   // e.g. the service key's own rate limit: say so, never a false "ok"
                DemoSeed.JSON.writeValue(response.getOutputStream(), failed.error().toBody());
                return;
            }
            int monitors = 0;
            for (JsonNode count : DemoSeed.data(outcome).path("totals")) {   // totals: the list may be truncated
                monitors += count.asInt();
            }
            DemoSeed.JSON.writeValue(response.getOutputStream(),
                    DemoSeed.JSON.createObjectNode().put("status", "ok").put("monitors", monitors));
        }
    }
}
