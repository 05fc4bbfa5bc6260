package io.enori.mcp.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A real HTTP server on 127.0.0.1 whose answer a test switches between healthy and failing. */
public final class LocalSite implements AutoCloseable {
    public static final String HEALTHY_BODY = "<html>all systems operational</html>";
    public static final String KEYWORD = "operational";

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "local-site");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> body = new AtomicReference<>(HEALTHY_BODY);
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger delayMs = new AtomicInteger();
    private boolean stopped;

    private LocalSite(HttpServer server) {
        this.server = server;
    }

    public static LocalSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LocalSite site = new LocalSite(server);
            server.createContext("/", site::handle);
            // Requests are served concurrently, so a slow answer does not queue the next one.
            server.setExecutor(site.handlers);
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        hits.incrementAndGet();
        int delay = delayMs.get();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status.get(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
    }

    /** 200 with the keyword in the body. */
    public void healthy() {
        status.set(200);
        body.set(HEALTHY_BODY);
    }

    /** 503 with a maintenance page. */
    public void unavailable() {
        status.set(503);
        body.set("down for maintenance");
    }

    /** Answers only after {@code millis}. */
    public void slow(int millis) {
        delayMs.set(millis);
    }

    public int hits() {
        return hits.get();
    }

    public void stop() {
        if (!stopped) {
            stopped = true;
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** A port on 127.0.0.1 that nothing listens on (bound, then released). */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
