package io.enori.mcp.core.alerts;

import io.enori.mcp.core.testing.WebhookReceiver;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Alert;
import io.enori.mcp.api.AlertChannel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each service gets a real POST with the JSON shape it documents for incoming webhooks. */
class AlertFormatsTest {
    private AlertHarness h;
    private WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        h = new AlertHarness();
        receiver = h.receiver();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    /** Opens and resolves an incident on a monitor alerting one channel; returns what the receiver got. */
    private List<WebhookReceiver.Received> openAndResolve(AlertChannel.Type type, String path) {
        String channel = h.channel(type, type.wireName() + " channel", receiver.url(path), null);
        String shop = h.monitor("Shop", channel);
        h.open(shop);
        AlertHarness.await(() -> receiver.received().size() == 1, () -> "opened alert: " + receiver.received());
        h.recover(shop);
        h.awaitSettled(2);
        assertThat(h.stored()).extracting(Alert::status).containsOnly(Alert.Status.DELIVERED);
        List<WebhookReceiver.Received> got = receiver.received();
        assertThat(got).hasSize(2).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo(path);
            assertThat(r.contentType()).isEqualTo("application/json");
        });
        return got;
    }

    @Test
    void webhookGetsTheEventWithIncidentAndMonitorAsData() {
        List<WebhookReceiver.Received> got = openAndResolve(AlertChannel.Type.WEBHOOK, "/hooks/secret-1");
        List<Alert> alerts = h.stored();

        Map<String, Object> opened = got.get(0).json();
        assertThat(opened).containsOnlyKeys("event", "alertId", "occurredAt", "title", "text", "incident", "monitor")
                .containsEntry("event", "incident_opened")
                .containsEntry("alertId", alerts.get(1).id())
                .containsEntry("occurredAt", "2025-11-10T12:02:00Z")
                .containsEntry("title", "DOWN: Shop");
        assertThat((String) opened.get("text")).startsWith("Shop (website) is down: 2 consecutive failed checks");
        Map<String, Object> incident = map(opened.get("incident"));
        assertThat(incident).containsOnlyKeys("id", "status", "cause", "startedAt", "acknowledgedAt", "resolvedAt",
                        "resolutionNote")
                .containsEntry("id", alerts.get(1).incidentId())
                .containsEntry("startedAt", "2025-11-10T12:02:00Z");
        assertThat(map(opened.get("monitor"))).isEqualTo(Map.of("id", alerts.get(1).monitorId(), "name", "Shop",
                "type", "website"));

        Map<String, Object> resolved = got.get(1).json();
        assertThat(resolved).containsEntry("event", "incident_resolved").containsEntry("title", "RESOLVED: Shop");
        assertThat(map(resolved.get("incident"))).containsEntry("status", "resolved")
                .containsEntry("resolvedAt", "2025-11-10T12:03:00Z");
        assertThat((String) resolved.get("text")).startsWith("Shop (website) is back after 1 min: Recovered");
    }

    @Test
    void slackGetsTextAndOneMrkdwnSection() {
        Map<String, Object> body = openAndResolve(AlertChannel.Type.SLACK, "/services/T0/B0/secret").get(0).json();

        assertThat(body).containsOnlyKeys("text", "blocks");
        assertThat((String) body.get("text")).startsWith("DOWN: Shop - Shop (website) is down:");
        List<Map<String, Object>> blocks = list(body.get("blocks"));
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0)).containsOnlyKeys("type", "text").containsEntry("type", "section");
        Map<String, Object> text = map(blocks.get(0).get("text"));
        assertThat(text).containsOnlyKeys("type", "text").containsEntry("type", "mrkdwn");
        assertThat((String) text.get("text")).startsWith("*DOWN: Shop*\n").contains("*Incident:* inc_");
    }

    @Test
    void discordGetsContentAndOneEmbedWithMentionsDisabled() {
        List<WebhookReceiver.Received> got = openAndResolve(AlertChannel.Type.DISCORD, "/api/webhooks/1/secret");
        Map<String, Object> body = got.get(0).json();

        assertThat(body).containsOnlyKeys("content", "embeds", "allowed_mentions")
                .containsEntry("content", "DOWN: Shop")
                .containsEntry("allowed_mentions", Map.of("parse", List.of()));
        List<Map<String, Object>> embeds = list(body.get("embeds"));
        assertThat(embeds).hasSize(1);
        assertThat(embeds.get(0)).containsOnlyKeys("title", "description", "color", "timestamp", "fields")
                .containsEntry("title", "DOWN: Shop")
                .containsEntry("color", 0xD93F0B)
                .containsEntry("timestamp", "2025-11-10T12:02:00Z");
        assertThat(list(embeds.get(0).get("fields"))).allSatisfy(f -> assertThat(f)
                .containsOnlyKeys("name", "value", "inline"));
        assertThat(list(got.get(1).json().get("embeds")).get(0)).containsEntry("color", 0x2DA44E);
    }

    @Test
    void teamsGetsAMessageWithOneAdaptiveCard() {
        Map<String, Object> body = openAndResolve(AlertChannel.Type.TEAMS, "/workflows/secret").get(0).json();

        assertThat(body).containsOnlyKeys("type", "attachments").containsEntry("type", "message");
        List<Map<String, Object>> attachments = list(body.get("attachments"));
        assertThat(attachments).hasSize(1);
        assertThat(attachments.get(0)).containsOnlyKeys("contentType", "contentUrl", "content")
                .containsEntry("contentType", "application/vnd.microsoft.card.adaptive")
                .containsEntry("contentUrl", null);
        Map<String, Object> card = map(attachments.get(0).get("content"));
        assertThat(card).containsOnlyKeys("$schema", "type", "version", "body")
                .containsEntry("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .containsEntry("type", "AdaptiveCard")
                .containsEntry("version", "1.4");
        List<Map<String, Object>> cardBody = list(card.get("body"));
        assertThat(cardBody).extracting(b -> b.get("type")).containsExactly("TextBlock", "TextBlock", "FactSet");
        assertThat(cardBody.get(0)).containsEntry("text", "DOWN: Shop").containsEntry("color", "Attention");
        assertThat(list(cardBody.get(2).get("facts"))).allSatisfy(f -> assertThat(f).containsOnlyKeys("title", "value"));
    }

    @Test
    void slackTextIsEscapedSoAMonitorNameCannotInjectLinksOrMentions() {
        String channel = h.channel(AlertChannel.Type.SLACK, "#ops", receiver.url("/s"), null);
        String monitor = h.monitor("<!channel> & <http://evil|x>", channel);
        h.open(monitor);
        h.awaitSettled(1);

        Map<String, Object> body = receiver.received().get(0).json();
        assertThat((String) body.get("text")).contains("&lt;!channel&gt; &amp; &lt;http://evil|x&gt;")
                .doesNotContain("<!channel>");
    }
}
