package io.enori.mcp.transport.jetty;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small web app instrumented with the OpenTelemetry SDK, as a monitored service would be: each request
 * continues the caller's W3C trace context with a SERVER span and a child INTERNAL {@code db.query} span, and the
 * SDK's own OTLP/HTTP exporter (JSON encoding) sends them to the receiver under test.
 */
final class InstrumentedApp implements AutoCloseable {
    static final String SERVICE = "shop-api";
    static final String LONG_STATEMENT = "SELECT * FROM orders WHERE id IN (" + "?, ".repeat(99) + "?)";

    private static final TextMapGetter<HttpExchange> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpExchange exchange) {
            return exchange.getRequestHeaders().keySet();
        }

        @Override
        public String get(HttpExchange exchange, String key) {
            return exchange == null ? null : exchange.getRequestHeaders().getFirst(key);
        }
    };

    private final HttpServer server;
    private final SdkTracerProvider tracing;
    private final Tracer tracer;
    /** Every traceparent the app received, in order. */
    final List<String> traceparents = new CopyOnWriteArrayList<>();
    private final AtomicInteger handled = new AtomicInteger();

    InstrumentedApp(URI tracesEndpoint, String apiKey) throws IOException {
        OtlpHttpSpanExporter exporter = jsonExporter(OtlpHttpSpanExporter.builder()
                .setEndpoint(tracesEndpoint.toString())
                .addHeader("X-Api-Key", apiKey));
        tracing = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        AttributeKey.stringKey("service.name"), SERVICE))))
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
        tracer = tracing.get("shop");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * The Java SDK's public builder speaks protobuf only; its exporter also encodes OTLP JSON (used by declarative
     * configuration's {@code encoding: json}), switched on the builder's internal delegate. Same exporter, same
     * sender, JSON body.
     */
    private static OtlpHttpSpanExporter jsonExporter(OtlpHttpSpanExporterBuilder builder) {
        try {
            Field delegate = OtlpHttpSpanExporterBuilder.class.getDeclaredField("delegate");
            delegate.setAccessible(true);
            ((io.opentelemetry.exporter.otlp.internal.HttpExporterBuilder) delegate.get(builder)).exportAsJson();
            return builder.build();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this OpenTelemetry version hides its JSON switch elsewhere", e);
        }
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
        traceparents.add(traceparent == null ? "" : traceparent);
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), exchange, HEADERS);
        Span request = tracer.spanBuilder("GET " + exchange.getRequestURI().getPath()).setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", "GET")
                .setAttribute("url.path", exchange.getRequestURI().getPath())
                .startSpan();
        int status = exchange.getRequestURI().getPath().startsWith("/broken") ? 500 : 200;
        try (Scope ignored = request.makeCurrent()) {
            Span query = tracer.spanBuilder("db.query").setSpanKind(SpanKind.INTERNAL)
                    .setAttribute("db.system", "postgresql")
                    .setAttribute("db.statement", LONG_STATEMENT)
                    .setAttribute(AttributeKey.longKey("db.rows"), 3L)
                    .startSpan();
            query.addEvent("rows.fetched", Attributes.of(AttributeKey.longKey("count"), 3L));
            if (status == 500) {
                query.setStatus(StatusCode.ERROR, "connection reset");
            }
            query.end();
            byte[] body = (status == 200 ? "ok" : "broken").getBytes(StandardCharsets.UTF_8);
            request.setAttribute(AttributeKey.longKey("http.response.status_code"), (long) status);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            request.end();
            handled.incrementAndGet();
        }
    }

    /**
     * Waits until every request's spans have ended (the SERVER span ends after the response went out, so after
     * the check may already have its answer) and were exported.
     */
    void flush() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handled.get() < traceparents.size() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        tracing.forceFlush().join(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
        tracing.shutdown().join(10, TimeUnit.SECONDS);
    }
}
