package io.enori.mcp.core.store;

import static io.enori.mcp.core.store.Fixtures.A;
import static io.enori.mcp.core.store.Fixtures.B;
import static io.enori.mcp.core.store.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.EnoriMcpException;
import io.enori.mcp.api.JobPing;
import io.enori.mcp.api.JobPing.Kind;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.spi.JobPingStore;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Job heartbeats: round trips, the latest and last-success reads, newest-first paging and account isolation. */
interface JobPingContract extends ContractSupport {

    @Test
    default void insertedPingsAreListedNewestFirstWithEveryFieldIntact() {
        givenJob(A, "mon_1");
        JobPing start = ping(A, "mon_1", "png_1", Kind.START, "run-42", at(1));
        JobPing success = ping(A, "mon_1", "png_2", Kind.SUCCESS, null, Fixtures.atMillis(1_500));
        storage().jobPings().insert(start);
        storage().jobPings().insert(success);

        assertThat(storage().jobPings().list(A, "mon_1", PageRequest.first(10)).items())
                .containsExactly(success, start);
    }

    @Test
    default void nothingIsFoundForAMonitorWithoutPings() {
        givenJob(A, "mon_1");

        assertThat(storage().jobPings().latest(A, "mon_1")).isEmpty();
        assertThat(storage().jobPings().lastSuccess(A, "mon_1")).isEmpty();
        assertThat(storage().jobPings().list(A, "mon_1", PageRequest.first(5)).items()).isEmpty();
    }

    @Test
    default void latestIsTheNewestOfAnyKindAndLastSuccessSkipsLaterStartsAndFailures() {
        givenJob(A, "mon_1");
        storage().jobPings().insert(ping(A, "mon_1", "png_1", Kind.SUCCESS, null, at(10)));
        storage().jobPings().insert(ping(A, "mon_1", "png_2", Kind.SUCCESS, null, at(20)));
        storage().jobPings().insert(ping(A, "mon_1", "png_3", Kind.START, null, at(30)));
        storage().jobPings().insert(ping(A, "mon_1", "png_4", Kind.FAIL, null, at(40)));

        assertThat(storage().jobPings().latest(A, "mon_1")).map(JobPing::id).contains("png_4");
        assertThat(storage().jobPings().lastSuccess(A, "mon_1")).map(JobPing::id).contains("png_2");
        assertThat(storage().jobPings().latest(A, "mon_1", Kind.START)).map(JobPing::id).contains("png_3");
        assertThat(storage().jobPings().latest(A, "mon_1", Kind.FAIL)).map(JobPing::id).contains("png_4");
    }

    @Test
    default void pingsAtTheSameInstantAreOrderedById() {
        givenJob(A, "mon_1");
        storage().jobPings().insert(ping(A, "mon_1", "png_b", Kind.SUCCESS, null, at(10)));
        storage().jobPings().insert(ping(A, "mon_1", "png_a", Kind.SUCCESS, null, at(10)));

        assertThat(storage().jobPings().latest(A, "mon_1")).map(JobPing::id).contains("png_b");
        assertThat(storage().jobPings().lastSuccess(A, "mon_1")).map(JobPing::id).contains("png_b");
    }

    @Test
    default void listPagesNewestFirstAcrossThreePagesWithTiesById() {
        givenJob(A, "mon_1");
        for (String[] p : new String[][] {{"png_1", "10"}, {"png_2", "20"}, {"png_3", "30"}, {"png_4", "30"},
                {"png_5", "40"}}) {
            storage().jobPings().insert(ping(A, "mon_1", p[0], Kind.SUCCESS, null, at(Long.parseLong(p[1]))));
        }

        Page<JobPing> first = storage().jobPings().list(A, "mon_1", PageRequest.first(2));
        Page<JobPing> second = storage().jobPings().list(A, "mon_1", new PageRequest(2, first.nextKey()));
        Page<JobPing> third = storage().jobPings().list(A, "mon_1", new PageRequest(2, second.nextKey()));

        assertThat(ids(first)).containsExactly("png_5", "png_4");
        assertThat(ids(second)).containsExactly("png_3", "png_2");
        assertThat(ids(third)).containsExactly("png_1");
        assertThat(third.nextKey()).isNull();
    }

    @Test
    default void aPageKeyTheStoreDidNotProduceIsRejected() {
        givenJob(A, "mon_1");

        assertThatThrownBy(() -> storage().jobPings().list(A, "mon_1", new PageRequest(5, "not-a-key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not-a-key");
    }

    @Test
    default void anotherAccountsPingsAreNotSeen() {
        givenJob(A, "mon_1");
        storage().jobPings().insert(ping(A, "mon_1", "png_1", Kind.SUCCESS, null, at(10)));

        assertThat(storage().jobPings().latest(B, "mon_1")).isEmpty();
        assertThat(storage().jobPings().lastSuccess(B, "mon_1")).isEmpty();
        assertThat(storage().jobPings().list(B, "mon_1", PageRequest.first(5)).items()).isEmpty();
    }

    @Test
    default void aPingForAnotherAccountsMonitorIsAStorageFailure() {
        givenJob(A, "mon_1");

        assertThatThrownBy(() -> storage().jobPings().insert(ping(B, "mon_1", "png_1", Kind.SUCCESS, null, at(1))))
                .isInstanceOf(EnoriMcpException.class)
                .hasMessageContaining("png_1");
    }

    @Test
    default void aDuplicateIdIsAStorageFailure() {
        givenJob(A, "mon_1");
        storage().jobPings().insert(ping(A, "mon_1", "png_1", Kind.SUCCESS, null, at(1)));

        assertThatThrownBy(() -> storage().jobPings().insert(ping(A, "mon_1", "png_1", Kind.FAIL, null, at(2))))
                .isInstanceOf(EnoriMcpException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    default void durationMessageAndMetricsRoundTripWithThePing() {
        givenJob(A, "mon_1");
        JobPing ping = new JobPing("png_1", A, "mon_1", Kind.SUCCESS, "run-1", at(5), 1234L, "shard 3 of 8",
                Map.of("rows", 1200.0, "lag.ms", 0.25));
        storage().jobPings().insert(ping);

        assertThat(storage().jobPings().list(A, "mon_1", PageRequest.first(5)).items()).containsExactly(ping);
        assertThat(storage().jobPings().latest(A, "mon_1")).contains(ping);
    }

    @Test
    default void aPingWhoseMetricsCannotBeStoredLeavesNoPingBehind() {
        givenJob(A, "mon_1");
        storage().jobPings().insert(new JobPing("png_1", A, "mon_1", Kind.SUCCESS, null, at(1), null, null,
                Map.of("rows", 1.0)));

        // Same id: the ping row fails; and a second ping whose metric batch would clash cannot be half-stored.
        assertThatThrownBy(() -> storage().jobPings().insert(new JobPing("png_1", A, "mon_1", Kind.FAIL, null, at(2),
                null, null, Map.of("rows", 2.0)))).isInstanceOf(EnoriMcpException.class);

        assertThat(storage().jobPings().list(A, "mon_1", PageRequest.first(5)).items()).extracting(JobPing::kind)
                .containsExactly(Kind.SUCCESS);
        assertThat(storage().jobPings().countMetricPoints(A, "mon_1", "rows", at(0), at(100))).isEqualTo(1);
    }

    @Test
    default void theFilteredListHonoursRangeKindAndRun() {
        givenJob(A, "mon_1");
        storage().jobPings().insert(ping(A, "mon_1", "png_1", Kind.START, "r1", at(10)));
        storage().jobPings().insert(ping(A, "mon_1", "png_2", Kind.SUCCESS, "r1", at(20)));
        storage().jobPings().insert(ping(A, "mon_1", "png_3", Kind.SUCCESS, "r2", at(30)));
        storage().jobPings().insert(ping(A, "mon_1", "png_4", Kind.SUCCESS, null, at(40)));

        assertThat(ids(storage().jobPings().list(A, "mon_1", new JobPingStore.Filter(at(20), at(40), null, null),
                PageRequest.first(10)))).containsExactly("png_3", "png_2");
        assertThat(ids(storage().jobPings().list(A, "mon_1", new JobPingStore.Filter(null, null, Kind.SUCCESS, "r1"),
                PageRequest.first(10)))).containsExactly("png_2");
        assertThat(ids(storage().jobPings().list(B, "mon_1", JobPingStore.Filter.ALL, PageRequest.first(10))))
                .isEmpty();
    }

    @Test
    default void metricKeysPointsAndBucketsReadTheSeriesOfOneMonitor() {
        givenJob(A, "mon_1");
        givenJob(B, "mon_2");
        storage().jobPings().insert(new JobPing("png_1", A, "mon_1", Kind.SUCCESS, "r1", at(0), null, null,
                Map.of("rows", 10.0, "errors", 1.0)));
        storage().jobPings().insert(new JobPing("png_2", A, "mon_1", Kind.SUCCESS, "r1", at(30), null, null,
                Map.of("rows", 20.0)));
        storage().jobPings().insert(new JobPing("png_3", A, "mon_1", Kind.SUCCESS, null, at(70), null, null,
                Map.of("rows", 60.0)));
        storage().jobPings().insert(new JobPing("png_4", B, "mon_2", Kind.SUCCESS, null, at(70), null, null,
                Map.of("rows", 999.0)));

        assertThat(storage().jobPings().metricKeys(A, "mon_1", at(0), at(100))).containsExactly(
                new JobPingStore.MetricKey("errors", 1, 1.0, at(0)),
                new JobPingStore.MetricKey("rows", 3, 60.0, at(70)));
        assertThat(storage().jobPings().countMetricPoints(A, "mon_1", "rows", at(0), at(70))).isEqualTo(2);
        assertThat(storage().jobPings().metricPoints(A, "mon_1", "rows", at(0), at(100), 2)).containsExactly(
                new JobPingStore.MetricPoint(at(0), 10.0, "r1"), new JobPingStore.MetricPoint(at(30), 20.0, "r1"));
        List<JobPingStore.MetricBucket> buckets = storage().jobPings().metricBuckets(A, "mon_1", "rows", at(0),
                at(100), Duration.ofMinutes(1));
        assertThat(buckets).extracting(JobPingStore.MetricBucket::count).containsExactly(2L, 1L);
        assertThat(buckets.get(0).avg()).isEqualTo(15.0);
        assertThat(buckets.get(0).min()).isEqualTo(10.0);
        assertThat(buckets.get(0).max()).isEqualTo(20.0);
        assertThat(storage().jobPings().metricKeys(B, "mon_1", at(0), at(100))).isEmpty();
    }

    @Test
    default void aHeartbeatTokenIsKeptOncePerMonitorAndFoundAcrossAccounts() {
        givenJob(A, "mon_1");

        assertThat(storage().jobPings().ensureToken(A, "mon_1", "tok-first-0123456789", at(1)))
                .isEqualTo("tok-first-0123456789");
        assertThat(storage().jobPings().ensureToken(A, "mon_1", "tok-second-0123456789", at(2)))
                .isEqualTo("tok-first-0123456789");
        assertThat(storage().jobPings().token(A, "mon_1")).contains("tok-first-0123456789");
        assertThat(storage().jobPings().token(B, "mon_1")).isEmpty();
        assertThat(storage().jobPings().findByToken("tok-first-0123456789"))
                .contains(new JobPingStore.TokenOwner(A, "mon_1"));
        assertThat(storage().jobPings().findByToken("tok-second-0123456789")).isEmpty();
    }

    private void givenJob(String accountId, String monitorId) {
        givenMonitor(Fixtures.monitor(accountId, monitorId, "Nightly backup", new MonitorTarget.Job(60)));
    }

    private static JobPing ping(String accountId, String monitorId, String id, Kind kind, String runId,
                                Instant receivedAt) {
        return new JobPing(id, accountId, monitorId, kind, runId, receivedAt);
    }

    private static List<String> ids(Page<JobPing> page) {
        return page.items().stream().map(JobPing::id).toList();
    }
}
