package io.enori.mcp.core.alerts;

import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.spi.EmailSender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Makes one delivery attempt to one channel and says what it means: delivered (2xx), failed for good (a 4xx
 * other than 429, or a redirect: the URL is wrong), or worth retrying (429, 5xx, timeout, connection trouble,
 * an email sender that threw). Reasons name the host, never the URL: a webhook URL's path is its secret.
 */
final class ChannelSender {

    enum Verdict { DELIVERED, RETRY, FAIL }

    record Attempt(Verdict verdict, String reason) {
        static Attempt delivered() {
            return new Attempt(Verdict.DELIVERED, null);
        }
    }

    private final Duration timeout;
    private final EmailSender email;
    private volatile HttpClient http;

    /** @param email {@code null} when no sender is configured */
    ChannelSender(Duration timeout, EmailSender email) {
        this.timeout = timeout;
        this.email = email;
    }

    /** Built on first use: a client starts a selector thread, and most cores never post a webhook. */
    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder().connectTimeout(timeout)
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                }
                client = http;
            }
        }
        return client;
    }

    boolean canEmail() {
        return email != null;
    }

    Attempt attempt(AlertChannel channel, AlertMessages.Notice notice) throws InterruptedException {
        return switch (channel.type()) {
            case EMAIL -> email(channel, notice);
            case SLACK -> post(channel, AlertMessages.slack(notice));
            case DISCORD -> post(channel, AlertMessages.discord(notice));
            case TEAMS -> post(channel, AlertMessages.teams(notice));
            case WEBHOOK -> post(channel, AlertMessages.webhook(notice));
        };
    }

    private Attempt email(AlertChannel channel, AlertMessages.Notice notice) throws InterruptedException {
        if (email == null) {
            return new Attempt(Verdict.FAIL, AlertDispatcher.NO_EMAIL_SENDER);
        }
        try {
            email.send(channel.target(), AlertMessages.emailSubject(notice), AlertMessages.emailBody(notice));
            return Attempt.delivered();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return new Attempt(Verdict.RETRY, "email sender failed: " + describe(e));
        }
    }

    private Attempt post(AlertChannel channel, String json) throws InterruptedException {
        URI uri = URI.create(channel.target());
        String host = uri.getHost();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "enori-mcp-alerts")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http().send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return Attempt.delivered();
            }
            String reason = "HTTP " + status + " from " + host;
            if (status == 429 || status >= 500) {
                return new Attempt(Verdict.RETRY, reason);
            }
            return new Attempt(Verdict.FAIL, status >= 300 && status < 400 ? reason + " (webhooks must not redirect)"
                    : reason);
        } catch (HttpTimeoutException e) {
            return new Attempt(Verdict.RETRY, "timed out after " + timeout.toMillis() + " ms waiting for " + host);
        } catch (IOException e) {
            return new Attempt(Verdict.RETRY, "could not reach " + host + ": " + describe(e));
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
