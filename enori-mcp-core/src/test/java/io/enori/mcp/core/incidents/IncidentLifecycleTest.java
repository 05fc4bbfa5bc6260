package io.enori.mcp.core.incidents;

import io.enori.mcp.core.testing.LocalSite;
import static io.enori.mcp.core.incidents.IncidentHarness.HTTP_503;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.incidents.IncidentHarness.ids;
import static io.enori.mcp.core.incidents.IncidentHarness.kinds;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.longOf;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentStatus;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What real checks do to incidents: open at the failure threshold, one at a time, resolve on recovery. */
class IncidentLifecycleTest {
    private IncidentHarness h;
    private String shop;

    @BeforeEach
    void setUp() {
        h = new IncidentHarness();
        shop = h.monitor("Shop", h.site);
        assertThat(h.check(shop)).containsEntry("monitorStatus", "up").containsEntry("incident", null);
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void firstFailureOpensNothingAndTheSecondOpensOneIncident() {
        h.site.unavailable();
        h.clock.advance(Duration.ofMinutes(1));
        Map<String, Object> first = h.check(shop);

        assertThat(first).containsEntry("monitorStatus", "down").containsEntry("incident", null);
        assertThat(longOf(first, "consecutiveFailures")).isEqualTo(1);
        assertThat(h.activeIds(h.writer)).isEmpty();

        h.clock.advance(Duration.ofMinutes(1));
        Map<String, Object> second = h.check(shop);

        assertThat(longOf(second, "consecutiveFailures")).isEqualTo(2);
        String reported = (String) second.get("incident");
        assertThat(reported).matches("opened inc_[A-Za-z0-9]+");
        String id = reported.substring("opened ".length());
        assertThat(h.activeIds(h.writer)).containsExactly(id);

        String cause = "2 consecutive failed checks; last: " + HTTP_503;
        Map<String, Object> out = h.get(id);
        assertThat(map(out.get("incident"))).containsEntry("id", id).containsEntry("monitorId", shop)
                .containsEntry("status", "open").containsEntry("cause", cause)
                .containsEntry("startedAt", "2025-11-10T12:02:00Z")
                .containsEntry("acknowledgedAt", null).containsEntry("acknowledgedBy", null)
                .containsEntry("resolvedAt", null).containsEntry("resolvedBy", null)
                .containsEntry("resolutionNote", null).containsEntry("durationMinutes", 0.0);
        assertThat(list(out.get("timeline"))).singleElement().isEqualTo(Map.of("kind", "opened",
                "message", "Incident opened: " + cause, "author", "system", "at", "2025-11-10T12:02:00Z"));
    }

    @Test
    void furtherFailuresKeepTheOneIncidentOpen() {
        String id = h.open(shop, h.site);

        for (int i = 3; i <= 5; i++) {
            h.clock.advance(Duration.ofMinutes(1));
            Map<String, Object> out = h.check(shop);
            assertThat(out).as("failure %d", i).containsEntry("incident", null);
            assertThat(longOf(out, "consecutiveFailures")).isEqualTo(i);
        }

        assertThat(h.activeIds(h.writer)).containsExactly(id);
        assertThat(ids(h.ok("list_incidents", h.writer, args()).get("incidents"))).containsExactly(id);
        assertThat(h.incident(id)).containsEntry("status", "open")
                .containsEntry("cause", "2 consecutive failed checks; last: " + HTTP_503);
        assertThat(kinds(h.timeline(id))).containsExactly("opened");
    }

    @Test
    void nextUpCheckResolvesTheIncidentWithARecoveryNote() {
        String id = h.open(shop, h.site);
        h.clock.advance(Duration.ofMinutes(1));
        h.check(shop);

        h.site.healthy();
        h.clock.advance(Duration.ofMinutes(1));
        Map<String, Object> out = h.check(shop);

        assertThat(out).containsEntry("incident", "resolved " + id).containsEntry("monitorStatus", "up");
        Map<String, Object> result = map(out.get("result"));
        String expectedNote = "Recovered: check " + result.get("id") + " is up (HTTP 200) in "
                + result.get("responseTimeMs") + " ms";
        Map<String, Object> incident = h.incident(id);
        assertThat(incident).containsEntry("status", "resolved").containsEntry("resolvedBy", null)
                .containsEntry("resolvedAt", "2025-11-10T12:04:00Z").containsEntry("resolutionNote", expectedNote)
                .containsEntry("durationMinutes", 2.0);
        assertThat((String) incident.get("resolutionNote")).startsWith("Recovered: check chk_");

        List<Map<String, Object>> timeline = h.timeline(id);
        assertThat(kinds(timeline)).containsExactly("opened", "recovered");
        assertThat(timeline).extracting(e -> e.get("author")).containsExactly("system", "system");
        assertThat(timeline.get(1)).containsEntry("message", expectedNote)
                .containsEntry("at", "2025-11-10T12:04:00Z");
        assertThat(h.activeIds(h.writer)).isEmpty();
    }

    @Test
    void upChecksWithoutAnActiveIncidentReportNothing() {
        String id = h.open(shop, h.site);
        assertThat(h.recover(shop, h.site)).isEqualTo("resolved " + id);

        h.clock.advance(Duration.ofMinutes(1));
        assertThat(h.check(shop)).containsEntry("incident", null);
        assertThat(kinds(h.timeline(id))).containsExactly("opened", "recovered");
    }

    @Test
    void recoveryResolvesAnAcknowledgedIncidentAndKeepsWhoAcknowledged() {
        String id = h.open(shop, h.site);
        h.clock.advance(Duration.ofMinutes(1));
        h.ok("acknowledge_incident", h.writer, args("incidentId", id));

        assertThat(h.recover(shop, h.site)).isEqualTo("resolved " + id);

        assertThat(h.incident(id)).containsEntry("status", "resolved")
                .containsEntry("acknowledgedBy", h.writer.principalId())
                .containsEntry("acknowledgedAt", "2025-11-10T12:03:00Z").containsEntry("resolvedBy", null)
                .containsEntry("resolvedAt", "2025-11-10T12:04:00Z");
        assertThat(kinds(h.timeline(id))).containsExactly("opened", "acknowledged", "recovered");
    }

    @Test
    void pausedMonitorFailingChecksOpenNothing() {
        h.ok("pause_monitor", h.writer, args("monitorId", shop));
        h.site.unavailable();

        for (int i = 1; i <= 3; i++) {
            h.clock.advance(Duration.ofMinutes(1));
            Map<String, Object> out = h.check(shop);
            assertThat(map(out.get("result"))).containsEntry("status", "down");
            assertThat(out).containsEntry("monitorStatus", "paused").containsEntry("incident", null);
            assertThat(longOf(out, "consecutiveFailures")).isEqualTo(i);
        }

        assertThat(h.activeIds(h.writer)).isEmpty();
        assertThat(h.ok("list_incidents", h.writer, args())).containsEntry("count", 0);
        assertThat(h.enori.storage().incidents().findActive(h.writer.accountId(), shop)).isEmpty();
    }

    @Test
    void afterRecoveryANewFailureStreakOpensANewIncident() {
        String first = h.open(shop, h.site);
        h.recover(shop, h.site);

        String second = h.open(shop, h.site);

        assertThat(second).isNotEqualTo(first);
        assertThat(h.incident(first)).containsEntry("status", "resolved");
        assertThat(h.incident(second)).containsEntry("status", "open")
                .containsEntry("startedAt", "2025-11-10T12:05:00Z");
        assertThat(kinds(h.timeline(second))).containsExactly("opened");
        assertThat(h.activeIds(h.writer)).containsExactly(second);
        h.clock.advance(Duration.ofMinutes(1));
        assertThat(ids(h.ok("list_incidents", h.writer, args()).get("incidents"))).containsExactly(second, first);
    }

    @Test
    void thresholdOfOneOpensOnTheFirstFailure() {
        String eager = (String) map(h.ok("create_monitor", h.writer, args("type", "website", "name", "Eager",
                "url", h.site.url(), "alertAfterFailures", 1)).get("monitor")).get("id");
        h.site.unavailable();
        h.clock.advance(Duration.ofMinutes(1));

        String reported = (String) h.check(eager).get("incident");

        assertThat(reported).startsWith("opened inc_");
        assertThat((String) h.incident(reported.substring(7)).get("cause")).endsWith("; last: " + HTTP_503)
                .startsWith("1 consecutive failed check");
    }

    @Test
    void eachMonitorHasItsOwnIncident() {
        LocalSite apiSite = h.newSite();
        String api = h.monitor("API", apiSite);

        String shopIncident = h.open(shop, h.site);
        String apiIncident = h.open(api, apiSite);

        assertThat(h.activeIds(h.writer)).containsExactly(apiIncident, shopIncident);
        assertThat(h.recover(api, apiSite)).isEqualTo("resolved " + apiIncident);
        assertThat(h.incident(shopIncident)).containsEntry("status", "open");
        assertThat(h.activeIds(h.writer)).containsExactly(shopIncident);
    }

    /**
     * The store's one-active-incident rule, not the in-process monitor lock, is what keeps two nodes checking one
     * monitor from opening two incidents: drive the lifecycle directly from several threads.
     */
    @Test
    void concurrentThresholdChecksOpenExactlyOneIncident() throws Exception {
        h.site.unavailable();
        h.clock.advance(Duration.ofMinutes(1));
        h.check(shop);
        h.clock.advance(Duration.ofMinutes(1));
        Monitor atThreshold = h.enori.storage().monitors().find(h.writer.accountId(), shop).orElseThrow();
        // One failure short of what check_now would have stored; bump it as a second node would see it.
        Monitor down = new Monitor(atThreshold.id(), atThreshold.accountId(), atThreshold.name(),
                atThreshold.target(), atThreshold.intervalSeconds(), atThreshold.timeoutMs(),
                atThreshold.alertAfterFailures(), atThreshold.channelIds(), false, MonitorStatus.DOWN, 2,
                h.clock.instant(), 5, atThreshold.lastSuccessAt(), null, null, atThreshold.createdAt(),
                atThreshold.updatedAt());
        IncidentLifecycle lifecycle = new IncidentLifecycle(h.context());

        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Incident>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                CheckResult result = new CheckResult("chk_RACE" + i, h.writer.accountId(),
                        shop, CheckStatus.DOWN, 5, 503, HTTP_503, null, null, null, h.clock.instant());
                results.add(pool.submit(() -> {
                    start.await();
                    return lifecycle.onCheck(down, result);
                }));
            }
            start.countDown();
            List<Incident> opened = new ArrayList<>();
            for (Future<Optional<Incident>> f : results) {
                f.get(10, TimeUnit.SECONDS).ifPresent(opened::add);
            }

            assertThat(opened).hasSize(1);
            Incident incident = opened.get(0);
            assertThat(incident.status()).isEqualTo(IncidentStatus.OPEN);
            assertThat(h.enori.storage().incidents().findActive(h.writer.accountId(), shop)).contains(incident);
            assertThat(h.activeIds(h.writer)).containsExactly(incident.id());
            assertThat(kinds(h.timeline(incident.id()))).containsExactly("opened");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUpCheckRecordedDirectlyResolvesWithoutStatusCodeWhenThereIsNone() {
        String id = h.open(shop, h.site);
        Monitor monitor = h.enori.storage().monitors().find(h.writer.accountId(), shop).orElseThrow();
        Instant at = h.clock.advance(Duration.ofMinutes(1));

        Optional<Incident> change = new IncidentLifecycle(h.context()).onCheck(monitor,
                new CheckResult("chk_PORTUP1", h.writer.accountId(), shop, CheckStatus.UP, null, null, null, null,
                        null, null, at));

        assertThat(change).hasValueSatisfying(i -> {
            assertThat(i.id()).isEqualTo(id);
            assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(i.resolutionNote()).isEqualTo("Recovered: check chk_PORTUP1 is up");
            assertThat(i.resolvedAt()).isEqualTo(at);
        });
    }
}
