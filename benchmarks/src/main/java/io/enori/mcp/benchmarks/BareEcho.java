package io.enori.mcp.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The baseline server: the MCP SDK's own HTTP transport on the same Jetty 12 ee10 setup as {@code EnoriHttpServer}
 * (a 200-thread pool, one connector on {@code 127.0.0.1:0}, a {@code ServletContextHandler} at {@code /}, an async
 * servlet at {@code /mcp}) with one {@code echo} tool that returns its argument as text and structured content. No
 * gateway, no auth, no storage; SDK defaults (input validation on, no output schema). Streamable HTTP with sessions,
 * or the SDK's stateless transport.
 */
final class BareEcho implements AutoCloseable {
    private final Server jetty;
    private final AutoCloseable mcp;
    private final URI url;

    private BareEcho(Server jetty, AutoCloseable mcp, URI url) {
        this.jetty = jetty;
        this.mcp = mcp;
        this.url = url;
    }

    static BareEcho start(boolean stateless) throws Exception {
        McpJsonMapper mapper = McpJsonDefaults.getMapper();
        McpSchema.Tool echo = McpSchema.Tool.builder("echo", mapper,
                        "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},\"required\":[\"text\"]}")
                .description("Returns its argument.")
                .build();
        McpSchema.ServerCapabilities capabilities = McpSchema.ServerCapabilities.builder().tools(false).build();
        HttpServlet servlet;
        AutoCloseable mcp;
        if (stateless) {
            HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                    .jsonMapper(mapper)
                    .messageEndpoint("/mcp")
                    .build();
            McpStatelessSyncServer server = McpServer.sync(transport)
                    .serverInfo("bare-echo", "1")
                    .capabilities(capabilities)
                    .tools(new McpStatelessServerFeatures.SyncToolSpecification(echo,
                            (context, request) -> answer(request)))
                    .build();
            servlet = transport;
            mcp = server::closeGracefully;
        } else {
            HttpServletStreamableServerTransportProvider provider = HttpServletStreamableServerTransportProvider.builder()
                    .jsonMapper(mapper)
                    .mcpEndpoint("/mcp")
                    .build();
            McpSyncServer server = McpServer.sync(provider)
                    .serverInfo("bare-echo", "1")
                    .capabilities(capabilities)
                    .tools(new McpServerFeatures.SyncToolSpecification(echo, (exchange, request) -> answer(request)))
                    .build();
            servlet = provider;
            mcp = server::closeGracefully;
        }
        QueuedThreadPool threads = new QueuedThreadPool(200);
        threads.setName("bare-http");
        Server jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/mcp");
        jetty.setHandler(context);
        jetty.start();
        return new BareEcho(jetty, mcp, URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/mcp"));
    }

    private static McpSchema.CallToolResult answer(McpSchema.CallToolRequest request) {
        String text = String.valueOf(request.arguments().get("text"));
        return McpSchema.CallToolResult.builder()
                .addTextContent(text)
                .structuredContent(Map.of("text", text))
                .isError(false)
                .build();
    }

    URI url() {
        return url;
    }

    @Override
    public void close() throws Exception {
        mcp.close();
        jetty.stop();
    }

    /** Load on an echo server at {@code url}; closing it closes {@code owner} (the server, or its process). */
    static Target target(String name, URI url, boolean sessions, AutoCloseable owner) {
        return new Target() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public URI mcpUrl(int client) {
                return url;
            }

            @Override
            public boolean sessions() {
                return sessions;
            }

            @Override
            public Map<String, String> headers(int client) {
                return Map.of();
            }

            @Override
            public ObjectNode callParams(int client, long n) {
                ObjectNode params = LoadGenerator.JSON.createObjectNode().put("name", "echo");
                params.putObject("arguments").put("text", "hello " + client + "/" + n);
                return params;
            }

            @Override
            public String checkResult(JsonNode result, ObjectNode params) {
                String wanted = params.path("arguments").path("text").asText();
                String got = result.path("structuredContent").path("text").asText(null);
                return wanted.equals(got) ? null : "wrong echo in result";
            }

            @Override
            public void close() throws Exception {
                owner.close();
            }
        };
    }
}
