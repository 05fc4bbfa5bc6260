package io.enori.mcp.core.checks;

import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.spi.CheckOutcome;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Website monitors: an HTTP GET judged by status code and, optionally, a keyword in the body. */
final class WebsiteChecker {

    static final int MAX_BODY_BYTES = 1 << 20;
    static final String USER_AGENT = "EnoriMonitor/1.0";

    private static final Logger LOG = LoggerFactory.getLogger(WebsiteChecker.class);

    private final HttpClient client;

    WebsiteChecker(SSLContext sslContext) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                // HTTP/1.1 as other uptime monitors use it: a cleartext h2c upgrade offer trips some servers.
                .version(HttpClient.Version.HTTP_1_1);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.client = builder.build();
    }

    CheckOutcome check(MonitorTarget.Website target, Duration timeout) {
        long start = System.nanoTime();
        URI uri = parse(target.url());
        if (uri == null) {
            return CheckOutcome.down(0, "invalid URL " + target.url());
        }
        TraceParent trace = TraceParent.random();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header(TraceParent.HEADER, trace.header())
                .GET()
                .build();
        return check(target, timeout, uri, request, start).withTraceId(trace.traceId());
    }

    private CheckOutcome check(MonitorTarget.Website target, Duration timeout, URI uri, HttpRequest request,
                               long start) {
        long timeoutMs = timeout.toMillis();
        CompletableFuture<HttpResponse<byte[]>> response =
                client.sendAsync(request, info -> new BoundedBody(MAX_BODY_BYTES));
        try {
            // The request timeout stops at the headers; this wait also bounds a body that trickles in.
            long remainingNanos = start + timeout.toNanos() - System.nanoTime();
            return judge(target, response.get(remainingNanos, TimeUnit.NANOSECONDS), Reasons.elapsedMs(start));
        } catch (TimeoutException e) {
            response.cancel(true);
            return CheckOutcome.down(Reasons.elapsedMs(start), Reasons.timedOut(timeoutMs));
        } catch (ExecutionException e) {
            LOG.debug("GET {} failed", uri, e.getCause());
            return CheckOutcome.down(Reasons.elapsedMs(start), failure(e.getCause(), uri, start, timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.cancel(true);
            return CheckOutcome.down(Reasons.elapsedMs(start), "check interrupted");
        }
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static CheckOutcome judge(MonitorTarget.Website target, HttpResponse<byte[]> response, int elapsedMs) {
        int status = response.statusCode();
        Instant sslExpiresAt = response.sslSession().flatMap(WebsiteChecker::notAfter).orElse(null);
        String keyword = target.keyword();
        Boolean matched = keyword == null || keyword.isEmpty() ? null : text(response).contains(keyword);
        String error = null;
        if (!target.accepts(status)) {
            error = "HTTP " + status + " (" + expectation(target) + ")";
        } else if (Boolean.FALSE.equals(matched)) {
            error = "keyword '" + keyword + "' not found in response body";
        }
        CheckStatus verdict = error == null ? CheckStatus.UP : CheckStatus.DOWN;
        return new CheckOutcome(verdict, elapsedMs, status, error, matched, sslExpiresAt, null);
    }

    private static String expectation(MonitorTarget.Website target) {
        if (target.expectedStatusCodes().isEmpty()) {
            return "expected 200-399";
        }
        if (target.expectedStatusCodes().size() == 1) {
            return "expected " + target.expectedStatusCodes().get(0);
        }
        return target.expectedStatusCodes().stream().map(String::valueOf)
                .collect(Collectors.joining(", ", "expected one of ", ""));
    }

    private static Optional<Instant> notAfter(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf
                    ? Optional.of(leaf.getNotAfter().toInstant())
                    : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), charset(response));
    }

    private static Charset charset(HttpResponse<?> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(pair[1].replace("\"", "").strip());
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /**
     * The HTTP client reports every failed connect as a bare {@code ConnectException}; a plain socket
     * connect to the same endpoint recovers the reason (refused, no route) in the time that is left.
     */
    private static String failure(Throwable cause, URI uri, long start, Duration timeout) {
        String reason = Reasons.describe(cause, uri.getHost(), timeout.toMillis());
        boolean bareConnectFailure = Reasons.find(cause, ConnectException.class) != null
                && reason.equals("connection failed");
        if (!bareConnectFailure) {
            return reason;
        }
        long remainingMs = Duration.ofNanos(start + timeout.toNanos() - System.nanoTime()).toMillis();
        if (remainingMs <= 0) {
            return Reasons.timedOut(timeout.toMillis());
        }
        try {
            InetAddress address = InetAddress.getByName(uri.getHost());
            return PortChecker.connect(address, port(uri), uri.getHost(), remainingMs).orElse(reason);
        } catch (UnknownHostException e) {
            return Reasons.unknownHost(uri.getHost());
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
