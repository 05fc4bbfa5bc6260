package io.enori.mcp.core.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Alert;
import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.spi.EmailSender;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Email goes through the host's {@link EmailSender}; without one, email alerts are recorded as undeliverable. */
class AlertEmailTest {

    record Sent(String to, String subject, String body) {
    }

    @Test
    void withoutASenderAnEmailAlertIsUndeliverableAndSaysWhy() {
        try (AlertHarness h = new AlertHarness()) {
            String mail = h.channel(AlertChannel.Type.EMAIL, "On call", "oncall@example.com", null);
            h.open(h.monitor("Shop", mail));

            Alert alert = h.awaitSettled(1).get(0);

            assertThat(alert.status()).isEqualTo(Alert.Status.UNDELIVERABLE);
            assertThat(alert.reason()).isEqualTo("no email sender configured");
            assertThat(alert.attempts()).isZero();
            assertThat(alert.channelType()).isEqualTo(AlertChannel.Type.EMAIL);
        }
    }

    @Test
    void aConfiguredSenderGetsOneMailPerChangeWithSubjectAndDetails() {
        List<Sent> sent = new CopyOnWriteArrayList<>();
        EmailSender recording = (to, subject, body) -> sent.add(new Sent(to, subject, body));
        try (AlertHarness h = new AlertHarness(b -> b.emailSender(recording))) {
            String mail = h.channel(AlertChannel.Type.EMAIL, "On call", "oncall@example.com", null);
            String shop = h.monitor("Shop", mail);
            String incident = h.open(shop);
            AlertHarness.await(() -> sent.size() == 1, sent::toString);
            h.recover(shop);

            List<Alert> alerts = h.awaitSettled(2);

            assertThat(alerts).extracting(Alert::status).containsOnly(Alert.Status.DELIVERED);
            assertThat(sent).extracting(Sent::to).containsExactly("oncall@example.com", "oncall@example.com");
            assertThat(sent).extracting(Sent::subject).containsExactly("[Enori] DOWN: Shop", "[Enori] RESOLVED: Shop");
            assertThat(sent.get(0).body()).startsWith("Shop (website) is down: ")
                    .contains("Incident: " + incident).contains("Started: 2025-11-10T12:02:00Z");
            assertThat(sent.get(1).body()).contains("Resolved: 2025-11-10T12:03:00Z");
        }
    }

    @Test
    void aSenderThatThrowsIsRetriedThenTheAlertFailsWithItsMessage() {
        AtomicInteger calls = new AtomicInteger();
        EmailSender failing = (to, subject, body) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("SMTP 451 try later");
        };
        try (AlertHarness h = new AlertHarness(b -> b.emailSender(failing))) {
            String mail = h.channel(AlertChannel.Type.EMAIL, "On call", "oncall@example.com", null);
            h.open(h.monitor("Shop", mail));

            Alert alert = h.awaitSettled(1).get(0);

            assertThat(alert.status()).isEqualTo(Alert.Status.FAILED);
            assertThat(alert.reason()).isEqualTo("email sender failed: SMTP 451 try later (3 attempts)");
            assertThat(calls).hasValue(3);
        }
    }
}
