package io.enori.mcp.core.alerts;

import io.enori.mcp.core.testing.WebhookReceiver;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Alert;
import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.ToolDescriptor;
import io.enori.mcp.api.ToolError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** list_alerts and list_alert_channels: what they show, filters, paging, scope and account isolation. */
class AlertToolsTest {
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

    @Test
    void theAlertToolsDeclareAlertsReadAndAreReadOnly() {
        Map<String, ToolDescriptor> tools = h.enori.toolDescriptors().stream()
                .collect(Collectors.toMap(ToolDescriptor::name, d -> d));
        for (String name : List.of("list_alerts", "list_alert_channels")) {
            assertThat(tools.get(name).requiredScope()).isEqualTo(Scope.ALERTS_READ);
            assertThat(tools.get(name).annotations()).isEqualTo(ToolAnnotations.READ);
            assertThat(tools.get(name).group()).isEqualTo("alerts");
        }
        assertThat(tools.get("register_live_activity_token").requiredScope()).isEqualTo(Scope.INCIDENTS_WRITE);
        assertThat(tools.get("register_live_activity_token").annotations())
                .isEqualTo(ToolAnnotations.idempotentWrite());
    }

    @Test
    void listAlertsShowsChannelMonitorEventStatusAndWhyNewestFirst() {
        String hook = h.channel(AlertChannel.Type.WEBHOOK, "Ops hook", receiver.url("/hook"), null);
        String mine = h.channel(AlertChannel.Type.SLACK, "Writer DM", receiver.url("/dm"), h.writer.principalId());
        String shop = h.monitor("Shop", hook, mine);
        h.ok("snooze_monitor", h.writer, args("monitorId", shop, "durationMinutes", 60));
        String incident = h.open(shop);
        h.awaitSettled(2);
        h.clock.advance(Duration.ofMinutes(1));

        Map<String, Object> out = h.ok("list_alerts", h.reader, args("tz", "Europe/Berlin"));

        assertThat(out).containsEntry("tz", "Europe/Berlin").containsEntry("count", 2).containsEntry("note", null)
                .containsEntry("nextCursor", null).containsEntry("until", "2025-11-10T13:03:00+01:00");
        List<Map<String, Object>> alerts = list(out.get("alerts"));
        Map<String, Object> suppressed = alerts.stream().filter(a -> a.get("status").equals("suppressed"))
                .findFirst().orElseThrow();
        Map<String, Object> delivered = alerts.stream().filter(a -> a.get("status").equals("delivered"))
                .findFirst().orElseThrow();
        assertThat(delivered).containsEntry("event", "incident_opened").containsEntry("attempts", 1)
                .containsEntry("reason", null).containsEntry("incidentId", incident)
                .containsEntry("createdAt", "2025-11-10T13:02:00+01:00")
                .containsEntry("deliveredAt", "2025-11-10T13:02:00+01:00")
                .containsEntry("channel", Map.of("id", hook, "type", "webhook", "name", "Ops hook"))
                .containsEntry("monitor", Map.of("id", shop, "name", "Shop"));
        assertThat(suppressed).containsEntry("attempts", 0).containsEntry("deliveredAt", null)
                .containsEntry("channel", Map.of("id", mine, "type", "slack", "name", "Writer DM"));
        assertThat((String) suppressed.get("reason")).startsWith("snoozed by " + h.writer.principalId());
    }

    @Test
    void listAlertsFiltersByMonitorAndStatusAndPagesNewestFirst() {
        String hook = h.channel(AlertChannel.Type.WEBHOOK, "Ops hook", receiver.url("/hook"), null);
        String shop = h.monitor("Shop", hook);
        String api = h.monitor("API", hook);
        h.open(shop);
        h.awaitSettled(1);
        h.recover(shop);
        h.awaitSettled(2);
        receiver.answer(400);
        h.open(api);
        List<Alert> stored = h.awaitSettled(3);
        h.clock.advance(Duration.ofMinutes(1));

        assertThat(ids(h.ok("list_alerts", h.reader, args("monitorId", api)))).containsExactly(stored.get(0).id());
        assertThat(ids(h.ok("list_alerts", h.reader, args("status", "failed")))).containsExactly(stored.get(0).id());
        assertThat(ids(h.ok("list_alerts", h.reader, args("status", "DELIVERED", "monitorId", shop))))
                .containsExactly(stored.get(1).id(), stored.get(2).id());

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = h.ok("list_alerts", h.reader, args("limit", 1, "cursor", cursor));
            paged.addAll(ids(page));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(stored.stream().map(Alert::id).toList());
    }

    @Test
    void listAlertsDefaultsToTheLastDayAndSaysWhyAPageIsEmpty() {
        assertThat(h.ok("list_alerts", h.reader, args()).get("note")).asString().contains("no alert channels");

        String hook = h.channel(AlertChannel.Type.WEBHOOK, "Ops hook", receiver.url("/hook"), null);
        String shop = h.monitor("Shop", hook);
        assertThat(h.ok("list_alerts", h.reader, args()).get("note")).asString().startsWith("No alerts in this range");
        h.open(shop);
        h.awaitSettled(1);
        assertThat(h.ok("list_alerts", h.reader, args("status", "failed")).get("note"))
                .isEqualTo("No alerts match these filters in this range.");

        h.clock.advance(Duration.ofHours(25));
        assertThat(h.ok("list_alerts", h.reader, args())).containsEntry("count", 0);
        assertThat(h.ok("list_alerts", h.reader, args("since", "2025-11-10"))).containsEntry("count", 1);
    }

    @Test
    void listAlertsRejectsBadArguments() {
        assertInvalid(h.error("list_alerts", h.reader, args("status", "sent")), "status");
        assertInvalid(h.error("list_alerts", h.reader, args("monitorId", "shop")), "monitorId");
        assertInvalid(h.error("list_alerts", h.reader, args("limit", 201)), "limit");
        assertInvalid(h.error("list_alerts", h.reader, args("cursor", "bm90LWEtY3Vyc29y")), "cursor");
        assertInvalid(h.error("list_alerts", h.reader, args("tz", "Mars/Olympus")), "tz");
        assertInvalid(h.error("list_alerts", h.reader, args("channel", "x")), "channel");
        String otherToolsCursor = (String) h.ok("list_incidents", h.reader, args("limit", 1)).get("nextCursor");
        assertThat(otherToolsCursor).isNull();
    }

    @Test
    void listAlertChannelsMasksWebhookSecretsShowsOwnersAndUsage() {
        String slack = h.channel(AlertChannel.Type.SLACK, "#ops", "https://hooks.slack.com/services/T0/B0/SECRET",
                null);
        String mail = h.channel(AlertChannel.Type.EMAIL, "Dana", "dana@example.com", h.writer.principalId());
        String teams = h.channel(AlertChannel.Type.TEAMS, "Teams", "https://example.webhook.office.com", null);
        h.monitor("Shop", slack, mail);
        h.monitor("API", slack);

        Map<String, Object> out = h.ok("list_alert_channels", h.reader, args());

        assertThat(out).containsEntry("count", 3).containsEntry("nextCursor", null).containsEntry("note", null);
        List<Map<String, Object>> channels = list(out.get("channels"));
        assertThat(channels).extracting(c -> c.get("id")).containsExactly(slack, mail, teams);
        assertThat(channels.get(0)).containsEntry("type", "slack").containsEntry("name", "#ops")
                .containsEntry("target", "https://hooks.slack.com/…").containsEntry("ownerPrincipalId", null)
                .containsEntry("shared", true).containsEntry("monitorCount", 2)
                .containsEntry("createdAt", "2025-11-10T12:00:00Z");
        assertThat(channels.get(1)).containsEntry("type", "email").containsEntry("target", "dana@example.com")
                .containsEntry("ownerPrincipalId", h.writer.principalId()).containsEntry("shared", false)
                .containsEntry("monitorCount", 1);
        assertThat(channels.get(2)).containsEntry("target", "https://example.webhook.office.com/")
                .containsEntry("monitorCount", 0);
        assertThat(out.toString()).doesNotContain("SECRET");

        Map<String, Object> first = h.ok("list_alert_channels", h.reader, args("limit", 2));
        assertThat(list(first.get("channels"))).hasSize(2);
        Map<String, Object> second = h.ok("list_alert_channels", h.reader,
                args("limit", 2, "cursor", first.get("nextCursor")));
        assertThat(list(second.get("channels"))).extracting(c -> c.get("id")).containsExactly(teams);
        assertThat(second).containsEntry("nextCursor", null);
    }

    @Test
    void listAlertChannelsOnAnAccountWithoutChannelsSaysSo() {
        Map<String, Object> out = h.ok("list_alert_channels", h.reader, args());

        assertThat(list(out.get("channels"))).isEmpty();
        assertThat((String) out.get("note")).startsWith("No alert channels yet");
    }

    @Test
    void aKeyWithoutAlertsReadGetsInsufficientScope() {
        Caller monitorsOnly = h.enori.apiKeys().authenticate(h.enori.apiKeys().create(AlertHarness.ACCOUNT_A,
                EnumSet.of(Scope.MONITORS_READ, Scope.INCIDENTS_READ, Scope.INCIDENTS_WRITE), "no-alerts")
                .plaintext());

        for (String tool : List.of("list_alerts", "list_alert_channels")) {
            ToolError error = h.error(tool, monitorsOnly, args());
            assertThat(error.message()).isEqualTo("Insufficient scope");
            assertThat(error.details()).containsEntry("requiredScope", "alerts:read");
        }
    }

    @Test
    void anotherAccountSeesNoneOfTheseAlertsOrChannels() {
        String hook = h.channel(AlertChannel.Type.WEBHOOK, "Ops hook", receiver.url("/hook"), null);
        String shop = h.monitor("Shop", hook);
        h.open(shop);
        h.awaitSettled(1);
        h.clock.advance(Duration.ofMinutes(1));

        assertThat(ids(h.ok("list_alerts", h.outsider, args()))).isEmpty();
        assertThat(ids(h.ok("list_alerts", h.outsider, args("monitorId", shop)))).isEmpty();
        assertThat(list(h.ok("list_alert_channels", h.outsider, args()).get("channels"))).isEmpty();
        assertThat(ids(h.ok("list_alerts", h.reader, args()))).hasSize(1);
    }

    private static List<String> ids(Map<String, Object> out) {
        return list(out.get("alerts")).stream().map(a -> (String) a.get("id")).collect(Collectors.toList());
    }
}
