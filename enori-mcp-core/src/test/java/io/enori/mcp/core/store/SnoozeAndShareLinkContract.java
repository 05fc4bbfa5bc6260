package io.enori.mcp.core.store;

import static io.enori.mcp.core.store.Fixtures.A;
import static io.enori.mcp.core.store.Fixtures.B;
import static io.enori.mcp.core.store.Fixtures.T0;
import static io.enori.mcp.core.store.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.EnoriMcpException;
import io.enori.mcp.api.ShareLink;
import io.enori.mcp.api.Snooze;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Per-principal snoozes and public share links. */
interface SnoozeAndShareLinkContract extends ContractSupport {

    @Test
    default void upsertCreatesASnoozeThenReplacesIt() {
        givenMonitor(A, "mon_1");
        Snooze first = new Snooze(A, "mon_1", "key_1", at(3_600), T0);
        Snooze second = new Snooze(A, "mon_1", "key_1", at(7_200), at(60));

        storage().snoozes().upsert(first);
        assertThat(storage().snoozes().find(A, "mon_1", "key_1")).contains(first);

        storage().snoozes().upsert(second);
        assertThat(storage().snoozes().find(A, "mon_1", "key_1")).contains(second);
        assertThat(storage().snoozes().listForMonitor(A, "mon_1")).containsExactly(second);
    }

    @Test
    default void concurrentUpsertsOfOneSnoozeAllSucceedAndLeaveOneRow() throws Exception {
        givenMonitor(A, "mon_1");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> upserts = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Snooze snooze = new Snooze(A, "mon_1", "key_1", at(60 + i), T0);
                upserts.add(pool.submit(() -> {
                    start.await();
                    storage().snoozes().upsert(snooze);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> upsert : upserts) {
                upsert.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(storage().snoozes().listForMonitor(A, "mon_1")).hasSize(1);
    }

    @Test
    default void snoozesArePerPrincipalAndListedExpiredOnesIncluded() {
        givenMonitor(A, "mon_1");
        givenMonitor(A, "mon_2");
        Snooze expired = new Snooze(A, "mon_1", "key_1", at(10), T0);
        Snooze active = new Snooze(A, "mon_1", "grant_7", at(86_400), at(5));
        storage().snoozes().upsert(expired);
        storage().snoozes().upsert(active);
        storage().snoozes().upsert(new Snooze(A, "mon_2", "key_1", at(60), T0));

        assertThat(storage().snoozes().listForMonitor(A, "mon_1")).containsExactly(expired, active);
        assertThat(storage().snoozes().find(A, "mon_1", "key_2")).isEmpty();
    }

    @Test
    default void deleteReportsWhetherASnoozeExisted() {
        givenMonitor(A, "mon_1");
        storage().snoozes().upsert(new Snooze(A, "mon_1", "key_1", at(60), T0));

        assertThat(storage().snoozes().delete(A, "mon_1", "key_1")).isTrue();
        assertThat(storage().snoozes().delete(A, "mon_1", "key_1")).isFalse();
        assertThat(storage().snoozes().find(A, "mon_1", "key_1")).isEmpty();
    }

    @Test
    default void anotherAccountCannotSeeOrDeleteASnooze() {
        givenMonitor(A, "mon_1");
        Snooze snooze = new Snooze(A, "mon_1", "key_1", at(60), T0);
        storage().snoozes().upsert(snooze);

        assertThat(storage().snoozes().find(B, "mon_1", "key_1")).isEmpty();
        assertThat(storage().snoozes().listForMonitor(B, "mon_1")).isEmpty();
        assertThat(storage().snoozes().delete(B, "mon_1", "key_1")).isFalse();
        assertThat(storage().snoozes().find(A, "mon_1", "key_1")).contains(snooze);
    }

    @Test
    default void aSnoozeOnAnotherAccountsMonitorIsRefused() {
        givenMonitor(A, "mon_1");

        assertThatThrownBy(() -> storage().snoozes().upsert(new Snooze(B, "mon_1", "key_1", at(60), T0)))
                .isInstanceOf(EnoriMcpException.class);
        assertThat(storage().snoozes().listForMonitor(A, "mon_1")).isEmpty();
    }

    @Test
    default void activeShareLinksAreListedAndFoundByTokenHash() {
        givenMonitor(A, "mon_1");
        givenMonitor(A, "mon_2");
        ShareLink second = new ShareLink("shr_2", A, "mon_1", "token-2", at(20), null);
        ShareLink first = new ShareLink("shr_1", A, "mon_1", "token-1", at(10), null);
        ShareLink revoked = new ShareLink("shr_3", A, "mon_1", "token-3", at(5), at(6));
        for (ShareLink link : new ShareLink[] {second, first, revoked,
                new ShareLink("shr_4", A, "mon_2", "token-4", at(1), null)}) {
            storage().shareLinks().insert(link);
        }

        assertThat(storage().shareLinks().listActive(A, "mon_1")).containsExactly(first, second);
        assertThat(storage().shareLinks().findActiveByTokenHash("token-2")).contains(second);
        assertThat(storage().shareLinks().findActiveByTokenHash("token-3")).isEmpty();
        assertThat(storage().shareLinks().findActiveByTokenHash("token-unknown")).isEmpty();
    }

    @Test
    default void revokeAllRevokesEachActiveLinkOnce() {
        givenMonitor(A, "mon_1");
        storage().shareLinks().insert(new ShareLink("shr_1", A, "mon_1", "token-1", at(10), null));
        storage().shareLinks().insert(new ShareLink("shr_2", A, "mon_1", "token-2", at(20), null));
        storage().shareLinks().insert(new ShareLink("shr_3", A, "mon_1", "token-3", at(5), at(6)));

        assertThat(storage().shareLinks().revokeAll(A, "mon_1", at(30))).isEqualTo(2);
        assertThat(storage().shareLinks().revokeAll(A, "mon_1", at(40))).isZero();
        assertThat(storage().shareLinks().listActive(A, "mon_1")).isEmpty();
        assertThat(storage().shareLinks().findActiveByTokenHash("token-1")).isEmpty();
    }

    @Test
    default void anotherAccountCannotListOrRevokeShareLinks() {
        givenMonitor(A, "mon_1");
        ShareLink link = new ShareLink("shr_1", A, "mon_1", "token-1", at(10), null);
        storage().shareLinks().insert(link);

        assertThat(storage().shareLinks().listActive(B, "mon_1")).isEmpty();
        assertThat(storage().shareLinks().revokeAll(B, "mon_1", at(30))).isZero();
        assertThat(storage().shareLinks().listActive(A, "mon_1")).containsExactly(link);
    }
}
