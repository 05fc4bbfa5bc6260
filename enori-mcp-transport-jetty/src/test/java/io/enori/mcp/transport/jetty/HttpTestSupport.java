package io.enori.mcp.transport.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Scope;
import io.enori.mcp.core.EnoriMcp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Shared bits of the HTTP transport tests: fresh databases, a hand-moved clock, an SSE stream reader. */
final class HttpTestSupport {
    private HttpTestSupport() {
    }

    /** A private in-memory H2 database that lives as long as the JVM. */
    static String freshH2Url() {
        return "jdbc:h2:mem:http" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    }

    static EnoriMcp newCore() {
        return EnoriMcp.builder().jdbcUrl(freshH2Url()).build();
    }

    static String allScopesKey(EnoriMcp core, String account) {
        return core.apiKeys().create(account, EnumSet.allOf(Scope.class), "test").plaintext();
    }

    /** No body may carry a Java stack trace or an exception class name. */
    static void assertNoLeaks(List<String> bodies) {
        for (String body : bodies) {
            assertThat(body).as("response body").doesNotContain("at io.").doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    /** A clock the test moves by hand, so a rate-limit window never rolls by itself. */
    static final class ManualClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-11-25T12:00:00Z").toEpochMilli());

        void advance(Duration by) {
            millis.addAndGet(by.toMillis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    /** One server-sent event. */
    record SseEvent(String event, String data) {
    }

    /**
     * An open SSE stream read on a background thread; events queue up for {@link #next}. The status line and
     * headers are available as soon as {@link #open} returns.
     */
    static final class SseStream implements AutoCloseable {
        final HttpResponse<InputStream> response;
        private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
        private final Thread reader;

        private SseStream(HttpResponse<InputStream> response) {
            this.response = response;
            this.reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** Opens the stream and waits at most {@code headersWithin} for the status line and headers. */
        static SseStream open(HttpRequest request, Duration headersWithin) throws Exception {
            HttpResponse<InputStream> response = McpHttp.CLIENT
                    .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .get(headersWithin.toMillis(), TimeUnit.MILLISECONDS);
            return new SseStream(response);
        }

        static SseStream open(URI uri, String apiKey, String sessionId, Duration headersWithin) throws Exception {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET().header("Accept", "text/event-stream");
            if (apiKey != null) {
                builder.header("X-Api-Key", apiKey);
            }
            if (sessionId != null) {
                builder.header("Mcp-Session-Id", sessionId).header("MCP-Protocol-Version", McpHttp.PROTOCOL_VERSION);
            }
            return open(builder.build(), headersWithin);
        }

        private void read() {
            if (response.statusCode() != 200) {
                return;
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String event = "message";
                StringBuilder data = null;
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (data != null) {
                            events.add(new SseEvent(event, data.toString()));
                        }
                        event = "message";
                        data = null;
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        String value = line.substring(5);
                        value = value.startsWith(" ") ? value.substring(1) : value;
                        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    }
                }
            } catch (IOException e) {
                // closed by the test or the server
            }
        }

        /** The next event, or an assertion error after {@code within}. */
        SseEvent next(Duration within) throws InterruptedException {
            SseEvent event = events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("no SSE event within " + within);
            }
            return event;
        }

        /** The next event named {@code name}, skipping others. */
        SseEvent next(String name, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                SseEvent event = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("no '" + name + "' SSE event within " + within);
                }
                if (event.event().equals(name)) {
                    return event;
                }
            }
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException e) {
                // already gone
            }
            reader.interrupt();
        }
    }
}
