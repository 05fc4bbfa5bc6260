package io.enori.mcp.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local RDAP server on 127.0.0.1: {@code GET /domain/<name>} answers what the test registered for that name,
 * and 404 with an RDAP error body for any other.
 */
public final class LocalRdap implements AutoCloseable {

    /** One canned answer. */
    public record Answer(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "local-rdap");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicReference<String> lastAccept = new AtomicReference<>();
    private final AtomicReference<String> lastPath = new AtomicReference<>();
    private volatile int delayMs;

    private LocalRdap(HttpServer server) {
        this.server = server;
    }

    public static LocalRdap start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LocalRdap rdap = new LocalRdap(server);
            server.createContext("/", rdap::handle);
            server.setExecutor(rdap.handlers);
            server.start();
            return rdap;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL to configure, without a trailing slash. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A registration of {@code domain} that expires at {@code expiresAt}, with the usual other events. */
    public void registered(String domain, Instant expiresAt) {
        registeredWithAction(domain, "expiration", expiresAt.toString());
    }

    /** A registration whose expiry event carries {@code action} and {@code date} as given. */
    public void registeredWithAction(String domain, String action, String date) {
        answer(domain, 200, "{\"objectClassName\":\"domain\",\"ldhName\":\"" + domain.toUpperCase() + "\","
                + "\"events\":[{\"eventAction\":\"registration\",\"eventDate\":\"1997-09-15T04:00:00Z\"},"
                + "{\"eventAction\":\"" + action + "\",\"eventDate\":\"" + date + "\"},"
                + "{\"eventAction\":\"last update of RDAP database\",\"eventDate\":\"2026-11-25T09:00:00Z\"}]}");
    }

    /** A record of {@code domain} without an expiration event. */
    public void registeredWithoutExpiry(String domain) {
        answer(domain, 200, "{\"objectClassName\":\"domain\",\"ldhName\":\"" + domain + "\","
                + "\"events\":[{\"eventAction\":\"registration\",\"eventDate\":\"1997-09-15T04:00:00Z\"}]}");
    }

    /** Any answer for {@code domain}. */
    public void answer(String domain, int status, String body) {
        answers.put(domain, new Answer(status, "application/rdap+json", body));
    }

    /** Answers only after {@code millis}. */
    public void slow(int millis) {
        delayMs = millis;
    }

    public int hits() {
        return hits.get();
    }

    /** The Accept header of the last request. */
    public String lastAccept() {
        return lastAccept.get();
    }

    /** The path of the last request. */
    public String lastPath() {
        return lastPath.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        hits.incrementAndGet();
        lastAccept.set(exchange.getRequestHeaders().getFirst("Accept"));
        String path = exchange.getRequestURI().getPath();
        lastPath.set(path);
        if (delayMs > 0) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String name = path.startsWith("/domain/") ? path.substring("/domain/".length()) : "";
        Answer answer = answers.getOrDefault(name, new Answer(404, "application/rdap+json",
                "{\"errorCode\":404,\"title\":\"Not Found\"}"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
