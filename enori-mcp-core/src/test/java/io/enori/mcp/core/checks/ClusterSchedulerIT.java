package io.enori.mcp.core.checks;

import static io.enori.mcp.core.checks.SchedulerHarness.START;
import static io.enori.mcp.core.checks.SchedulerHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Alert;
import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.api.spi.AlertFilter;
import io.enori.mcp.api.spi.IncidentFilter;
import io.enori.mcp.api.spi.PageRequest;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.monitors.CheckRecorder;
import io.enori.mcp.core.store.JdbiStorage;
import io.enori.mcp.core.testing.LocalSite;
import io.enori.mcp.core.testing.PostgresSchemas;
import io.enori.mcp.core.testing.WebhookReceiver;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.Ids;
import io.enori.mcp.core.tool.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three scheduler nodes (three cores' schedulers in one JVM, each over its own connections) on one PostgreSQL
 * schema with a shared clock the test moves, and 300 website monitors on a loopback site: every due check runs
 * on exactly one node, and when a node stops the others carry its share from the next grid point on.
 */
class ClusterSchedulerIT {
    private static final int MONITORS = 300;
    private static final int INTERVAL = 30;
    private static final int NODES = 3;
    private static final Plan PLAN = new Plan("cluster", MONITORS, 1, 1, 1);
    private static final Scheduler.Options OPTIONS = new Scheduler.Options(Duration.ofMillis(5),
            Duration.ofSeconds(60), 1024, Duration.ofSeconds(5), Duration.ofSeconds(2));

    private final PostgresSchemas schemas = new PostgresSchemas();
    private final SchedulerHarness.MutableClock clock = new SchedulerHarness.MutableClock(START);
    private final SchedulerHarness.Site site = new SchedulerHarness.Site();
    private final List<Scheduler> nodes = new ArrayList<>();
    private JdbiStorage storage;
    private Caller writer;

    @AfterEach
    void tearDown() {
        nodes.forEach(Scheduler::stop);
        site.close();
        schemas.close();
    }

    @Test
    void eachDueCheckRunsOnceAcrossNodesAndAStoppedNodesShareMovesWithinOneInterval() {
        String url = schemas.freshUrl();
        storage = JdbiStorage.create(url);
        EnoriMcp enori = EnoriMcp.builder().storage(storage).clock(clock).checkExecutor(SchedulerHarness.CHECKS)
                .rateLimits(100_000, 100_000).defaultPlan(PLAN).build();
        writer = enori.apiKeys().authenticate(enori.apiKeys()
                .create("acme", EnumSet.of(Scope.MONITORS_READ, Scope.MONITORS_WRITE), "writer").plaintext());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MONITORS; i++) {
            ids.add(website(enori, "m" + i));
        }
        for (int n = 0; n < NODES; n++) {
            JdbiStorage own = JdbiStorage.create(url);
            CoreContext context = new CoreContext(own, clock, new Ids(clock), SchedulerHarness.CHECKS, PLAN,
                    "http://x");
            nodes.add(Scheduler.create(context, new CheckRecorder(context), null, 4, OPTIONS,
                    JdbiRunClaims.create(own.jdbi(), "node-" + n)));
        }
        nodes.forEach(Scheduler::start);
        nodes.forEach(node -> assertThat(node.scheduledCount()).isEqualTo(MONITORS));

        // Three intervals on all three nodes.
        Instant firstEnd = START.plusSeconds(3L * INTERVAL);
        runUntil(ids, firstEnd, nodes);
        assertEachMonitorRanOncePerGridPoint(ids, firstEnd);
        for (Scheduler node : nodes) {
            assertThat(node.stats().runs()).as("share of a node").isGreaterThan(MONITORS / 10);
            assertThat(node.stats().skippedOverlaps() + node.stats().skippedQueueFull()).isZero();
        }

        // Node 0 stops; the two others take its share at once (each grid point is claimed anew).
        Scheduler stopped = nodes.get(0);
        stopped.stop();
        long stoppedRuns = stopped.stats().runs();
        Instant secondEnd = firstEnd.plusSeconds(2L * INTERVAL);
        runUntil(ids, secondEnd, nodes.subList(1, NODES));
        assertEachMonitorRanOncePerGridPoint(ids, secondEnd);
        assertThat(stopped.stats().runs()).isEqualTo(stoppedRuns);
    }

    /**
     * Three full cores built with {@link EnoriMcp.Builder#sharedScheduling(boolean)} and started: monitors that
     * fail and then recover on the schedule open and resolve one incident each, and every alert is sent once.
     */
    @Test
    void threeStartedCoresWithSharedSchedulingSendEachAlertOnce() {
        String url = schemas.freshUrl();
        List<EnoriMcp> cores = new ArrayList<>();
        try (LocalSite target = LocalSite.start(); WebhookReceiver receiver = WebhookReceiver.start()) {
            for (int n = 0; n < NODES; n++) {
                cores.add(EnoriMcp.builder().storage(JdbiStorage.create(url)).clock(clock)
                        .checkExecutor(SchedulerHarness.CHECKS).rateLimits(100_000, 100_000).defaultPlan(PLAN)
                        .sharedScheduling(true).build());
            }
            EnoriMcp first = cores.get(0);
            storage = (JdbiStorage) first.storage();
            writer = first.apiKeys().authenticate(first.apiKeys()
                    .create("acme", EnumSet.of(Scope.MONITORS_READ, Scope.MONITORS_WRITE), "writer").plaintext());
            String hook = first.alertChannels().create(writer.accountId(), AlertChannel.Type.WEBHOOK, "Hook",
                    receiver.url("/hook"), null).id();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Map<String, Object> args = new LinkedHashMap<>();
                args.put("type", "website");
                args.put("name", "shop" + i);
                args.put("url", target.url());
                args.put("intervalSeconds", INTERVAL);
                args.put("alertAfterFailures", 2);
                args.put("channelIds", List.of(hook));
                ToolOutcome outcome = first.call("create_monitor", writer, args);
                assertThat(outcome).isInstanceOf(ToolOutcome.Ok.class);
                ids.add((String) ((Map<?, ?>) Json.toMap(((ToolOutcome.Ok) outcome).content()).get("monitor"))
                        .get("id"));
            }
            cores.forEach(core -> nodes.add(core.scheduler()));
            target.unavailable();
            cores.forEach(EnoriMcp::start);

            Instant failingEnd = START.plusSeconds(4L * INTERVAL);
            runUntil(ids, failingEnd, nodes);
            target.healthy();
            Instant end = failingEnd.plusSeconds(2L * INTERVAL);
            runUntil(ids, end, nodes);

            assertEachMonitorRanOncePerGridPoint(ids, end);
            for (String id : ids) {
                List<Incident> incidents = storage.incidents().list(writer.accountId(), new IncidentFilter(null, id, false),
                        null, null, PageRequest.first(50)).items();
                assertThat(incidents).as("incidents of %s", id).hasSize(1)
                        .allMatch(incident -> incident.resolvedAt() != null);
            }
            await("alerts delivered", () -> receiver.received().size() >= 2 * ids.size());
            SchedulerHarness.settle();
            assertThat(receiver.received()).as("webhook requests: one opened and one resolved per monitor")
                    .hasSize(2 * ids.size());
            List<Alert> alerts = storage.alerts().list(writer.accountId(), AlertFilter.ANY, null, null, PageRequest.first(200))
                    .items();
            assertThat(alerts).hasSize(2 * ids.size()).allMatch(alert -> alert.status() == Alert.Status.DELIVERED);
        } finally {
            cores.forEach(EnoriMcp::close);
        }
    }

    /** Moves the clock a second at a time, keeping the nodes at most a second behind it, then lets them finish. */
    private void runUntil(List<String> ids, Instant end, List<Scheduler> running) {
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofSeconds(1));
            long target = ids.stream().mapToLong(id -> dues(id, clock.instant()).size()).sum();
            await("due runs by " + clock.instant(), () -> totalRuns() >= target);
        }
        long expected = ids.stream().mapToLong(id -> dues(id, end).size()).sum();
        await("all runs by " + end, () -> totalRuns() == expected);
        SchedulerHarness.settle();
        assertThat(totalRuns()).as("runs across nodes").isEqualTo(expected);
    }

    private long totalRuns() {
        return nodes.stream().mapToLong(node -> node.stats().runs()).sum();
    }

    private void assertEachMonitorRanOncePerGridPoint(List<String> ids, Instant end) {
        for (String id : ids) {
            List<Instant> dues = dues(id, end);
            List<Instant> checked = new ArrayList<>(storage.checkResults()
                    .list(writer.accountId(), id, null, null, new PageRequest(200, null)).items().stream()
                    .map(r -> r.checkedAt()).toList());
            checked.sort(null);
            assertThat(checked).as("results of %s", id).hasSameSizeAs(dues);
            for (int k = 0; k < dues.size(); k++) {
                assertThat(checked.get(k)).as("run %d of %s", k, id)
                        .isBetween(dues.get(k), dues.get(k).plusSeconds(INTERVAL - 1));
            }
        }
    }

    private String website(EnoriMcp enori, String name) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("type", "website");
        args.put("name", name);
        args.put("url", site.url(name));
        args.put("intervalSeconds", INTERVAL);
        ToolOutcome outcome = enori.call("create_monitor", writer, args);
        assertThat(outcome).isInstanceOf(ToolOutcome.Ok.class);
        return (String) ((Map<?, ?>) Json.toMap(((ToolOutcome.Ok) outcome).content()).get("monitor")).get("id");
    }

    /** The monitor's grid points from the start up to and including {@code until}. */
    private static List<Instant> dues(String id, Instant until) {
        List<Instant> dues = new ArrayList<>();
        for (Instant due = Cadence.firstDue(id, INTERVAL, START); !due.isAfter(until); due = due.plusSeconds(INTERVAL)) {
            dues.add(due);
        }
        return dues;
    }
}
