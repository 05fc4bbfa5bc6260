package io.enori.mcp.core.alerts;

import io.enori.mcp.core.testing.WebhookReceiver;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Alert;
import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.core.testing.LocalSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 2xx delivers; 5xx, 429, timeouts and refused connections are retried; other 4xx fail at once. */
class AlertRetryTest {
    private final List<AlertHarness> harnesses = new ArrayList<>();

    private AlertHarness harness(AlertOptions options) {
        AlertHarness h = new AlertHarness(b -> b.alertOptions(options));
        harnesses.add(h);
        return h;
    }

    @AfterEach
    void tearDown() {
        harnesses.forEach(AlertHarness::close);
    }

    /** Opens an incident on a monitor alerting one webhook at {@code url}; returns the settled alert. */
    private static Alert openOnce(AlertHarness h, String url) {
        String channel = h.channel(AlertChannel.Type.WEBHOOK, "Hook", url, null);
        h.open(h.monitor("Shop", channel));
        return h.awaitSettled(1).get(0);
    }

    @Test
    void aServerErrorIsRetriedUntilTheServiceAcceptsIt() {
        AlertHarness h = harness(AlertHarness.FAST);
        WebhookReceiver receiver = h.receiver();
        receiver.answer(500, 503);

        Alert alert = openOnce(h, receiver.url("/hook"));

        assertThat(alert.status()).isEqualTo(Alert.Status.DELIVERED);
        assertThat(alert.attempts()).isEqualTo(3);
        assertThat(alert.reason()).isNull();
        assertThat(alert.deliveredAt()).isEqualTo(h.clock.instant());
        assertThat(receiver.received()).hasSize(3)
                .extracting(WebhookReceiver.Received::body).containsOnly(receiver.received().get(0).body());
    }

    @Test
    void tooManyRequestsIsRetriedAsWell() {
        AlertHarness h = harness(AlertHarness.FAST);
        WebhookReceiver receiver = h.receiver();
        receiver.answer(429);

        Alert alert = openOnce(h, receiver.url("/hook"));

        assertThat(alert.status()).isEqualTo(Alert.Status.DELIVERED);
        assertThat(alert.attempts()).isEqualTo(2);
    }

    @Test
    void aServerErrorOnEveryAttemptFailsWithTheLastStatusAndTheAttemptCount() {
        AlertHarness h = harness(AlertHarness.FAST);
        WebhookReceiver receiver = h.receiver();
        receiver.answer(500, 502, 503, 200);

        Alert alert = openOnce(h, receiver.url("/hooks/very-secret-path"));

        assertThat(alert.status()).isEqualTo(Alert.Status.FAILED);
        assertThat(alert.attempts()).isEqualTo(3);
        assertThat(alert.reason()).isEqualTo("HTTP 503 from 127.0.0.1 (3 attempts)").doesNotContain("secret");
        assertThat(alert.deliveredAt()).isNull();
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void aClientErrorFailsWithoutRetry() {
        AlertHarness h = harness(AlertHarness.FAST);
        WebhookReceiver receiver = h.receiver();
        receiver.answer(400);

        Alert alert = openOnce(h, receiver.url("/hook"));

        assertThat(alert.status()).isEqualTo(Alert.Status.FAILED);
        assertThat(alert.attempts()).isEqualTo(1);
        assertThat(alert.reason()).isEqualTo("HTTP 400 from 127.0.0.1");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aRedirectFailsWithoutRetryAndSaysWhy() {
        AlertHarness h = harness(AlertHarness.FAST);
        WebhookReceiver receiver = h.receiver();
        receiver.answer(301);

        Alert alert = openOnce(h, receiver.url("/hook"));

        assertThat(alert.status()).isEqualTo(Alert.Status.FAILED);
        assertThat(alert.reason()).isEqualTo("HTTP 301 from 127.0.0.1 (webhooks must not redirect)");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void anAttemptThatOutlivesTheTimeoutIsRetriedThenFails() {
        AlertHarness h = harness(AlertHarness.FAST.withAttemptTimeout(Duration.ofMillis(300)).withAttempts(2));
        WebhookReceiver receiver = h.receiver();
        receiver.slow(3_000);

        Alert alert = openOnce(h, receiver.url("/hook"));

        assertThat(alert.status()).isEqualTo(Alert.Status.FAILED);
        assertThat(alert.attempts()).isEqualTo(2);
        assertThat(alert.reason()).isEqualTo("timed out after 300 ms waiting for 127.0.0.1 (2 attempts)");
    }

    @Test
    void aRefusedConnectionIsRetriedThenFails() {
        AlertHarness h = harness(AlertHarness.FAST);

        Alert alert = openOnce(h, "http://127.0.0.1:" + LocalSite.closedPort() + "/hook");

        assertThat(alert.status()).isEqualTo(Alert.Status.FAILED);
        assertThat(alert.attempts()).isEqualTo(3);
        assertThat(alert.reason()).startsWith("could not reach 127.0.0.1: ").endsWith("(3 attempts)");
    }
}
