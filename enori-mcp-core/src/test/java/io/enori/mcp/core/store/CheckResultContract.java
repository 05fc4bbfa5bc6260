package io.enori.mcp.core.store;

import static io.enori.mcp.api.CheckStatus.DOWN;
import static io.enori.mcp.api.CheckStatus.UP;
import static io.enori.mcp.core.store.Fixtures.A;
import static io.enori.mcp.core.store.Fixtures.B;
import static io.enori.mcp.core.store.Fixtures.T0;
import static io.enori.mcp.core.store.Fixtures.at;
import static io.enori.mcp.core.store.Fixtures.atMillis;
import static io.enori.mcp.core.store.Fixtures.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.spi.CheckStats;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Check results: newest-first keyset paging over half-open ranges, and the aggregates built on them. */
interface CheckResultContract extends ContractSupport {

    @Test
    default void insertedResultsAreListedWithEveryFieldIntact() {
        givenMonitor(A, "mon_1");
        CheckResult up = new CheckResult("chk_1", A, "mon_1", UP, 87, 200, null, true, at(86_400 * 60),
                at(86_400 * 400), at(1));
        CheckResult down = new CheckResult("chk_2", A, "mon_1", DOWN, null, null, "TLS handshake failed", false, null,
                null, at(2));
        storage().checkResults().insert(up);
        storage().checkResults().insert(down);

        assertThat(storage().checkResults().list(A, "mon_1", null, null, PageRequest.first(10)).items())
                .containsExactly(down, up);
    }

    @Test
    default void anOverlongErrorTextIsKeptInPartRatherThanFailingTheWrite() {
        givenMonitor(A, "mon_1");
        String error = "x".repeat(100_000);
        storage().checkResults().insert(new CheckResult("chk_1", A, "mon_1", DOWN, null, null, error, null, null,
                null, at(1)));

        String stored = storage().checkResults().list(A, "mon_1", null, null, PageRequest.first(1)).items().get(0)
                .error();
        assertThat(error).startsWith(stored);
        assertThat(stored).hasSizeGreaterThanOrEqualTo(1_000);
    }

    @Test
    default void listIsNewestFirstWithTiesByIdAndPagesAcrossThreePages() {
        givenMonitor(A, "mon_1");
        givenChecks(A, "mon_1", List.of(
                check(A, "mon_1", "chk_1", UP, 1, at(10)),
                check(A, "mon_1", "chk_2", UP, 1, at(20)),
                check(A, "mon_1", "chk_3", UP, 1, at(30)),
                check(A, "mon_1", "chk_4", UP, 1, at(30)),
                check(A, "mon_1", "chk_5", UP, 1, at(30)),
                check(A, "mon_1", "chk_6", DOWN, 1, at(40)),
                check(A, "mon_1", "chk_7", UP, 1, at(50))));

        Page<CheckResult> first = page(A, "mon_1", null, null, PageRequest.first(3));
        Page<CheckResult> second = page(A, "mon_1", null, null, new PageRequest(3, first.nextKey()));
        Page<CheckResult> third = page(A, "mon_1", null, null, new PageRequest(3, second.nextKey()));

        // The page boundary falls between chk_4 and chk_3, which share one instant: the id breaks the tie.
        assertThat(ids(first)).containsExactly("chk_7", "chk_6", "chk_5");
        assertThat(ids(second)).containsExactly("chk_4", "chk_3", "chk_2");
        assertThat(ids(third)).containsExactly("chk_1");
        assertThat(first.nextKey()).isNotNull();
        assertThat(third.nextKey()).isNull();
    }

    @Test
    default void listNarrowsToOneStatusAndPagesWithinIt() {
        givenMonitor(A, "mon_1");
        givenChecks(A, "mon_1", List.of(
                check(A, "mon_1", "chk_1", DOWN, 1, at(10)),
                check(A, "mon_1", "chk_2", UP, 1, at(20)),
                check(A, "mon_1", "chk_3", DOWN, 1, at(30)),
                check(A, "mon_1", "chk_4", DOWN, 1, at(40))));

        Page<CheckResult> first = storage().checkResults().list(A, "mon_1", DOWN, null, null, PageRequest.first(2));
        assertThat(ids(first)).containsExactly("chk_4", "chk_3");
        Page<CheckResult> second = storage().checkResults().list(A, "mon_1", DOWN, null, null,
                new PageRequest(2, first.nextKey()));
        assertThat(ids(second)).containsExactly("chk_1");
        assertThat(second.nextKey()).isNull();
        assertThat(ids(storage().checkResults().list(A, "mon_1", UP, null, null, PageRequest.first(10))))
                .containsExactly("chk_2");
    }

    @Test
    default void listRangeIncludesSinceAndExcludesUntil() {
        givenMonitor(A, "mon_1");
        Instant since = at(100);
        Instant until = at(200);
        givenChecks(A, "mon_1", List.of(
                check(A, "mon_1", "chk_before", UP, 1, since.minusNanos(1_000)),
                check(A, "mon_1", "chk_since", UP, 1, since),
                check(A, "mon_1", "chk_last", UP, 1, until.minusNanos(1_000)),
                check(A, "mon_1", "chk_until", UP, 1, until)));

        Page<CheckResult> inRange = page(A, "mon_1", since, until, PageRequest.first(10));

        assertThat(ids(inRange)).containsExactly("chk_last", "chk_since");
        assertThat(ids(page(A, "mon_1", since, until, PageRequest.first(1)))).containsExactly("chk_last");
        assertThat(ids(page(A, "mon_1", since, until, new PageRequest(1,
                page(A, "mon_1", since, until, PageRequest.first(1)).nextKey())))).containsExactly("chk_since");
    }

    @Test
    default void listSeesOnlyTheAccountsAndTheMonitorsResults() {
        givenMonitor(A, "mon_1");
        givenMonitor(A, "mon_2");
        storage().checkResults().insert(check(A, "mon_1", "chk_1", UP, 1, at(1)));
        storage().checkResults().insert(check(A, "mon_2", "chk_2", UP, 1, at(1)));

        assertThat(ids(page(A, "mon_1", null, null, PageRequest.first(10)))).containsExactly("chk_1");
        assertThat(page(B, "mon_1", null, null, PageRequest.first(10)).items()).isEmpty();
        assertThat(storage().checkResults().stats(B, "mon_1", T0, at(10))).isEqualTo(CheckStats.empty("mon_1"));
        assertThat(storage().checkResults().statsByMonitor(B, T0, at(10))).isEmpty();
    }

    @Test
    default void aForeignPageKeyIsRejectedAsAnArgument() {
        givenMonitor(A, "mon_1");

        assertThatThrownBy(() -> page(A, "mon_1", null, null, new PageRequest(5, "mon_0001")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Known data over [T0, T0+600s): response times 100, 300, 200, 400, 500 (one down check has none), so the
     * mean is 300 and the continuous 95th percentile is 400 + 0.8 * (500 - 400) = 480. Down from 60s to 180s,
     * and from 300s to the range's end: 420s. The checks just outside the range must not count.
     */
    @Test
    default void statsOfAKnownDataSet() {
        givenMonitor(A, "mon_1");
        givenChecks(A, "mon_1", knownDataSet("mon_1"));

        CheckStats stats = storage().checkResults().stats(A, "mon_1", T0, at(600));

        assertThat(stats.monitorId()).isEqualTo("mon_1");
        assertThat(stats.total()).isEqualTo(6);
        assertThat(stats.failed()).isEqualTo(3);
        assertThat(stats.avgResponseMs()).isCloseTo(300.0, within(1e-9));
        assertThat(stats.p95ResponseMs()).isCloseTo(480.0, within(1e-9));
        assertThat(stats.lastSuccessAt()).isEqualTo(at(240));
        assertThat(stats.downtimeSeconds()).isEqualTo(420);
    }

    @Test
    default void statsWithoutChecksAreEmpty() {
        givenMonitor(A, "mon_1");

        assertThat(storage().checkResults().stats(A, "mon_1", T0, at(600))).isEqualTo(CheckStats.empty("mon_1"));
    }

    @Test
    default void statsWithoutResponseTimesHaveNoAverageOrPercentile() {
        givenMonitor(A, "mon_1");
        givenChecks(A, "mon_1", List.of(check(A, "mon_1", "chk_1", DOWN, null, at(0)),
                check(A, "mon_1", "chk_2", DOWN, null, at(30))));

        CheckStats stats = storage().checkResults().stats(A, "mon_1", T0, at(60));

        assertThat(stats).isEqualTo(new CheckStats("mon_1", 2, 2, null, null, null, 60));
    }

    @Test
    default void downtimeIsSummedBeforeRoundingDownToSeconds() {
        givenMonitor(A, "mon_1");
        givenChecks(A, "mon_1", List.of(
                check(A, "mon_1", "chk_1", DOWN, 1, atMillis(400)),
                check(A, "mon_1", "chk_2", UP, 1, atMillis(1_000)),
                check(A, "mon_1", "chk_3", DOWN, 1, atMillis(2_000)),
                check(A, "mon_1", "chk_4", UP, 1, atMillis(2_700))));

        assertThat(storage().checkResults().stats(A, "mon_1", T0, at(10)).downtimeSeconds()).isEqualTo(1);
    }

    @Test
    default void statsByMonitorCoversEveryMonitorWithChecksInRangeAndAgreesWithStats() {
        givenMonitor(A, "mon_1");
        givenMonitor(A, "mon_2");
        givenMonitor(A, "mon_3");
        givenMonitor(B, "mon_b");
        givenChecks(A, "mon_1", knownDataSet("mon_1"));
        givenChecks(A, "mon_2", List.of(check(A, "mon_2", "chk_21", DOWN, 50, at(10)),
                check(A, "mon_2", "chk_22", UP, 150, at(20))));
        storage().checkResults().insert(check(A, "mon_3", "chk_31", DOWN, 5, at(700)));
        storage().checkResults().insert(check(B, "mon_b", "chk_b1", UP, 5, at(10)));

        Map<String, CheckStats> byMonitor = storage().checkResults().statsByMonitor(A, T0, at(600));

        assertThat(byMonitor).containsOnlyKeys("mon_1", "mon_2");
        assertThat(byMonitor.get("mon_1")).isEqualTo(storage().checkResults().stats(A, "mon_1", T0, at(600)));
        CheckStats second = byMonitor.get("mon_2");
        assertThat(second.total()).isEqualTo(2);
        assertThat(second.failed()).isEqualTo(1);
        assertThat(second.avgResponseMs()).isCloseTo(100.0, within(1e-9));
        assertThat(second.p95ResponseMs()).isCloseTo(145.0, within(1e-9));
        assertThat(second.lastSuccessAt()).isEqualTo(at(20));
        assertThat(second.downtimeSeconds()).isEqualTo(10);
    }

    private List<CheckResult> knownDataSet(String monitorId) {
        return List.of(
                check(A, monitorId, monitorId + "_before", DOWN, 900, at(-60)),
                check(A, monitorId, monitorId + "_0", UP, 100, at(0)),
                check(A, monitorId, monitorId + "_60", DOWN, null, at(60)),
                check(A, monitorId, monitorId + "_120", DOWN, 300, at(120)),
                check(A, monitorId, monitorId + "_180", UP, 200, at(180)),
                check(A, monitorId, monitorId + "_240", UP, 400, at(240)),
                check(A, monitorId, monitorId + "_300", DOWN, 500, at(300)),
                check(A, monitorId, monitorId + "_until", UP, 1, at(600)));
    }

    /** Inserted in reverse so that nothing depends on insertion order. */
    private void givenChecks(String accountId, String monitorId, List<CheckResult> checks) {
        for (int i = checks.size() - 1; i >= 0; i--) {
            CheckResult check = checks.get(i);
            assertThat(check.accountId()).isEqualTo(accountId);
            assertThat(check.monitorId()).isEqualTo(monitorId);
            storage().checkResults().insert(check);
        }
    }

    private Page<CheckResult> page(String accountId, String monitorId, Instant since, Instant until,
                                   PageRequest request) {
        return storage().checkResults().list(accountId, monitorId, since, until, request);
    }

    private static List<String> ids(Page<CheckResult> page) {
        return page.items().stream().map(CheckResult::id).toList();
    }
}
