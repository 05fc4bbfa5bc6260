package io.enori.mcp.core.checks;

import static io.enori.mcp.core.checks.SchedulerHarness.START;
import static io.enori.mcp.core.checks.SchedulerHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.api.spi.CheckExecutor;
import io.enori.mcp.api.spi.CheckOutcome;
import io.enori.mcp.api.spi.PageRequest;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.monitors.CheckRecorder;
import io.enori.mcp.core.store.Databases;
import io.enori.mcp.core.store.JdbiStorage;
import io.enori.mcp.core.testing.PostgresSchemas;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.Ids;
import io.enori.mcp.core.tool.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduler nodes on one PostgreSQL schema (as in {@link ClusterSchedulerIT}) whose checks are slower than their
 * interval, or never return: a run holds its monitor on every node until it ends, and a node killed mid-check
 * holds its monitors only until the deadlines of its claims. Checks block on the shared clock the test moves, a
 * second at a time, waiting after each step until every node has ticked and every released check is recorded.
 */
class ClusterSlowCheckIT {
    private static final int INTERVAL = 30;
    private static final Plan PLAN = new Plan("cluster", 500, 1, 1, 1);
    private static final Duration HANG_MARGIN = Duration.ofSeconds(5);
    private static final Scheduler.Options OPTIONS = new Scheduler.Options(Duration.ofMillis(5),
            Duration.ofSeconds(60), 1024, HANG_MARGIN, Duration.ofSeconds(2));

    private final PostgresSchemas schemas = new PostgresSchemas();
    private final SchedulerHarness.MutableClock clock = new SchedulerHarness.MutableClock(START);
    private final List<Scheduler> nodes = new ArrayList<>();
    private final List<DataSource> pools = new ArrayList<>();
    private final List<Run> log = new CopyOnWriteArrayList<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> going = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostAtOnce = new ConcurrentHashMap<>();
    private final CountDownLatch hangUntilTheEnd = new CountDownLatch(1);
    private final AtomicInteger claimsWon = new AtomicInteger();
    private String url;
    private JdbiStorage storage;
    private EnoriMcp enori;
    private Caller writer;

    /** One call of a check executor: on which node, for which monitor (by name), from when to when. */
    static final class Run {
        final String node;
        final String monitor;
        final long startNanos;
        final Instant startedAt;
        /** 0 while the check goes. */
        volatile long endNanos;

        Run(String node, String monitor, long startNanos, Instant startedAt) {
            this.node = node;
            this.monitor = monitor;
            this.startNanos = startNanos;
            this.startedAt = startedAt;
        }
    }

    @AfterEach
    void tearDown() {
        hangUntilTheEnd.countDown();
        nodes.forEach(Scheduler::stop);
        pools.forEach(Databases::close);
        schemas.close();
    }

    /**
     * Checks take 40 s on a 30 s grid (timeout 60 s): the grid point after each run is skipped, counted once as an
     * overlap by the node running the check, and the one after is won only because the run's end was marked (its
     * deadline, 65 s, has not passed yet). No two runs of a monitor ever overlap.
     */
    @Test
    void aCheckSlowerThanItsIntervalIsNeverOverlappedByAnotherNode() {
        setUp();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(website("slow" + i, 60_000));
        }
        for (int n = 0; n < 3; n++) {
            addNode("node-" + n, Duration.ofSeconds(40), OPTIONS, claims("node-" + n));
        }
        nodes.forEach(Scheduler::start);

        Instant end = START.plusSeconds(5L * INTERVAL);
        advanceTo(end, nodes);

        for (String id : ids) {
            Instant first = Cadence.firstDue(id, INTERVAL, START);
            List<Run> runs = runsOf(id);
            List<Instant> expected = gridPoints(first, 2 * INTERVAL, end);
            assertThat(runs).as("runs of %s", id).hasSameSizeAs(expected);
            for (int k = 0; k < runs.size(); k++) {
                assertThat(runs.get(k).startedAt).as("run %d of %s", k, id)
                        .isBetween(expected.get(k), expected.get(k).plusSeconds(1));
                if (k > 0) {
                    assertThat(runs.get(k - 1).endNanos).as("run %d of %s ended", k - 1, id).isPositive();
                    assertThat(runs.get(k).startNanos).as("run %d of %s starts after run %d ended", k, id, k - 1)
                            .isGreaterThanOrEqualTo(runs.get(k - 1).endNanos);
                }
            }
            assertThat(mostAtOnce.get(names.get(id))).as("checks of %s at once", id).hasValue(1);
        }
        long skipped = ids.stream()
                .mapToLong(id -> gridPoints(Cadence.firstDue(id, INTERVAL, START).plusSeconds(INTERVAL), 2 * INTERVAL,
                        end).size())
                .sum();
        assertThat(nodes.stream().mapToLong(n -> n.stats().skippedOverlaps()).sum())
                .as("skipped grid points, each counted once").isEqualTo(skipped);
        assertThat(nodes.stream().mapToLong(n -> n.stats().failures()).sum()).isZero();
        assertThat(log.stream().map(run -> run.node).distinct().count()).as("nodes that ran checks").isGreaterThan(1);
    }

    /**
     * Node 0 alone claims the first grid points of some monitors, whose checks never return, and dies (its
     * claims stop reaching the database, then its scheduler is dropped without marking anything finished). The
     * two other nodes take those monitors over at the first grid point at or after each claim's deadline: the
     * next one for a 10 s timeout (deadline 15 s), the one after for a 40 s timeout (deadline 45 s).
     */
    @Test
    void aNodeKilledMidCheckHoldsItsMonitorsOnlyUntilItsClaimsRunOut() {
        setUp();
        Instant killedAt = START.plusSeconds(10);
        List<String> shortTimeout = new ArrayList<>();
        List<String> longTimeout = new ArrayList<>();
        List<String> late = new ArrayList<>();
        for (int i = 0; shortTimeout.size() < 3 || longTimeout.size() < 3; i++) {
            boolean isShort = i % 2 == 0;
            String id = website("m" + i, isShort ? 10_000 : 40_000);
            if (Cadence.firstDue(id, INTERVAL, START).isAfter(killedAt)) {
                late.add(id);
            } else {
                (isShort ? shortTimeout : longTimeout).add(id);
            }
        }
        Severable doomedClaims = claims("doomed");
        Scheduler doomed = addNode("doomed", null, new Scheduler.Options(Duration.ofMillis(5), Duration.ofSeconds(60),
                1024, HANG_MARGIN, Duration.ofMillis(50)), doomedClaims);
        doomed.start();
        advanceTo(killedAt, List.of(doomed));
        List<String> early = new ArrayList<>(shortTimeout);
        early.addAll(longTimeout);
        await("doomed node checking every early monitor", () -> early.stream().allMatch(id -> runsOf(id).size() == 1));

        List<Scheduler> survivors = List.of(addNode("node-1", Duration.ZERO, OPTIONS, claims("node-1")),
                addNode("node-2", Duration.ZERO, OPTIONS, claims("node-2")));
        survivors.forEach(Scheduler::start);
        doomedClaims.sever();
        doomed.stop();
        assertThat(unfinishedClaimsOf("doomed")).as("claims the dead node left").isEqualTo(early.size());

        Instant end = START.plusSeconds(4L * INTERVAL);
        advanceTo(end, survivors);

        for (String id : late) {
            assertRanAt(id, gridPoints(Cadence.firstDue(id, INTERVAL, START), INTERVAL, end));
        }
        for (String id : shortTimeout) {
            assertRanAt(id, gridPoints(Cadence.firstDue(id, INTERVAL, START).plusSeconds(INTERVAL), INTERVAL, end));
        }
        for (String id : longTimeout) {
            assertRanAt(id, gridPoints(Cadence.firstDue(id, INTERVAL, START).plusSeconds(2L * INTERVAL), INTERVAL,
                    end));
        }
        assertThat(doomed.stats().runs()).isZero();
    }

    private void setUp() {
        url = schemas.freshUrl();
        storage = JdbiStorage.create(pool());
        enori = EnoriMcp.builder().storage(storage).clock(clock).checkExecutor(SchedulerHarness.CHECKS)
                .rateLimits(100_000, 100_000).defaultPlan(PLAN).build();
        writer = enori.apiKeys().authenticate(enori.apiKeys()
                .create("acme", EnumSet.of(Scope.MONITORS_READ, Scope.MONITORS_WRITE), "writer").plaintext());
    }

    private DataSource pool() {
        DataSource pool = Databases.dataSource(url);
        pools.add(pool);
        return pool;
    }

    private Severable claims(String node) {
        return new Severable(JdbiRunClaims.create(Jdbi.create(pool()), node, clock));
    }

    /**
     * A node over connections of its own whose checks take {@code checkTime} on the test's clock, or never
     * return when it is null.
     */
    private Scheduler addNode(String name, Duration checkTime, Scheduler.Options options, Severable claims) {
        JdbiStorage own = JdbiStorage.create(pool());
        CoreContext context = new CoreContext(own, clock, new Ids(clock), new LoggedChecks(name, checkTime), PLAN,
                "http://x");
        Scheduler node = Scheduler.create(context, new CheckRecorder(context), null, 16, options, claims);
        nodes.add(node);
        return node;
    }

    /**
     * Moves the clock a second at a time; after each step waits until every running node has finished a tick
     * begun after the step (so it claimed what was due), every won run has reached its check, and every check
     * released by then has ended and been recorded.
     */
    private void advanceTo(Instant end, List<Scheduler> running) {
        while (clock.instant().isBefore(end)) {
            List<Long> before = running.stream().map(Scheduler::ticks).toList();
            Instant now = clock.advance(Duration.ofSeconds(1));
            await("nodes ticked at " + now, () -> {
                for (int n = 0; n < running.size(); n++) {
                    if (running.get(n).ticks() < before.get(n) + 2) {
                        return false;
                    }
                }
                return true;
            });
            await("won runs started at " + now, () -> log.size() == claimsWon.get());
            // A run is counted after its claim was marked finished.
            await("released checks recorded at " + now, () -> log.stream().filter(run -> run.endNanos != 0)
                    .count() == nodes.stream().mapToLong(node -> node.stats().runs()).sum());
        }
    }

    private List<Run> runsOf(String monitorId) {
        String name = names.get(monitorId);
        List<Run> runs = new ArrayList<>(log.stream().filter(run -> run.monitor.equals(name)).toList());
        runs.sort(Comparator.comparingLong(run -> run.startNanos));
        return runs;
    }

    private void assertRanAt(String id, List<Instant> dues) {
        List<Instant> checked = new ArrayList<>(storage.checkResults()
                .list(writer.accountId(), id, null, null, new PageRequest(200, null)).items().stream()
                .map(r -> r.checkedAt()).toList());
        checked.sort(null);
        assertThat(checked).as("results of %s", id).hasSameSizeAs(dues);
        for (int k = 0; k < dues.size(); k++) {
            assertThat(checked.get(k)).as("run %d of %s", k, id).isBetween(dues.get(k), dues.get(k).plusSeconds(1));
        }
    }

    private long unfinishedClaimsOf(String node) {
        return storage.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM monitor_leases WHERE node_id = :node AND finished_at IS NULL")
                .bind("node", node).mapTo(Long.class).one());
    }

    private String website(String name, int timeoutMs) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("type", "website");
        args.put("name", name);
        args.put("url", "http://127.0.0.1:9/" + name);
        args.put("intervalSeconds", INTERVAL);
        args.put("timeoutMs", timeoutMs);
        ToolOutcome outcome = enori.call("create_monitor", writer, args);
        assertThat(outcome).isInstanceOf(ToolOutcome.Ok.class);
        String id = (String) ((Map<?, ?>) Json.toMap(((ToolOutcome.Ok) outcome).content()).get("monitor")).get("id");
        names.put(id, name);
        return id;
    }

    /** Grid points from {@code first}, every {@code step} seconds, up to and including {@code until}. */
    private static List<Instant> gridPoints(Instant first, int step, Instant until) {
        List<Instant> points = new ArrayList<>();
        for (Instant due = first; !due.isAfter(until); due = due.plusSeconds(step)) {
            points.add(due);
        }
        return points;
    }

    /** Logs every call; answers up after {@code checkTime} on the test's clock, or never (null). */
    private final class LoggedChecks implements CheckExecutor {
        private final String node;
        private final Duration checkTime;

        LoggedChecks(String node, Duration checkTime) {
            this.node = node;
            this.checkTime = checkTime;
        }

        @Override
        public CheckOutcome check(MonitorTarget target, Duration timeout) {
            String url = ((MonitorTarget.Website) target).url();
            String monitor = url.substring(url.lastIndexOf('/') + 1);
            int atOnce = going.computeIfAbsent(monitor, m -> new AtomicInteger()).incrementAndGet();
            mostAtOnce.computeIfAbsent(monitor, m -> new AtomicInteger()).accumulateAndGet(atOnce, Math::max);
            Run run = new Run(node, monitor, System.nanoTime(), clock.instant());
            log.add(run);
            try {
                if (checkTime == null) {
                    awaitUninterruptibly(hangUntilTheEnd);
                    return CheckOutcome.down(null, "hung");
                }
                Instant release = run.startedAt.plus(checkTime);
                while (clock.instant().isBefore(release)) {
                    if (Thread.interrupted() || hangUntilTheEnd.getCount() == 0) {
                        return CheckOutcome.down(null, "interrupted");
                    }
                    LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
                }
                return CheckOutcome.up(5);
            } finally {
                going.get(monitor).decrementAndGet();
                run.endNanos = System.nanoTime();
            }
        }
    }

    /** Counts won claims; once severed, a dead node's view of the database: claims nothing, marks nothing. */
    private final class Severable implements RunClaims {
        private final RunClaims delegate;
        private volatile boolean severed;

        Severable(RunClaims delegate) {
            this.delegate = delegate;
        }

        void sever() {
            severed = true;
        }

        @Override
        public boolean claim(String monitorId, Instant dueAt, int intervalSeconds, Instant runningUntil) {
            boolean won = !severed && delegate.claim(monitorId, dueAt, intervalSeconds, runningUntil);
            if (won) {
                claimsWon.incrementAndGet();
            }
            return won;
        }

        @Override
        public void finished(String monitorId, Instant dueAt) {
            if (!severed) {
                delegate.finished(monitorId, dueAt);
            }
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
