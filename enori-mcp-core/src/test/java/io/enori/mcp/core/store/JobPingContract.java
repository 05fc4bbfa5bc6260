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
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import java.time.Instant;
import java.util.List;
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
