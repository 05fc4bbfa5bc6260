package io.enori.mcp.core.alerts;

import io.enori.mcp.core.testing.WebhookReceiver;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.Alert;
import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.AlertChannel.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Java facade hosts create channels with, and monitors naming only channels their account has. */
class AlertChannelsTest {
    private AlertHarness h;
    private AlertChannels channels;
    private String account;

    @BeforeEach
    void setUp() {
        h = new AlertHarness();
        channels = h.enori.alertChannels();
        account = h.writer.accountId();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void createsListsAndDeletesChannels() {
        AlertChannel slack = channels.create(account, Type.SLACK, "  #ops ", "https://hooks.slack.com/services/x",
                null);
        AlertChannel mail = channels.create(account, Type.EMAIL, "Dana", "dana@example.com", h.writer.principalId());

        assertThat(slack.id()).startsWith("ch_");
        assertThat(slack.name()).isEqualTo("#ops");
        assertThat(slack.isShared()).isTrue();
        assertThat(mail.ownerPrincipalId()).isEqualTo(h.writer.principalId());
        assertThat(mail.createdAt()).isEqualTo(AlertHarness.START);
        assertThat(channels.list(account)).containsExactly(slack, mail);
        assertThat(channels.list(h.outsider.accountId())).isEmpty();

        assertThat(channels.delete(h.outsider.accountId(), slack.id())).isFalse();
        assertThat(channels.delete(account, slack.id())).isTrue();
        assertThat(channels.delete(account, slack.id())).isFalse();
        assertThat(channels.list(account)).containsExactly(mail);
    }

    @Test
    void rejectsBadTargetsNamesAndAccounts() {
        assertThatThrownBy(() -> channels.create(account, Type.EMAIL, "Mail", "not-an-address", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("email address");
        assertThatThrownBy(() -> channels.create(account, Type.SLACK, "Slack", "ftp://hooks.slack.com/x", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s) webhook URL");
        assertThatThrownBy(() -> channels.create(account, Type.WEBHOOK, "Hook", "/relative/path", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s) webhook URL");
        assertThatThrownBy(() -> channels.create(account, Type.WEBHOOK, "Hook", "http://exa mple.com", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid URL");
        assertThatThrownBy(() -> channels.create(account, Type.WEBHOOK, " ", "https://example.com", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> channels.create("acc_nosuch", Type.WEBHOOK, "Hook", "https://example.com", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no account acc_nosuch");
        assertThat(channels.list(account)).isEmpty();
    }

    @Test
    void monitorsMayOnlyNameTheirOwnAccountsChannels() {
        String ours = h.channel(Type.WEBHOOK, "Ours", "https://example.com/hook", null);
        String theirs = channels.create(h.outsider.accountId(), Type.WEBHOOK, "Theirs", "https://example.org/h",
                null).id();

        String error = assertInvalid(h.error("create_monitor", h.writer, args("type", "website", "name", "Shop",
                "url", h.site.url(), "channelIds", List.of(ours, "ch_MISSING0001"))), "channelIds");
        assertThat(error).startsWith("Invalid argument: channelIds unknown channel ch_MISSING0001");
        assertInvalid(h.error("create_monitor", h.writer, args("type", "website", "name", "Shop", "url",
                h.site.url(), "channelIds", List.of(theirs))), "channelIds");

        String shop = h.monitor("Shop", ours);
        assertThat(assertInvalid(h.error("update_monitor", h.writer, args("monitorId", shop, "channelIds",
                List.of(theirs))), "channelIds")).startsWith("Invalid argument: channelIds unknown channel " + theirs);
        assertThat(map(h.ok("get_monitor", h.writer, args("monitorId", shop)).get("monitor")))
                .containsEntry("channelIds", List.of(ours));
    }

    @Test
    void aDeletedChannelIsSkippedAndItsPastAlertsStayListed() {
        WebhookReceiver receiver = h.receiver();
        String gone = h.channel(Type.WEBHOOK, "Gone", receiver.url("/gone"), null);
        String kept = h.channel(Type.WEBHOOK, "Kept", receiver.url("/kept"), null);
        String shop = h.monitor("Shop", gone, kept);
        h.open(shop);
        h.awaitSettled(2);

        channels.delete(account, gone);
        h.recover(shop);

        List<Alert> alerts = h.awaitSettled(3);
        assertThat(alerts.get(0).channelId()).isEqualTo(kept);
        assertThat(alerts).filteredOn(a -> a.channelId().equals(gone)).hasSize(1);
        h.clock.advance(Duration.ofMinutes(1));
        Map<String, Object> past = list(h.ok("list_alerts", h.reader, args()).get("alerts")).stream()
                .filter(a -> map(a.get("channel")).get("id").equals(gone)).findFirst().orElseThrow();
        assertThat(map(past.get("channel"))).containsEntry("type", "webhook").containsEntry("name", null);
    }
}
