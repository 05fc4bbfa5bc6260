package io.enori.mcp.transport.jetty;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.spi.Authenticator;
import io.enori.mcp.core.CallerResolver;
import io.enori.mcp.core.EnoriMcp;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Enori core served over HTTP on embedded Jetty: Streamable HTTP (or stateless) at {@code /mcp} and legacy
 * HTTP+SSE at {@code /mcp/sse}, both built from the same tools and data.
 *
 * <pre>{@code
 * EnoriHttpServer server = EnoriHttpServer.start(core, HttpSettings.defaults().withPort(8080));
 * ...
 * server.stop();   // drains in-flight calls first
 * }</pre>
 */
public final class EnoriHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnoriHttpServer.class);
    private static final int MAX_THREADS = 200;

    private final Server jetty;
    private final HttpSettings settings;
    private final Mounted mounted;

    private EnoriHttpServer(Server jetty, HttpSettings settings, Mounted mounted) {
        this.jetty = jetty;
        this.settings = settings;
        this.mounted = mounted;
    }

    /**
     * The MCP endpoints mounted in a servlet context: stop them (draining in-flight calls) before stopping the
     * server that hosts them.
     */
    public static final class Mounted {
        private final McpGatewayFilter gateway;
        private final List<AutoCloseable> mcpServers;
        private final HttpSettings settings;

        private Mounted(McpGatewayFilter gateway, List<AutoCloseable> mcpServers, HttpSettings settings) {
            this.gateway = gateway;
            this.mcpServers = mcpServers;
            this.settings = settings;
        }

        /**
         * Refuses new MCP requests (503), waits up to the drain timeout for in-flight calls, then closes the MCP
         * sessions and streams.
         */
        public void drainAndClose() throws InterruptedException {
            gateway.startDraining();
            long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
            while (gateway.inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (gateway.inFlight() > 0) {
                LOG.warn("stopping with {} calls still in flight after {}", gateway.inFlight(), settings.drainTimeout());
            }
            for (AutoCloseable server : mcpServers) {
                try {
                    server.close();
                } catch (Exception e) {
                    LOG.debug("closing an MCP server", e);
                }
            }
        }
    }

    /** Mounts the MCP endpoints on a fresh Jetty and starts it. */
    public static EnoriHttpServer start(EnoriMcp core, HttpSettings settings) throws Exception {
        return start(core, settings, null);
    }

    /**
     * Like {@link #start(EnoriMcp, HttpSettings)}, with the host's own login deciding who signs in at
     * {@code /oauth/authorize} ({@code null}: the built-in sign-in page for the core's login users).
     */
    public static EnoriHttpServer start(EnoriMcp core, HttpSettings settings, Authenticator authenticator)
            throws Exception {
        Objects.requireNonNull(core, "core");
        Objects.requireNonNull(settings, "settings");
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS);
        threads.setName("enori-http");
        Server jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        Mounted mounted = mount(context, core, settings, authenticator);
        jetty.setHandler(context);
        jetty.setErrorHandler(new JsonErrorHandler());
        jetty.start();
        EnoriHttpServer server = new EnoriHttpServer(jetty, settings, mounted);
        LOG.info("Enori MCP {} serving {} (Streamable HTTP{}) and {} (SSE)", EnoriMcp.VERSION, server.mcpUrl(),
                settings.stateless() ? ", stateless" : "", server.sseUrl());
        return server;
    }

    /**
     * Adds the MCP endpoints ({@code /mcp}, {@code /mcp/sse}, {@code /mcp/message}) with their gateway (auth,
     * Origin, size, rate limit), job heartbeats at {@code /ping/{token}} and the OTLP/HTTP JSON trace receiver at
     * {@code /v1/traces}, and the OAuth endpoints ({@code /.well-known/oauth-*}, {@code /oauth/*}), to a host's own servlet context, beside the host's servlets. The context's
     * error pages become JSON. Call before the host starts its server.
     */
    public static Mounted mount(ServletContextHandler context, EnoriMcp core, HttpSettings settings) {
        return mount(context, core, settings, null);
    }

    /** Like {@link #mount(ServletContextHandler, EnoriMcp, HttpSettings)}, with the host's login for OAuth sign-in. */
    public static Mounted mount(ServletContextHandler context, EnoriMcp core, HttpSettings settings,
                                Authenticator authenticator) {
        List<AutoCloseable> started = new ArrayList<>();
        context.setErrorHandler(new JsonErrorHandler());
        McpGatewayFilter gateway = new McpGatewayFilter(core, settings);
        // "/mcp/*" also matches "/mcp" itself; mapping both would run the gateway (and count a call) twice.
        context.addFilter(new FilterHolder(gateway), HttpSettings.MCP_PATH + "/*", EnumSet.of(DispatcherType.REQUEST));
        McpJsonMapper mapper = SafeJsonMapper.create();
        McpTransportContextExtractor<HttpServletRequest> extractor = EnoriHttpServer::transportContext;
        if (settings.stateless()) {
            HttpServletStatelessServerTransport stateless = HttpServletStatelessServerTransport.builder()
                    .jsonMapper(mapper)
                    .messageEndpoint(HttpSettings.MCP_PATH)
                    .contextExtractor(extractor)
                    .maxRequestSize(settings.maxRequestBytes())
                    .build();
            McpStatelessSyncServer server = core.serveStateless(stateless, CallerResolver.fromContext());
            started.add(server::closeGracefully);
            addServlet(context, stateless, HttpSettings.MCP_PATH);
        } else {
            HttpServletStreamableServerTransportProvider streamable = HttpServletStreamableServerTransportProvider.builder()
                    .jsonMapper(mapper)
                    .mcpEndpoint(HttpSettings.MCP_PATH)
                    .contextExtractor(extractor)
                    .keepAliveInterval(settings.keepAlive())
                    .sessionSweepInterval(settings.sessionIdle())
                    .maxRequestSize(settings.maxRequestBytes())
                    .build();
            McpSyncServer server = core.serve(streamable, CallerResolver.fromContext());
            started.add(server::closeGracefully);
            addServlet(context, streamable, HttpSettings.MCP_PATH);
        }
        HttpServletSseServerTransportProvider sse = HttpServletSseServerTransportProvider.builder()
                .jsonMapper(mapper)
                .sseEndpoint(HttpSettings.SSE_PATH)
                .messageEndpoint(HttpSettings.SSE_MESSAGE_PATH)
                .contextExtractor(extractor)
                .keepAliveInterval(settings.keepAlive())
                .maxRequestSize(settings.maxRequestBytes())
                .build();
        McpSyncServer sseServer = core.serve(sse, CallerResolver.fromContext());
        started.add(sseServer::closeGracefully);
        addServlet(context, sse, HttpSettings.SSE_PATH);
        addServlet(context, sse, HttpSettings.SSE_MESSAGE_PATH);
        // Heartbeats bypass the gateway: the token in the URL is the credential.
        addServlet(context, new PingServlet(core.jobHeartbeats(), settings.maxRequestBytes(),
                core.newRateLimiter(PingServlet.PINGS_PER_MINUTE)), PingServlet.PATH + "/*");
        // OTLP/HTTP trace receiver: authenticates itself (it is not MCP, so not behind the gateway).
        context.addServlet(new ServletHolder(new OtlpTracesServlet(core, settings)), OtlpTracesServlet.PATH);
        // OAuth: metadata documents, registration, token endpoint, sign-in and consent pages (not MCP: no gateway).
        OAuthHttp.mount(context, core, authenticator);
        return new Mounted(gateway, started, settings);
    }

    private static void addServlet(ServletContextHandler context, HttpServlet servlet, String path) {
        ServletHolder holder = new ServletHolder(servlet);
        // Without async support initialize works and every later request fails with 500.
        holder.setAsyncSupported(true);
        context.addServlet(holder, path);
    }

    /** What the SDK hands each tool call: the caller the gateway authenticated, and whether it was admitted. */
    private static McpTransportContext transportContext(HttpServletRequest request) {
        Map<String, Object> values = new HashMap<>();
        Object caller = request.getAttribute(McpGatewayFilter.CALLER_ATTRIBUTE);
        values.put(CallerResolver.CONTEXT_KEY, caller instanceof Caller ? caller
                : Caller.unauthenticated("no credentials were presented"));
        values.put(CallerResolver.RATE_LIMITED_KEY,
                Boolean.TRUE.equals(request.getAttribute(McpGatewayFilter.ADMITTED_ATTRIBUTE)));
        return McpTransportContext.create(values);
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    public URI mcpUrl() {
        return URI.create("http://" + hostForUrl() + ":" + port() + HttpSettings.MCP_PATH);
    }

    public URI sseUrl() {
        return URI.create("http://" + hostForUrl() + ":" + port() + HttpSettings.SSE_PATH);
    }

    private String hostForUrl() {
        String host = settings.host();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /**
     * Graceful stop: refuse new requests (503), wait up to the drain timeout for in-flight calls, close the MCP
     * sessions and streams, then stop Jetty.
     */
    public void stop() throws Exception {
        mounted.drainAndClose();
        jetty.stop();
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
