package io.enori.mcp.core.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.spi.CheckOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Domain monitors: the registration expiry, read over RDAP ({@code GET <base>/domain/<host>}, RFC 9082) from the
 * {@code events} entry whose action is "expiration". Up while the expiry is further away than the warning
 * period; down when it is closer, past, or cannot be read.
 */
final class DomainChecker {

    static final URI DEFAULT_BASE_URL = URI.create("https://rdap.org");
    static final Duration DEFAULT_WARNING = Duration.ofDays(14);
    static final String MEDIA_TYPE = "application/rdap+json";
    /** RDAP answers are a few kilobytes; anything this large is not one. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(DomainChecker.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    // RFC 9083 names "expiration"; some registries write the longer form.
    private static final Set<String> EXPIRY_ACTIONS = Set.of("expiration", "registration expiration");

    private final HttpClient client;
    private final String base;
    private final Duration warning;
    private final Clock clock;

    DomainChecker(URI baseUrl, Duration warning, Clock clock) {
        // rdap.org and other bootstrap services answer with a redirect to the registry's own server.
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.base = baseUrl.toString().replaceAll("/+$", "");
        this.warning = warning;
        this.clock = clock;
    }

    CheckOutcome check(MonitorTarget.Domain target, Duration timeout) {
        long start = System.nanoTime();
        String domain = target.host().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        URI uri;
        try {
            uri = URI.create(base + "/domain/" + domain);
        } catch (IllegalArgumentException e) {
            return CheckOutcome.down(0, "invalid domain name " + target.host());
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", MEDIA_TYPE + ", application/json;q=0.9")
                .header("User-Agent", WebsiteChecker.USER_AGENT)
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> response =
                client.sendAsync(request, info -> new BoundedBody(MAX_BODY_BYTES));
        try {
            long remainingNanos = start + timeout.toNanos() - System.nanoTime();
            HttpResponse<byte[]> answer = response.get(remainingNanos, TimeUnit.NANOSECONDS);
            return judge(domain, answer, Reasons.elapsedMs(start));
        } catch (TimeoutException e) {
            response.cancel(true);
            return CheckOutcome.down(Reasons.elapsedMs(start), "RDAP lookup " + Reasons.timedOut(timeout.toMillis()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
                // The request's own timeout fired first (it races the wait above): the same slow server.
                return CheckOutcome.down(Reasons.elapsedMs(start), "RDAP lookup " + Reasons.timedOut(timeout.toMillis()));
            }
            LOG.debug("GET {} failed", uri, e.getCause());
            return CheckOutcome.down(Reasons.elapsedMs(start), "RDAP server unreachable: "
                    + Reasons.describe(e.getCause(), uri.getHost(), timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.cancel(true);
            return CheckOutcome.down(Reasons.elapsedMs(start), "check interrupted");
        }
    }

    private CheckOutcome judge(String domain, HttpResponse<byte[]> response, int elapsedMs) {
        int status = response.statusCode();
        if (status == 404) {
            return CheckOutcome.down(elapsedMs, "domain not found in RDAP");
        }
        if (status < 200 || status >= 300) {
            return CheckOutcome.down(elapsedMs, "RDAP server answered HTTP " + status);
        }
        JsonNode events;
        try {
            events = JSON.readTree(response.body()).path("events");
        } catch (IOException e) {
            return CheckOutcome.down(elapsedMs, "RDAP server answered with unreadable JSON");
        }
        Instant expiresAt = null;
        for (JsonNode event : events) {
            String action = event.path("eventAction").asText("").toLowerCase(Locale.ROOT).strip();
            if (EXPIRY_ACTIONS.contains(action)) {
                expiresAt = instant(event.path("eventDate").asText(""));
                if (expiresAt == null) {
                    return CheckOutcome.down(elapsedMs, "RDAP expiration date '"
                            + abbreviate(event.path("eventDate").asText("")) + "' is not a date");
                }
                break;
            }
        }
        if (expiresAt == null) {
            return CheckOutcome.down(elapsedMs, "RDAP record of " + domain + " has no expiration date");
        }
        return verdict(expiresAt, elapsedMs);
    }

    private CheckOutcome verdict(Instant expiresAt, int elapsedMs) {
        Instant now = clock.instant();
        String day = LocalDate.ofInstant(expiresAt, ZoneOffset.UTC).toString();
        String error = null;
        if (!expiresAt.isAfter(now)) {
            error = "registration expired " + day;
        } else if (Duration.between(now, expiresAt).compareTo(warning) <= 0) {
            long days = Duration.between(now, expiresAt).toDays();
            error = "registration expires " + day + " (" + (days == 0 ? "in less than a day"
                    : days == 1 ? "1 day" : days + " days") + ")";
        }
        CheckStatus verdict = error == null ? CheckStatus.UP : CheckStatus.DOWN;
        return new CheckOutcome(verdict, elapsedMs, null, error, null, null, expiresAt, null);
    }

    /** An RDAP date: RFC 3339 with an offset, or (leniently) a bare date-time or date read as UTC. */
    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            // try the lenient forms
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            // try a bare date
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
