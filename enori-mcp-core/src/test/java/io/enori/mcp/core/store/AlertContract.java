package io.enori.mcp.core.store;

import static io.enori.mcp.core.store.Fixtures.A;
import static io.enori.mcp.core.store.Fixtures.B;
import static io.enori.mcp.core.store.Fixtures.T0;
import static io.enori.mcp.core.store.Fixtures.at;
import static io.enori.mcp.core.store.Fixtures.event;
import static io.enori.mcp.core.store.Fixtures.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.Alert;
import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.EnoriMcpException;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentEvent;
import io.enori.mcp.api.LiveActivityToken;
import io.enori.mcp.api.spi.AlertFilter;
import io.enori.mcp.api.spi.AlertStore;
import io.enori.mcp.api.spi.LiveActivityStore.PushAttempt;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Alert channels, alerts (newest-first keyset paging, claims with leases, outcomes written only by the claimant)
 * and Live Activity tokens and pushes, each isolated by account.
 */
interface AlertContract extends ContractSupport {

    default AlertStore alerts() {
        return storage().alerts();
    }

    default AlertChannel givenChannel(String accountId, String id, AlertChannel.Type type, String owner) {
        AlertChannel channel = new AlertChannel(id, accountId, type, "Channel " + id,
                type == AlertChannel.Type.EMAIL ? "ops@example.com" : "https://hooks.example.com/" + id, owner, T0);
        storage().alertChannels().insert(channel);
        return channel;
    }

    /** Monitor {@code mon_1} of the account with an open incident {@code inc_<account>}. */
    default Incident givenIncident(String accountId) {
        givenMonitor(accountId, "mon_1");
        Incident incident = incident(accountId, "inc_" + accountId, "mon_1", at(10));
        storage().incidents().open(incident, event(incident, IncidentEvent.Kind.OPENED, IncidentEvent.SYSTEM, at(10)));
        return incident;
    }

    static Alert alert(Incident incident, String id, Alert.Status status, Instant createdAt) {
        return new Alert(id, incident.accountId(), incident.monitorId(), incident.id(), "ch_1",
                AlertChannel.Type.SLACK, Alert.Event.INCIDENT_OPENED, status,
                status == Alert.Status.SUPPRESSED ? "snoozed by key_1 until 2025-03-01T11:00:00Z" : null, 0,
                createdAt, createdAt, null);
    }

    @Test
    default void channelsRoundTripPageByIdAndStayInTheirAccount() {
        AlertChannel shared = givenChannel(A, "ch_1", AlertChannel.Type.SLACK, null);
        AlertChannel owned = givenChannel(A, "ch_2", AlertChannel.Type.EMAIL, "key_1");
        AlertChannel third = givenChannel(A, "ch_3", AlertChannel.Type.TEAMS, null);
        givenChannel(B, "ch_4", AlertChannel.Type.WEBHOOK, null);

        assertThat(storage().alertChannels().find(A, "ch_2")).contains(owned);
        assertThat(storage().alertChannels().find(B, "ch_2")).isEmpty();
        assertThat(storage().alertChannels().listAll(A)).containsExactly(shared, owned, third);
        Page<AlertChannel> first = storage().alertChannels().list(A, PageRequest.first(2));
        assertThat(first.items()).containsExactly(shared, owned);
        Page<AlertChannel> second = storage().alertChannels().list(A, new PageRequest(2, first.nextKey()));
        assertThat(second.items()).containsExactly(third);
        assertThat(second.nextKey()).isNull();

        assertThat(storage().alertChannels().delete(B, "ch_1")).isFalse();
        assertThat(storage().alertChannels().delete(A, "ch_1")).isTrue();
        assertThat(storage().alertChannels().listAll(A)).containsExactly(owned, third);
    }

    @Test
    default void alertsRoundTripAndListNewestFirstWithFiltersRangeAndPages() {
        Incident incident = givenIncident(A);
        Alert a1 = alert(incident, "alr_1", Alert.Status.PENDING, at(20));
        Alert a2 = alert(incident, "alr_2", Alert.Status.SUPPRESSED, at(30));
        Alert a3 = alert(incident, "alr_3", Alert.Status.PENDING, at(30));
        Alert a4 = alert(incident, "alr_4", Alert.Status.UNDELIVERABLE, at(40));
        for (Alert a : List.of(a1, a2, a3, a4)) {
            alerts().insert(a);
        }

        assertThat(alerts().find(A, "alr_2")).contains(a2);
        assertThat(alerts().find(B, "alr_2")).isEmpty();
        assertThat(alerts().list(A, AlertFilter.ANY, null, null, PageRequest.first(10)).items())
                .containsExactly(a4, a3, a2, a1);
        assertThat(alerts().list(A, new AlertFilter(null, Alert.Status.PENDING), null, null, PageRequest.first(10))
                .items()).containsExactly(a3, a1);
        assertThat(alerts().list(A, new AlertFilter("mon_2", null), null, null, PageRequest.first(10)).items())
                .isEmpty();
        assertThat(alerts().list(A, AlertFilter.ANY, at(30), at(40), PageRequest.first(10)).items())
                .containsExactly(a3, a2);
        assertThat(alerts().list(B, AlertFilter.ANY, null, null, PageRequest.first(10)).items()).isEmpty();

        List<Alert> paged = new ArrayList<>();
        String key = null;
        do {
            Page<Alert> page = alerts().list(A, AlertFilter.ANY, null, null, new PageRequest(1, key));
            paged.addAll(page.items());
            key = page.nextKey();
        } while (key != null);
        assertThat(paged).containsExactly(a4, a3, a2, a1);
        assertThatThrownBy(() -> alerts().list(A, AlertFilter.ANY, null, null, new PageRequest(1, "garbage")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void aClaimIsExclusiveUntilItsLeaseLapsesAndOnlyTheClaimantCompletes() {
        Incident incident = givenIncident(A);
        Alert pending = alert(incident, "alr_1", Alert.Status.PENDING, at(20));
        alerts().insert(pending);

        assertThat(alerts().listClaimable(at(21), 10)).containsExactly(pending);
        assertThat(alerts().claim(B, "alr_1", "node_b", at(21), at(81))).as("other account").isFalse();
        assertThat(alerts().claim(A, "alr_1", "node_1", at(21), at(81))).isTrue();
        assertThat(alerts().claim(A, "alr_1", "node_2", at(22), at(82))).as("held").isFalse();
        assertThat(alerts().listClaimable(at(22), 10)).isEmpty();
        assertThat(alerts().listClaimable(at(81), 10)).as("lease lapsed").containsExactly(pending);

        Alert delivered = pending.withOutcome(Alert.Status.DELIVERED, null, 1, at(25));
        assertThat(alerts().complete(delivered, "node_2")).as("not the claimant").isFalse();
        assertThat(alerts().complete(delivered, "node_1")).isTrue();
        assertThat(alerts().find(A, "alr_1")).contains(delivered);
        assertThat(alerts().complete(delivered.withOutcome(Alert.Status.FAILED, "late", 2, at(26)), "node_1"))
                .as("already final").isFalse();
        assertThat(alerts().claim(A, "alr_1", "node_3", at(200), at(300))).isFalse();
        assertThat(alerts().listClaimable(at(200), 10)).isEmpty();
    }

    @Test
    default void completingAsPendingHandsTheAlertBackForAnyoneToClaim() {
        Incident incident = givenIncident(A);
        Alert pending = alert(incident, "alr_1", Alert.Status.PENDING, at(20));
        alerts().insert(pending);
        alerts().claim(A, "alr_1", "node_1", at(21), at(600));

        assertThat(alerts().complete(pending.withOutcome(Alert.Status.PENDING, null, 1, at(22)), "node_1")).isTrue();

        assertThat(alerts().listClaimable(at(23), 10)).extracting(Alert::attempts).containsExactly(1);
        assertThat(alerts().claim(A, "alr_1", "node_2", at(23), at(600))).isTrue();
    }

    @Test
    default void ofManyConcurrentClaimantsExactlyOneWins() throws Exception {
        Incident incident = givenIncident(A);
        alerts().insert(alert(incident, "alr_1", Alert.Status.PENDING, at(20)));
        int claimants = 8;
        ExecutorService pool = Executors.newFixedThreadPool(claimants);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < claimants; i++) {
                String node = "node_" + i;
                Callable<Boolean> claim = () -> {
                    start.await();
                    return alerts().claim(A, "alr_1", node, at(21), at(81));
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void anAlertMustBelongToAnIncidentOfItsAccountAndGoesWithIt() {
        Incident incident = givenIncident(A);
        Alert foreign = new Alert("alr_x", B, "mon_1", incident.id(), "ch_1", AlertChannel.Type.SLACK,
                Alert.Event.INCIDENT_OPENED, Alert.Status.PENDING, null, 0, at(20), at(20), null);

        assertThatThrownBy(() -> alerts().insert(foreign)).isInstanceOf(EnoriMcpException.class);
        assertThat(alerts().list(B, AlertFilter.ANY, null, null, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    default void aLongReasonIsCutToFit() {
        Incident incident = givenIncident(A);
        Alert pending = alert(incident, "alr_1", Alert.Status.PENDING, at(20));
        alerts().insert(pending);
        alerts().claim(A, "alr_1", "node_1", at(21), at(81));

        alerts().complete(pending.withOutcome(Alert.Status.FAILED, "x".repeat(5_000), 3, at(22)), "node_1");

        assertThat(alerts().find(A, "alr_1").orElseThrow().reason()).hasSize(1_000);
    }

    @Test
    default void liveActivityTokensRegisterOncePerIncidentAndPushesAreRecorded() {
        Incident incident = givenIncident(A);
        LiveActivityToken token = new LiveActivityToken(A, incident.id(), "abcdef0123456789", "ios", "Dana",
                "key_1", at(30));
        LiveActivityToken renamed = new LiveActivityToken(A, incident.id(), "abcdef0123456789", "ipados", "iPad",
                "key_1", at(40));
        LiveActivityToken other = new LiveActivityToken(A, incident.id(), "fedcba9876543210", "ios", null,
                "key_2", at(35));

        assertThat(storage().liveActivities().register(token)).isTrue();
        assertThat(storage().liveActivities().register(other)).isTrue();
        assertThat(storage().liveActivities().register(renamed)).isFalse();

        assertThat(storage().liveActivities().listForIncident(A, incident.id())).containsExactly(
                new LiveActivityToken(A, incident.id(), "abcdef0123456789", "ipados", "iPad", "key_1", at(30)),
                other);
        assertThat(storage().liveActivities().listForIncident(B, incident.id())).isEmpty();

        PushAttempt ok = new PushAttempt("lap_1", A, incident.id(), "abcdef0123456789",
                IncidentEvent.Kind.ACKNOWLEDGED, true, null, at(50));
        PushAttempt failed = new PushAttempt("lap_2", A, incident.id(), "fedcba9876543210",
                IncidentEvent.Kind.ACKNOWLEDGED, false, "BadDeviceToken", at(50));
        storage().liveActivities().recordPush(ok);
        storage().liveActivities().recordPush(failed);
        assertThat(storage().liveActivities().pushes(A, incident.id())).containsExactly(ok, failed);
        assertThat(storage().liveActivities().pushes(B, incident.id())).isEmpty();
        assertThatThrownBy(() -> storage().liveActivities().register(new LiveActivityToken(B, incident.id(),
                "abcdef0123456789", "ios", null, "key_9", at(60)))).isInstanceOf(EnoriMcpException.class);
    }
}
