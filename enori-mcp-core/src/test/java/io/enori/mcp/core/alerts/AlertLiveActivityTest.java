package io.enori.mcp.core.alerts;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.IncidentEvent.Kind;
import io.enori.mcp.api.IncidentStatus;
import io.enori.mcp.api.LiveActivityPush;
import io.enori.mcp.api.spi.LiveActivityStore.PushAttempt;
import io.enori.mcp.api.spi.PushNotifier;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Every timeline change after a token's registration is pushed to it, and recorded; earlier ones are not. */
class AlertLiveActivityTest {
    static final String TOKEN = "80f3b2c1d4e5f60718293a4b5c6d7e8f80f3b2c1d4e5f60718293a4b5c6d7e8f";
    static final String TOKEN_2 = "aGVsbG8tbGl2ZS1hY3Rpdml0eS10b2tlbg==";

    @Test
    void everyLaterChangeIsPushedAndEarlierOnesAreNot() {
        List<LiveActivityPush> pushed = new CopyOnWriteArrayList<>();
        PushNotifier recording = pushed::add;
        try (AlertHarness h = new AlertHarness(b -> b.pushNotifier(recording))) {
            String shop = h.monitor("Shop");
            String incident = h.open(shop);
            h.ok("add_incident_update", h.writer, args("incidentId", incident, "message", "Before the token"));

            h.clock.advance(Duration.ofMinutes(1));
            h.ok("register_live_activity_token", h.writer, args("incidentId", incident, "token", TOKEN,
                    "label", "Dana's iPhone"));
            h.clock.advance(Duration.ofMinutes(1));
            h.ok("acknowledge_incident", h.writer, args("incidentId", incident));
            h.ok("register_live_activity_token", h.writer2, args("incidentId", incident, "token", TOKEN_2));
            h.ok("add_incident_update", h.writer, args("incidentId", incident, "message", "Rolling back"));
            h.clock.advance(Duration.ofMinutes(1));
            h.ok("resolve_incident", h.writer, args("incidentId", incident, "resolutionNote", "Rolled back"));

            AlertHarness.await(() -> pushed.size() == 5, pushed::toString);
            List<LiveActivityPush> first = pushed.stream().filter(p -> p.token().equals(TOKEN)).toList();
            assertThat(first).extracting(LiveActivityPush::kind)
                    .containsExactlyInAnyOrder(Kind.ACKNOWLEDGED, Kind.UPDATE, Kind.RESOLVED);
            assertThat(pushed.stream().filter(p -> p.token().equals(TOKEN_2)).map(LiveActivityPush::kind))
                    .as("the second token only sees what came after it").containsExactlyInAnyOrder(Kind.UPDATE,
                            Kind.RESOLVED);
            LiveActivityPush resolved = first.stream().filter(p -> p.kind() == Kind.RESOLVED).findFirst()
                    .orElseThrow();
            assertThat(resolved.incidentId()).isEqualTo(incident);
            assertThat(resolved.incidentStatus()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(resolved.ends()).isTrue();
            assertThat(resolved.message()).isEqualTo("Resolved: Rolled back");
            assertThat(resolved.platform()).isEqualTo("ios");
            assertThat(resolved.at()).isEqualTo(h.clock.instant());
            AlertHarness.await(() -> h.enori.storage().liveActivities().pushes(h.writer.accountId(), incident)
                    .size() == 5, () -> "push records");
            assertThat(h.enori.storage().liveActivities().pushes(h.writer.accountId(), incident))
                    .allSatisfy(p -> assertThat(p.delivered()).isTrue());
        }
    }

    @Test
    void withoutANotifierEachPushIsRecordedAsNotSent() {
        try (AlertHarness h = new AlertHarness()) {
            String incident = h.open(h.monitor("Shop"));
            h.ok("register_live_activity_token", h.writer, args("incidentId", incident, "token", TOKEN));

            h.ok("acknowledge_incident", h.writer, args("incidentId", incident));

            AlertHarness.await(() -> h.enori.storage().liveActivities().pushes(h.writer.accountId(), incident)
                    .size() == 1, () -> "push record");
            PushAttempt attempt = h.enori.storage().liveActivities().pushes(h.writer.accountId(), incident).get(0);
            assertThat(attempt.kind()).isEqualTo(Kind.ACKNOWLEDGED);
            assertThat(attempt.token()).isEqualTo(TOKEN);
            assertThat(attempt.delivered()).isFalse();
            assertThat(attempt.error()).isEqualTo("no push notifier configured");
        }
    }

    @Test
    void aNotifierThatThrowsIsRecordedAsAFailedPush() {
        PushNotifier failing = push -> {
            throw new IllegalStateException("APNs said BadDeviceToken");
        };
        try (AlertHarness h = new AlertHarness(b -> b.pushNotifier(failing))) {
            String incident = h.open(h.monitor("Shop"));
            h.ok("register_live_activity_token", h.writer, args("incidentId", incident, "token", TOKEN));

            h.ok("add_incident_update", h.writer, args("incidentId", incident, "message", "Looking"));

            AlertHarness.await(() -> h.enori.storage().liveActivities().pushes(h.writer.accountId(), incident)
                    .size() == 1, () -> "push record");
            assertThat(h.enori.storage().liveActivities().pushes(h.writer.accountId(), incident).get(0))
                    .extracting(PushAttempt::delivered, PushAttempt::error)
                    .containsExactly(false, "APNs said BadDeviceToken");
        }
    }

    @Test
    void registeringTheSameTokenAgainKeepsOneRegistrationSoEachChangeIsPushedOnce() {
        List<LiveActivityPush> pushed = new CopyOnWriteArrayList<>();
        try (AlertHarness h = new AlertHarness(b -> b.pushNotifier(pushed::add))) {
            String incident = h.open(h.monitor("Shop"));
            assertThat(h.ok("register_live_activity_token", h.writer, args("incidentId", incident, "token", TOKEN)))
                    .containsEntry("created", true);
            assertThat(h.ok("register_live_activity_token", h.writer, args("incidentId", incident, "token", TOKEN,
                    "label", "renamed"))).containsEntry("created", false).containsEntry("label", "renamed");

            h.ok("acknowledge_incident", h.writer, args("incidentId", incident));

            AlertHarness.await(() -> h.enori.storage().liveActivities().pushes(h.writer.accountId(), incident)
                    .size() == 1, () -> "push record");
            assertThat(pushed).hasSize(1);
            assertThat(h.enori.storage().liveActivities().listForIncident(h.writer.accountId(), incident))
                    .singleElement().satisfies(t -> assertThat(t.label()).isEqualTo("renamed"));
        }
    }
}
