package io.enori.mcp.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.CallerResolver;
import io.enori.mcp.core.EnoriMcp;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * A host backend that embeds Enori MCP beside an endpoint of its own, on its own database.
 *
 * <p>At start it hands its {@code DataSource} to the core, issues an API key for a demo account, creates a
 * website monitor on its own {@code GET /api/health} and checks it once. That endpoint answers from the
 * {@code get_health_summary} tool, called in-process: the host needs no MCP client to use the tools.
 *
 * <p>Flags: {@code --port=N} (default {@value #DEFAULT_PORT}); {@code --stdio} also serves MCP on
 * stdin/stdout to a local agent, as the demo account; {@code --once} does the start-up steps, prints a
 * summary and exits.
 */
public final class HostBackendExample {
    static final int DEFAULT_PORT = 8090;

    /** What start-up did: the demo monitor, its first check's status, and what {@code /api/health} answered. */
    public record Summary(String healthUrl, String monitorId, String firstCheck, String healthJson) {
    }

    private record Running(HttpServer http, EnoriMcp enori, Caller demo, Summary summary) {
    }

    private HostBackendExample() {
    }

    public static void main(String[] args) throws Exception {
        // Taken before anything can print: with --stdio this stream belongs to the MCP protocol alone, and
        // every stray System.out.println (ours or a library's) lands on stderr instead.
        PrintStream stdout = System.out;
        System.setOut(System.err);
        run(args, stdout);
    }

    /** Starts the host; returns at once with {@code --once}, otherwise serves until the process is stopped. */
    static void run(String[] args, PrintStream stdout) throws IOException, InterruptedException {
        List<String> flags = List.of(args);
        boolean stdio = flags.contains("--stdio");
        PrintStream report = stdio ? System.err : stdout;
        if (flags.contains("--once")) {
            report.println(describe(runOnce()));
            return;
        }
        int port = flags.stream().filter(f -> f.startsWith("--port=")).map(f -> Integer.parseInt(f.substring(7)))
                .findFirst().orElse(DEFAULT_PORT);
        Running host = start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> host.http().stop(0)));
        report.println(describe(host.summary()) + "\nServing until Ctrl-C.");
        if (stdio) {
            McpSyncServer mcp = host.enori().serve(
                    new StdioServerTransportProvider(McpJsonDefaults.getMapper(), System.in, stdout),
                    CallerResolver.fixed(host.demo()));
            Runtime.getRuntime().addShutdownHook(new Thread(mcp::closeGracefully));
        }
        // A host has a life of its own, so it runs until stopped (Ctrl-C), not until an MCP client leaves;
        // the standalone stdio launcher is the one that exits when stdin closes.
        Thread.currentThread().join();
    }

    /** Does the start-up steps on a free port, stops the host again and says what happened. */
    public static Summary runOnce() throws IOException, InterruptedException {
        Running host = start(0);
        host.http().stop(0);
        return host.summary();
    }

    private static Running start(int port) throws IOException, InterruptedException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        String baseUrl = "http://127.0.0.1:" + http.getAddress().getPort();

        // --- Embedding Enori MCP: one builder on the host's own DataSource, then tools called in-process ---
        EnoriMcp enori = EnoriMcp.builder()
                .dataSource(DemoSeed.inMemoryDatabase())
                .publicBaseUrl(baseUrl)                     // share links point at this host
                .build();
        // A demo account: an agent key, a read-only key for /api/health, a monitor on /api/health.
        DemoSeed demo = DemoSeed.create(enori, baseUrl + "/api/health");
        // ------------------------------------------------------------------------------------------------

        http.createContext("/api/health", exchange -> health(exchange, enori, demo.service()));
        http.start();

        // Printed once, as a host would show a new key to its user: only its hash is stored.
        System.err.println("Demo API key (all scopes): " + demo.apiKey());
        String firstCheck = demo.checkNow(enori);
        String healthUrl = baseUrl + "/api/health";
        String healthJson = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(healthUrl)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new Running(http, enori, demo.agent(), new Summary(healthUrl, demo.monitorId(), firstCheck, healthJson));
    }

    /** {@code GET /api/health}: the health summary as JSON, or the tool's {@code {"error": …}} with a 503. */
    private static void health(HttpExchange exchange, EnoriMcp enori, Caller service) throws IOException {
        ToolOutcome outcome = enori.call("get_health_summary", service, Map.of());
        byte[] bytes = DemoSeed.JSON.writeValueAsBytes(outcome instanceof ToolOutcome.Ok ok ? ok.content()
                : ((ToolOutcome.Failed) outcome).error().toBody());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(outcome instanceof ToolOutcome.Ok ? 200 : 503, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String describe(Summary s) {
        return "Host backend: " + s.healthUrl() + "\nDemo monitor " + s.monitorId() + ": first check " + s.firstCheck()
                + "\nGET /api/health -> " + s.healthJson();
    }
}
