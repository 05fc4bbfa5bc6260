package io.enori.mcp.core.incidents;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentEvent;
import io.enori.mcp.api.IncidentStatus;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.tool.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** People (and recovery) changing one incident at the same moment: one change wins, the state stays whole. */
class IncidentConcurrencyTest {
    private static final int ROUNDS = 6;
    private static final String CHANGED_MEANWHILE = "Incident changed meanwhile; read it again with get_incident";

    private IncidentHarness h;
    private ExecutorService pool;
    private String shop;

    @BeforeEach
    void setUp() {
        h = new IncidentHarness();
        pool = Executors.newFixedThreadPool(2);
        shop = h.monitor("Shop", h.site);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        h.close();
    }

    /** Runs both tasks released by one latch and returns their results in order. */
    private <T> List<T> race(Callable<T> a, Callable<T> b) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : List.of(a, b)) {
            futures.add(pool.submit(() -> {
                go.await();
                return task.call();
            }));
        }
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(20, TimeUnit.SECONDS));
        }
        return results;
    }

    private static String errorOf(ToolOutcome outcome) {
        return outcome instanceof ToolOutcome.Failed failed ? failed.error().message() : null;
    }

    private static long count(List<IncidentEvent> timeline, IncidentEvent.Kind kind) {
        return timeline.stream().filter(e -> e.kind() == kind).count();
    }

    /** Each of two people acknowledges, then resolves: what a model told "take care of it" would do. */
    private List<ToolOutcome> acknowledgeThenResolve(String incidentId, Caller who, List<ToolOutcome> acks) {
        ToolOutcome ack = h.call("acknowledge_incident", who, args("incidentId", incidentId));
        synchronized (acks) {
            acks.add(ack);
        }
        return List.of(ack, h.call("resolve_incident", who, args("incidentId", incidentId,
                "resolutionNote", "Handled by " + who.principalId())));
    }

    @Test
    void twoPeopleAcknowledgingAndResolvingAtOnceLeaveExactlyOneResolution() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String id = h.open(shop, h.site);
            List<ToolOutcome> acks = new ArrayList<>();

            List<List<ToolOutcome>> outcomes = race(() -> acknowledgeThenResolve(id, h.writer, acks),
                    () -> acknowledgeThenResolve(id, h.writer2, acks));

            List<ToolOutcome> resolves = outcomes.stream().map(o -> o.get(1)).collect(Collectors.toList());
            List<Caller> people = List.of(h.writer, h.writer2);
            List<Integer> winners = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                if (resolves.get(i) instanceof ToolOutcome.Ok) {
                    winners.add(i);
                } else {
                    assertThat(errorOf(resolves.get(i))).as("round %d: losing resolve", round)
                            .isEqualTo("Incident already resolved");
                }
            }
            assertThat(winners).as("round %d: successful resolves", round).hasSize(1);
            Caller winner = people.get(winners.get(0));
            assertThat(acks).allSatisfy(ack -> assertThat(ack instanceof ToolOutcome.Ok
                    || List.of(CHANGED_MEANWHILE, "Incident already resolved").contains(errorOf(ack))).isTrue());

            Incident stored = h.stored(id);
            List<IncidentEvent> timeline = h.storedTimeline(id);
            assertThat(stored.status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(stored.resolvedBy()).isEqualTo(winner.principalId());
            assertThat(stored.resolutionNote()).isEqualTo("Handled by " + winner.principalId());
            assertThat(count(timeline, IncidentEvent.Kind.OPENED)).isEqualTo(1);
            assertThat(count(timeline, IncidentEvent.Kind.ACKNOWLEDGED)).as("round %d", round).isEqualTo(1);
            assertThat(count(timeline, IncidentEvent.Kind.RESOLVED)).as("round %d", round).isEqualTo(1);
            assertThat(timeline).hasSize(3);
            IncidentEvent ackEvent = timeline.stream().filter(e -> e.kind() == IncidentEvent.Kind.ACKNOWLEDGED)
                    .findFirst().orElseThrow();
            assertThat(stored.acknowledgedBy()).isEqualTo(ackEvent.author());
            assertThat(timeline.stream().filter(e -> e.kind() == IncidentEvent.Kind.RESOLVED).findFirst()
                    .orElseThrow().author()).isEqualTo(winner.principalId());

            h.recover(shop, h.site);
        }
    }

    @Test
    void twoResolvesAtOnceExactlyOneWins() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String id = h.open(shop, h.site);

            List<ToolOutcome> outcomes = race(
                    () -> h.call("resolve_incident", h.writer, args("incidentId", id, "resolutionNote", "A")),
                    () -> h.call("resolve_incident", h.writer2, args("incidentId", id, "resolutionNote", "B")));

            Predicate<ToolOutcome> ok = o -> o instanceof ToolOutcome.Ok;
            assertThat(outcomes.stream().filter(ok).count()).as("round %d", round).isEqualTo(1);
            ToolOutcome loser = outcomes.stream().filter(ok.negate()).findFirst().orElseThrow();
            assertThat(errorOf(loser)).isEqualTo("Incident already resolved");
            boolean aWon = ok.test(outcomes.get(0));
            Incident stored = h.stored(id);
            assertThat(stored.resolutionNote()).isEqualTo(aWon ? "A" : "B");
            assertThat(stored.resolvedBy()).isEqualTo((aWon ? h.writer : h.writer2).principalId());
            assertThat(count(h.storedTimeline(id), IncidentEvent.Kind.RESOLVED)).isEqualTo(1);

            h.recover(shop, h.site);
        }
    }

    @Test
    void recoveryRacingAManualResolveResolvesOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String id = h.open(shop, h.site);
            h.site.healthy();
            h.clock.advance(Duration.ofMinutes(1));

            List<ToolOutcome> outcomes = race(
                    () -> h.call("check_now", h.writer, args("monitorId", shop)),
                    () -> h.call("resolve_incident", h.writer2, args("incidentId", id, "resolutionNote", "Manual")));

            assertThat(outcomes.get(0)).isInstanceOf(ToolOutcome.Ok.class);
            Map<String, Object> check = Json.toMap(((ToolOutcome.Ok) outcomes.get(0)).content());
            boolean recovered = ("resolved " + id).equals(check.get("incident"));
            boolean manual = outcomes.get(1) instanceof ToolOutcome.Ok;
            assertThat(recovered ^ manual).as("round %d: exactly one of recovery and resolve wins", round).isTrue();
            if (!manual) {
                assertThat(errorOf(outcomes.get(1))).isEqualTo("Incident already resolved");
            } else {
                assertThat(check.get("incident")).isNull();
            }

            Incident stored = h.stored(id);
            List<IncidentEvent> timeline = h.storedTimeline(id);
            assertThat(stored.status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(stored.resolvedBy()).isEqualTo(manual ? h.writer2.principalId() : null);
            assertThat(count(timeline, IncidentEvent.Kind.RESOLVED)).isEqualTo(manual ? 1 : 0);
            assertThat(count(timeline, IncidentEvent.Kind.RECOVERED)).isEqualTo(manual ? 0 : 1);
            assertThat(h.activeIds(h.reader)).isEmpty();
        }
    }

    @Test
    void overlappingFailingChecksOpenOneIncident() throws Exception {
        h.site.unavailable();
        h.site.slow(150);

        List<ToolOutcome> outcomes = race(() -> h.call("check_now", h.writer, args("monitorId", shop)),
                () -> h.call("check_now", h.writer2, args("monitorId", shop)));

        List<Object> reported = outcomes.stream()
                .map(o -> Json.toMap(((ToolOutcome.Ok) o).content()).get("incident"))
                .collect(Collectors.toList());
        assertThat(reported).filteredOn(r -> r != null).singleElement()
                .satisfies(r -> assertThat((String) r).startsWith("opened inc_"));
        assertThat(h.activeIds(h.reader)).hasSize(1);
    }
}
