package io.enori.mcp.core.store;

import static io.enori.mcp.api.IncidentEvent.Kind.ACKNOWLEDGED;
import static io.enori.mcp.api.IncidentEvent.Kind.OPENED;
import static io.enori.mcp.api.IncidentEvent.Kind.RECOVERED;
import static io.enori.mcp.api.IncidentEvent.Kind.RESOLVED;
import static io.enori.mcp.api.IncidentEvent.Kind.UPDATE;
import static io.enori.mcp.core.store.Fixtures.A;
import static io.enori.mcp.core.store.Fixtures.B;
import static io.enori.mcp.core.store.Fixtures.T0;
import static io.enori.mcp.core.store.Fixtures.acknowledged;
import static io.enori.mcp.core.store.Fixtures.at;
import static io.enori.mcp.core.store.Fixtures.event;
import static io.enori.mcp.core.store.Fixtures.incident;
import static io.enori.mcp.core.store.Fixtures.resolved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.EnoriMcpException;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentEvent;
import io.enori.mcp.api.IncidentStatus;
import io.enori.mcp.api.spi.IncidentFilter;
import io.enori.mcp.api.spi.IncidentStats;
import io.enori.mcp.api.spi.IncidentStore;
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
 * Incidents: one active per monitor enforced by the database, compare-and-set transitions that write their
 * timeline entry with them, newest-first keyset paging, timelines, figures and account isolation.
 */
interface IncidentContract extends ContractSupport {

    default IncidentStore incidents() {
        return storage().incidents();
    }

    @Test
    default void anOpenedIncidentIsFoundWithEveryFieldIntactAndIsItsMonitorsActiveOne() {
        givenMonitor(A, "mon_1");
        Incident incident = incident(A, "inc_1", "mon_1", at(10));
        IncidentEvent opened = event(incident, OPENED, IncidentEvent.SYSTEM, at(10));

        assertThat(incidents().open(incident, opened)).isTrue();

        assertThat(incidents().find(A, "inc_1")).contains(incident);
        assertThat(incidents().findActive(A, "mon_1")).contains(incident);
        assertThat(incidents().timeline(A, "inc_1")).containsExactly(opened);
    }

    @Test
    default void aTransitionWritesEveryFieldAndEndsTheMonitorsActiveIncident() {
        givenMonitor(A, "mon_1");
        Incident open = givenOpen(incident(A, "inc_1", "mon_1", at(10)));
        Incident acked = acknowledged(open, "key_1", at(70));
        Incident done = resolved(acked, "key_2", "Rolled back the deploy", at(610));

        assertThat(incidents().transition(acked, IncidentStatus.OPEN, event(acked, ACKNOWLEDGED, "key_1", at(70))))
                .isTrue();
        assertThat(incidents().find(A, "inc_1")).contains(acked);
        assertThat(incidents().findActive(A, "mon_1")).contains(acked);
        assertThat(incidents().transition(done, IncidentStatus.ACKNOWLEDGED,
                event(done, RESOLVED, "key_2", at(610)))).isTrue();

        assertThat(incidents().find(A, "inc_1")).contains(done);
        assertThat(incidents().findActive(A, "mon_1")).isEmpty();
        assertThat(incidents().timeline(A, "inc_1")).extracting(IncidentEvent::kind)
                .containsExactly(OPENED, ACKNOWLEDGED, RESOLVED);
    }

    @Test
    default void aSecondOpenForTheSameMonitorReturnsFalseAndWritesNothing() {
        givenMonitor(A, "mon_1");
        Incident first = givenOpen(incident(A, "inc_1", "mon_1", at(10)));
        Incident second = incident(A, "inc_2", "mon_1", at(20));

        assertThat(incidents().open(second, event(second, OPENED, IncidentEvent.SYSTEM, at(20)))).isFalse();

        assertThat(incidents().findActive(A, "mon_1")).contains(first);
        assertThat(incidents().find(A, "inc_2")).isEmpty();
        assertThat(incidents().list(A, IncidentFilter.ANY, null, null, PageRequest.first(10)).items())
                .containsExactly(first);
        assertThat(incidents().timeline(A, "inc_1")).extracting(IncidentEvent::kind).containsExactly(OPENED);
        assertThat(incidents().timeline(A, "inc_2")).isEmpty();
    }

    @Test
    default void concurrentOpensForOneMonitorLetExactlyOneWin() throws Exception {
        givenMonitor(A, "mon_1");
        List<Callable<Boolean>> opens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Incident incident = incident(A, "inc_" + i, "mon_1", at(i));
            opens.add(() -> incidents().open(incident, event(incident, OPENED, IncidentEvent.SYSTEM,
                    incident.startedAt())));
        }

        List<Boolean> outcomes = race(opens);

        assertThat(outcomes).containsOnlyOnce(true);
        assertThat(incidents().list(A, IncidentFilter.ANY, null, null, PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    default void afterResolvingANewIncidentOpensForTheMonitor() {
        givenMonitor(A, "mon_1");
        Incident first = givenOpen(incident(A, "inc_1", "mon_1", at(10)));
        Incident recovered = resolved(first, null, "Recovered: HTTP 200", at(100));
        incidents().transition(recovered, IncidentStatus.OPEN, event(recovered, RECOVERED, IncidentEvent.SYSTEM,
                at(100)));
        Incident second = incident(A, "inc_2", "mon_1", at(200));

        assertThat(incidents().open(second, event(second, OPENED, IncidentEvent.SYSTEM, at(200)))).isTrue();

        assertThat(incidents().findActive(A, "mon_1")).contains(second);
        assertThat(incidents().find(A, "inc_1")).contains(recovered);
    }

    @Test
    default void aTransitionFromAStatusTheIncidentIsNotInWritesNothing() {
        givenMonitor(A, "mon_1");
        Incident open = givenOpen(incident(A, "inc_1", "mon_1", at(10)));
        Incident done = resolved(open, "key_1", "done", at(50));

        assertThat(incidents().transition(done, IncidentStatus.ACKNOWLEDGED, event(done, RESOLVED, "key_1", at(50))))
                .isFalse();

        assertThat(incidents().find(A, "inc_1")).contains(open);
        assertThat(incidents().timeline(A, "inc_1")).extracting(IncidentEvent::kind).containsExactly(OPENED);
    }

    @Test
    default void makingAResolvedIncidentActiveWhileItsMonitorHasAnotherIsRefused() {
        givenMonitor(A, "mon_1");
        Incident first = givenOpen(incident(A, "inc_1", "mon_1", at(10)));
        Incident done = resolved(first, "key_1", "done", at(20));
        incidents().transition(done, IncidentStatus.OPEN, event(done, RESOLVED, "key_1", at(20)));
        givenOpen(incident(A, "inc_2", "mon_1", at(30)));
        Incident reopened = acknowledged(first, "key_1", at(40));

        assertThat(incidents().transition(reopened, IncidentStatus.RESOLVED,
                event(reopened, ACKNOWLEDGED, "key_1", at(40)))).isFalse();

        assertThat(incidents().find(A, "inc_1")).contains(done);
        assertThat(incidents().timeline(A, "inc_1")).extracting(IncidentEvent::kind).containsExactly(OPENED,
                RESOLVED);
    }

    /** Repeated on fresh incidents, so an interleaving that lets both win has many chances to show. */
    @Test
    default void aResolveRacingAnAcknowledgeFromOpenLetsExactlyOneWin() throws Exception {
        for (int round = 0; round < 10; round++) {
            String monitorId = Fixtures.monitorId(round);
            givenMonitor(A, monitorId);
            Incident open = givenOpen(incident(A, "inc_" + round, monitorId, at(round)));
            Incident done = resolved(open, "key_1", "fixed", at(round + 60));
            Incident acked = acknowledged(open, "key_2", at(round + 60));

            List<Callable<Boolean>> racers = List.of(
                    () -> incidents().transition(done, IncidentStatus.OPEN, event(done, RESOLVED, "key_1",
                            done.updatedAt())),
                    () -> incidents().transition(acked, IncidentStatus.OPEN, event(acked, ACKNOWLEDGED, "key_2",
                            acked.updatedAt())));
            List<Boolean> outcomes = race(racers);

            assertThat(outcomes).containsOnlyOnce(true);
            Incident winner = outcomes.get(0) ? done : acked;
            assertThat(incidents().find(A, open.id())).contains(winner);
            assertThat(incidents().timeline(A, open.id())).extracting(IncidentEvent::kind)
                    .containsExactly(OPENED, outcomes.get(0) ? RESOLVED : ACKNOWLEDGED);
        }
    }

    @Test
    default void incidentsAreListedNewestFirstWithTiesByIdAcrossThreePages() {
        for (int i = 1; i <= 7; i++) {
            givenMonitor(A, "mon_" + i);
        }
        long[] starts = {10, 20, 30, 30, 30, 40, 50};
        for (int i = 1; i <= 7; i++) {
            givenOpen(incident(A, "inc_" + i, "mon_" + i, at(starts[i - 1])));
        }

        Page<Incident> first = page(A, IncidentFilter.ANY, null, null, PageRequest.first(3));
        Page<Incident> second = page(A, IncidentFilter.ANY, null, null, new PageRequest(3, first.nextKey()));
        Page<Incident> third = page(A, IncidentFilter.ANY, null, null, new PageRequest(3, second.nextKey()));

        // The page boundary falls between inc_4 and inc_3, which started at one instant: the id breaks the tie.
        assertThat(ids(first)).containsExactly("inc_7", "inc_6", "inc_5");
        assertThat(ids(second)).containsExactly("inc_4", "inc_3", "inc_2");
        assertThat(ids(third)).containsExactly("inc_1");
        assertThat(third.nextKey()).isNull();
    }

    @Test
    default void listNarrowsByStatusMonitorAndActivityAndPagesWithinAFilter() {
        givenMonitor(A, "mon_1");
        givenMonitor(A, "mon_2");
        givenMonitor(A, "mon_3");
        Incident old = givenOpen(incident(A, "inc_1", "mon_1", at(10)));
        incidents().transition(resolved(old, null, "recovered", at(15)), IncidentStatus.OPEN,
                event(old, RECOVERED, IncidentEvent.SYSTEM, at(15)));
        givenOpen(incident(A, "inc_2", "mon_1", at(20)));
        Incident acked = givenOpen(incident(A, "inc_3", "mon_2", at(30)));
        incidents().transition(acknowledged(acked, "key_1", at(35)), IncidentStatus.OPEN,
                event(acked, ACKNOWLEDGED, "key_1", at(35)));
        givenOpen(incident(A, "inc_4", "mon_3", at(40)));

        assertThat(ids(page(A, new IncidentFilter(IncidentStatus.OPEN, null, false), null, null,
                PageRequest.first(10)))).containsExactly("inc_4", "inc_2");
        assertThat(ids(page(A, new IncidentFilter(null, "mon_1", false), null, null, PageRequest.first(10))))
                .containsExactly("inc_2", "inc_1");
        assertThat(ids(page(A, new IncidentFilter(null, null, true), null, null, PageRequest.first(10))))
                .containsExactly("inc_4", "inc_3", "inc_2");
        assertThat(ids(page(A, new IncidentFilter(null, "mon_1", true), null, null, PageRequest.first(10))))
                .containsExactly("inc_2");
        assertThat(ids(page(A, new IncidentFilter(IncidentStatus.RESOLVED, null, false), null, null,
                PageRequest.first(10)))).containsExactly("inc_1");
        assertThat(page(A, new IncidentFilter(IncidentStatus.RESOLVED, null, true), null, null,
                PageRequest.first(10)).items()).isEmpty();

        IncidentFilter active = new IncidentFilter(null, null, true);
        Page<Incident> first = page(A, active, null, null, PageRequest.first(2));
        assertThat(ids(first)).containsExactly("inc_4", "inc_3");
        Page<Incident> second = page(A, active, null, null, new PageRequest(2, first.nextKey()));
        assertThat(ids(second)).containsExactly("inc_2");
        assertThat(second.nextKey()).isNull();
    }

    @Test
    default void listRangeOnStartIncludesSinceAndExcludesUntilAndEitherEndIsOptional() {
        Instant since = at(100);
        Instant until = at(200);
        List<Instant> starts = List.of(since.minusNanos(1_000), since, until.minusNanos(1_000), until);
        List<String> names = List.of("inc_before", "inc_since", "inc_last", "inc_until");
        for (int i = 0; i < starts.size(); i++) {
            givenMonitor(A, "mon_" + i);
            givenOpen(incident(A, names.get(i), "mon_" + i, starts.get(i)));
        }
        IncidentFilter any = IncidentFilter.ANY;
        assertThat(ids(page(A, any, since, until, PageRequest.first(10)))).containsExactly("inc_last", "inc_since");
        assertThat(ids(page(A, any, since, null, PageRequest.first(10))))
                .containsExactly("inc_until", "inc_last", "inc_since");
        assertThat(ids(page(A, any, null, until, PageRequest.first(10))))
                .containsExactly("inc_last", "inc_since", "inc_before");
        Page<Incident> first = page(A, any, since, until, PageRequest.first(1));
        assertThat(ids(first)).containsExactly("inc_last");
        assertThat(ids(page(A, any, since, until, new PageRequest(1, first.nextKey())))).containsExactly("inc_since");
    }

    @Test
    default void aForeignIncidentPageKeyIsRejectedAsAnArgument() {
        assertThatThrownBy(() -> page(A, IncidentFilter.ANY, null, null, new PageRequest(5, "inc_1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    default void anotherAccountSeesNothingAndCannotChangeOrExtendAnIncident() {
        givenMonitor(A, "mon_1");
        Incident open = givenOpen(incident(A, "inc_1", "mon_1", at(10)));
        Incident foreign = resolved(incident(B, "inc_1", "mon_1", at(10)), "key_b", "mine now", at(20));

        assertThat(incidents().find(B, "inc_1")).isEmpty();
        assertThat(incidents().findActive(B, "mon_1")).isEmpty();
        assertThat(incidents().list(B, IncidentFilter.ANY, null, null, PageRequest.first(10)).items()).isEmpty();
        assertThat(incidents().timeline(B, "inc_1")).isEmpty();
        assertThat(incidents().stats(B, T0, at(3_600))).isEqualTo(new IncidentStats(0, 0, 0, 0, null, null));
        assertThat(incidents().transition(foreign, IncidentStatus.OPEN, event(foreign, RESOLVED, "key_b", at(20))))
                .isFalse();
        assertThatThrownBy(() -> incidents().append(event(foreign, UPDATE, "key_b", at(30))))
                .isInstanceOf(IllegalArgumentException.class);
        Incident onForeignMonitor = incident(B, "inc_b", "mon_1", at(40));
        assertThatThrownBy(() -> incidents().open(onForeignMonitor,
                event(onForeignMonitor, OPENED, IncidentEvent.SYSTEM, at(40)))).isInstanceOf(EnoriMcpException.class);

        assertThat(incidents().find(A, "inc_1")).contains(open);
        assertThat(incidents().timeline(A, "inc_1")).extracting(IncidentEvent::kind).containsExactly(OPENED);
    }

    @Test
    default void theTimelineIsOldestFirstWithTiesById() {
        givenMonitor(A, "mon_1");
        Incident open = givenOpen(incident(A, "inc_1", "mon_1", at(10)));
        IncidentEvent late = new IncidentEvent("evt_3", A, "inc_1", UPDATE, "Deploy rolled back", "key_1", at(90));
        IncidentEvent tieB = new IncidentEvent("evt_2", A, "inc_1", UPDATE, "Looking at the database", "key_2", at(60));
        IncidentEvent tieA = new IncidentEvent("evt_1", A, "inc_1", UPDATE, "Investigating", "key_1", at(60));
        incidents().append(late);
        incidents().append(tieB);
        incidents().append(tieA);

        assertThat(incidents().timeline(A, "inc_1"))
                .containsExactly(event(open, OPENED, IncidentEvent.SYSTEM, at(10)), tieA, tieB, late);
        assertThat(incidents().find(A, "inc_1")).contains(open);
    }

    @Test
    default void overlongTextsAreKeptInPartRatherThanFailingTheWrite() {
        givenMonitor(A, "mon_1");
        String text = "x".repeat(100_000);
        Incident incident = new Incident("inc_1", A, "mon_1", IncidentStatus.OPEN, text, at(10), null, null, null,
                null, null, at(10));
        incidents().open(incident, new IncidentEvent("evt_1", A, "inc_1", OPENED, text, IncidentEvent.SYSTEM,
                at(10)));
        Incident done = resolved(incident, "key_1", text, at(20));
        incidents().transition(done, IncidentStatus.OPEN, event(done, RESOLVED, "key_1", at(20)));

        Incident stored = incidents().find(A, "inc_1").orElseThrow();
        assertThat(List.of(stored.cause(), stored.resolutionNote(), incidents().timeline(A, "inc_1").get(0).message()))
                .allSatisfy(kept -> {
                    assertThat(text).startsWith(kept);
                    assertThat(kept).hasSizeGreaterThanOrEqualTo(1_000);
                });
    }

    /**
     * Over [T0, T0+1h): four incidents. Acknowledged after 60 s and 300 s, so MTTA is 180 s; resolved after
     * 600 s and 1200 s, so MTTR is 900 s. Incidents starting just outside the range must not count.
     */
    @Test
    default void incidentStatsOfAKnownDataSet() {
        for (int i = 0; i < 6; i++) {
            givenMonitor(A, "mon_" + i);
        }
        givenResolved(givenOpen(incident(A, "inc_before", "mon_0", at(-10))), null, at(50));
        Incident first = givenAcknowledged(givenOpen(incident(A, "inc_1", "mon_1", at(0))), at(60));
        givenResolved(first, "key_1", at(600));
        givenAcknowledged(givenOpen(incident(A, "inc_2", "mon_2", at(100))), at(400));
        givenResolved(givenOpen(incident(A, "inc_3", "mon_3", at(200))), null, at(1_400));
        givenOpen(incident(A, "inc_4", "mon_4", at(300)));
        givenOpen(incident(A, "inc_until", "mon_5", at(3_600)));

        assertThat(incidents().stats(A, T0, at(3_600))).isEqualTo(new IncidentStats(4, 2, 2, 2, 180.0, 900.0));
    }

    @Test
    default void incidentStatsWithoutIncidentsHaveNoMeans() {
        assertThat(incidents().stats(A, T0, at(3_600))).isEqualTo(new IncidentStats(0, 0, 0, 0, null, null));
    }

    private Incident givenOpen(Incident incident) {
        assertThat(incidents().open(incident, event(incident, OPENED, IncidentEvent.SYSTEM, incident.startedAt())))
                .isTrue();
        return incident;
    }

    private Incident givenAcknowledged(Incident open, Instant at) {
        Incident acked = acknowledged(open, "key_1", at);
        assertThat(incidents().transition(acked, IncidentStatus.OPEN, event(acked, ACKNOWLEDGED, "key_1", at)))
                .isTrue();
        return acked;
    }

    private Incident givenResolved(Incident active, String by, Instant at) {
        Incident done = resolved(active, by, "over", at);
        assertThat(incidents().transition(done, active.status(), event(done, RESOLVED, "key_1", at))).isTrue();
        return done;
    }

    private Page<Incident> page(String accountId, IncidentFilter filter, Instant since, Instant until,
                                PageRequest request) {
        return incidents().list(accountId, filter, since, until, request);
    }

    private static List<String> ids(Page<Incident> page) {
        return page.items().stream().map(Incident::id).toList();
    }

    /** Starts every task at once and collects their outcomes in task order. */
    private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
