package io.enori.mcp.core.monitors;

import io.enori.mcp.core.checks.DefaultCheckExecutor;
import io.enori.mcp.core.testing.LocalRdap;
import io.enori.mcp.core.testing.LocalSite;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.monitors.ToolHarness.assertNotFound;
import static io.enori.mcp.core.testing.ToolCalls.longOf;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.JobPing;
import io.enori.mcp.api.ToolError;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckNowTest {
    private ToolHarness h;
    private LocalSite site;

    @BeforeEach
    void setUp() {
        h = ToolHarness.create();
        site = LocalSite.start();
    }

    @AfterEach
    void tearDown() {
        site.close();
        h.close();
    }

    @Test
    void healthySiteIsUpWithStatusCodeAndContentMatch() {
        String id = (String) h.create(args("type", "website", "name", "Site", "url", site.url(),
                "keyword", LocalSite.KEYWORD)).get("id");

        Map<String, Object> out = h.checkNow(id);

        Map<String, Object> result = map(out.get("result"));
        assertThat(out).containsEntry("monitorId", id).containsEntry("monitorStatus", "up")
                .containsEntry("sslExpiresAt", null);
        assertThat(longOf(out, "consecutiveFailures")).isZero();
        assertThat((String) result.get("id")).startsWith("chk_");
        assertThat(result).containsEntry("status", "up").containsEntry("contentMatched", true)
                .containsEntry("error", null).containsEntry("checkedAt", "2025-11-10T12:00:00Z");
        assertThat(longOf(result, "statusCode")).isEqualTo(200);
        assertThat(longOf(result, "responseTimeMs")).isBetween(0L, 10_000L);
        assertThat(site.hits()).isEqualTo(1);
    }

    @Test
    void websiteWithoutKeywordReportsNoContentMatch() {
        String id = h.createWebsite("Site", site.url());
        assertThat(map(h.checkNow(id).get("result"))).containsEntry("status", "up").containsEntry("contentMatched", null);
    }

    @Test
    void consecutiveFailuresCountUpAndResetOnSuccess() {
        String id = (String) h.create(args("type", "website", "name", "Site", "url", site.url(),
                "keyword", LocalSite.KEYWORD)).get("id");
        h.checkNow(id);

        site.unavailable();
        h.clock.advance(Duration.ofMinutes(1));
        Map<String, Object> first = h.checkNow(id);
        h.clock.advance(Duration.ofMinutes(1));
        Map<String, Object> second = h.checkNow(id);

        Map<String, Object> failed = map(first.get("result"));
        assertThat(failed).containsEntry("status", "down").containsEntry("contentMatched", false)
                .containsEntry("error", "HTTP 503 (expected 200-399)");
        assertThat(longOf(failed, "statusCode")).isEqualTo(503);
        assertThat(first).containsEntry("monitorStatus", "down");
        assertThat(longOf(first, "consecutiveFailures")).isEqualTo(1);
        assertThat(second).containsEntry("monitorStatus", "down");
        assertThat(longOf(second, "consecutiveFailures")).isEqualTo(2);
        assertThat(h.monitor(id)).containsEntry("status", "down").containsEntry("lastSuccessAt", "2025-11-10T12:00:00Z")
                .containsEntry("lastCheckedAt", "2025-11-10T12:02:00Z");

        site.healthy();
        h.clock.advance(Duration.ofMinutes(1));
        Map<String, Object> recovered = h.checkNow(id);
        assertThat(recovered).containsEntry("monitorStatus", "up");
        assertThat(longOf(recovered, "consecutiveFailures")).isZero();
        assertThat(h.monitor(id)).containsEntry("status", "up").containsEntry("lastSuccessAt", "2025-11-10T12:03:00Z");
    }

    @Test
    void stoppedServerIsDown() {
        String id = h.createWebsite("Site", site.url());
        assertThat(h.checkNow(id)).containsEntry("monitorStatus", "up");

        site.stop();
        h.clock.advance(Duration.ofMinutes(1));
        Map<String, Object> out = h.checkNow(id);

        Map<String, Object> result = map(out.get("result"));
        assertThat(result).containsEntry("status", "down").containsEntry("statusCode", null);
        assertThat((String) result.get("error")).isNotBlank();
        assertThat(out).containsEntry("monitorStatus", "down");
        assertThat(longOf(out, "consecutiveFailures")).isEqualTo(1);
    }

    @Test
    void closedPortIsConnectionRefused() {
        String id = h.createWebsite("Nothing", "http://127.0.0.1:" + LocalSite.closedPort() + "/");
        Map<String, Object> out = h.checkNow(id);
        assertThat(map(out.get("result"))).containsEntry("status", "down").containsEntry("error", "connection refused");
        assertThat(out).containsEntry("monitorStatus", "down");
    }

    @Test
    void expectedStatusCodesDecideWhatCountsAsUp() {
        site.unavailable();
        String id = (String) h.create(args("type", "website", "name", "Maint", "url", site.url(),
                "expectedStatusCodes", List.of(503))).get("id");
        assertThat(map(h.checkNow(id).get("result"))).containsEntry("status", "up");
        site.healthy();
        assertThat(map(h.checkNow(id).get("result"))).containsEntry("status", "down")
                .containsEntry("error", "HTTP 200 (expected 503)");
    }

    @Test
    void portMonitorIsUpWhileSomethingListensAndDownAfter() throws IOException {
        String id;
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            id = h.createPort("Local port", "127.0.0.1", listener.getLocalPort());
            Map<String, Object> up = h.checkNow(id);
            assertThat(map(up.get("result"))).containsEntry("status", "up").containsEntry("error", null)
                    .containsEntry("statusCode", null);
            assertThat(up).containsEntry("monitorStatus", "up");
        }
        h.clock.advance(Duration.ofMinutes(1));
        Map<String, Object> down = h.checkNow(id);
        assertThat(map(down.get("result"))).containsEntry("status", "down").containsEntry("error", "connection refused");
        assertThat(down).containsEntry("monitorStatus", "down");
    }

    @Test
    void everyCheckIsStored() {
        String id = h.createWebsite("Site", site.url());
        Map<String, Object> out = h.checkNow(id);
        assertThat(h.storedChecks(id)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(map(out.get("result")).get("id"));
            assertThat(c.status()).isEqualTo(CheckStatus.UP);
            assertThat(c.statusCode()).isEqualTo(200);
            assertThat(c.checkedAt()).isEqualTo(ToolHarness.START);
        });
    }

    @Test
    void timeoutMsBoundsTheCheck() {
        site.slow(2_000);
        String id = (String) h.create(args("type", "website", "name", "Slow", "url", site.url(),
                "timeoutMs", 200)).get("id");

        Map<String, Object> result = map(h.checkNow(id).get("result"));

        assertThat(result).containsEntry("status", "down").containsEntry("error", "timed out after 200 ms");
        assertThat(longOf(result, "responseTimeMs")).isLessThan(1_500);
    }

    @Test
    void checksPausedMonitorsButKeepsThemPaused() {
        String id = h.createWebsite("Site", site.url());
        h.ok("pause_monitor", h.writer, args("monitorId", id));

        Map<String, Object> out = h.checkNow(id);

        assertThat(map(out.get("result"))).containsEntry("status", "up");
        assertThat(out).containsEntry("monitorStatus", "paused");
        assertThat(h.monitor(id)).containsEntry("paused", true).containsEntry("status", "paused");
        h.ok("resume_monitor", h.writer, args("monitorId", id));
        assertThat(h.monitor(id)).containsEntry("status", "up");
    }

    @Test
    void aNewJobMonitorWithoutHeartbeatsIsStillPendingAndNothingIsRecorded() {
        String job = (String) h.create(args("type", "job", "name", "Cron", "intervalSeconds", 300,
                "graceSeconds", 60)).get("id");
        h.clock.advance(Duration.ofMinutes(5));

        ToolError error = h.error("check_now", h.writer, args("monitorId", job));

        assertThat(error.message()).contains("no success heartbeat yet").contains("2025-11-10T12:06:00Z")
                .contains("300 s").contains("60 s grace");
        assertThat(error.details()).containsEntry("monitorId", job).containsEntry("type", "job")
                .containsEntry("pendingUntil", "2025-11-10T12:06:00Z");
        assertThat(h.storedChecks(job)).isEmpty();
        assertThat(h.monitor(job)).containsEntry("status", "pending");
    }

    @Test
    void aJobMonitorIsJudgedFromItsHeartbeats() {
        String job = (String) h.create(args("type", "job", "name", "Cron", "intervalSeconds", 300,
                "graceSeconds", 60)).get("id");
        h.clock.advance(Duration.ofMinutes(1));
        h.enori.jobHeartbeats().record(h.writer.accountId(), job, JobPing.Kind.SUCCESS, (String) null);
        h.clock.advance(Duration.ofSeconds(360));

        Map<String, Object> up = h.checkNow(job);
        h.clock.advance(Duration.ofSeconds(1));
        Map<String, Object> down = h.checkNow(job);

        assertThat(up).containsEntry("monitorStatus", "up");
        assertThat(map(down.get("result"))).containsEntry("status", "down").containsEntry("error",
                "no success heartbeat since 2025-11-10T12:01:00Z; expected every 300 s + 60 s grace");
        assertThat(down).containsEntry("monitorStatus", "down");
        assertThat(h.storedChecks(job)).hasSize(3);
    }

    @Test
    void aDomainMonitorIsCheckedOverRdapAndItsExpiryShows() {
        try (LocalRdap rdap = LocalRdap.start(); ToolHarness withRdap = ToolHarness.create(b -> b.checkExecutor(
                DefaultCheckExecutor.builder().rdapBaseUrl(rdap.baseUrl()).clock(h.clock).build()))) {
            rdap.registered("example.com", Instant.parse("2026-09-14T04:00:00Z"));
            rdap.registered("soon.example", Instant.parse("2025-11-16T00:00:00Z"));
            String fine = (String) withRdap.create(args("type", "domain", "name", "Reg", "host", "example.com"))
                    .get("id");
            String soon = (String) withRdap.create(args("type", "domain", "name", "Soon", "host", "soon.example"))
                    .get("id");

            Map<String, Object> up = withRdap.checkNow(fine);
            Map<String, Object> down = withRdap.checkNow(soon);

            assertThat(up).containsEntry("monitorStatus", "up").containsEntry("domainExpiresAt",
                    "2026-09-14T04:00:00Z");
            assertThat(map(up.get("result"))).containsEntry("status", "up").containsEntry("error", null);
            assertThat(map(withRdap.monitor(fine).get("domainRegistration")))
                    .containsEntry("expiresAt", "2026-09-14T04:00:00Z");
            assertThat(longOf(map(withRdap.monitor(fine).get("domainRegistration")), "daysLeft")).isEqualTo(307);
            assertThat(map(down.get("result"))).containsEntry("status", "down")
                    .containsEntry("error", "registration expires 2025-11-16 (5 days)");
            assertThat(withRdap.monitor(soon)).containsEntry("status", "down");
            assertThat(withRdap.storedChecks(soon)).singleElement()
                    .satisfies(c -> assertThat(c.domainExpiresAt()).isEqualTo(Instant.parse("2025-11-16T00:00:00Z")));
        }
    }

    @Test
    void aWebsiteMonitorShowsNoDomainRegistration() {
        String id = h.createWebsite("Site", site.url());
        assertThat(h.checkNow(id)).containsEntry("domainExpiresAt", null);
        assertThat(h.monitor(id)).containsEntry("domainRegistration", null);
    }

    @Test
    void withTheSchedulerRunningCheckNowGoesThroughItsQueue() {
        String id = h.createWebsite("Site", site.url());
        h.enori.scheduler().start();

        Map<String, Object> out = h.checkNow(id);

        assertThat(out).containsEntry("monitorStatus", "up");
        assertThat(h.enori.scheduler().stats().runs()).isEqualTo(1);
        assertThat(h.storedChecks(id)).hasSize(1);
    }

    @Test
    void withoutARunningSchedulerCheckNowRunsTheCheckItself() {
        String id = h.createWebsite("Site", site.url());

        Map<String, Object> out = h.checkNow(id);

        assertThat(out).containsEntry("monitorStatus", "up");
        assertThat(h.enori.scheduler().stats().runs()).isZero();
        assertThat(h.storedChecks(id)).hasSize(1);
    }

    @Test
    void withTheSchedulerRunningConcurrentCheckNowCallsShareOneRun() throws Exception {
        site.slow(2_000);
        String id = h.createWebsite("Slow", site.url());
        h.enori.scheduler().start();

        CompletableFuture<Map<String, Object>> first = CompletableFuture.supplyAsync(
                () -> h.ok("check_now", h.writer, args("monitorId", id)));
        awaitHits(1);
        Map<String, Object> second = h.ok("check_now", h.writer2, args("monitorId", id));

        assertThat(map(second.get("result")).get("id")).isEqualTo(map(first.get(10, TimeUnit.SECONDS)
                .get("result")).get("id"));
        assertThat(site.hits()).isEqualTo(1);
        assertThat(h.storedChecks(id)).hasSize(1);
    }

    @Test
    void withTheSchedulerRunningAPendingJobMonitorAnswersAsWithoutIt() {
        String job = (String) h.create(args("type", "job", "name", "Cron")).get("id");
        h.enori.scheduler().start();

        ToolError error = h.error("check_now", h.writer, args("monitorId", job));

        assertThat(error.message()).contains("no success heartbeat yet");
        assertThat(error.details()).containsEntry("type", "job").containsKey("pendingUntil");
        assertThat(h.storedChecks(job)).isEmpty();
    }

    private void awaitHits(int hits) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (site.hits() < hits && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(site.hits()).as("site hits").isEqualTo(hits);
    }

    @Test
    void overlappingChecksOfAFailingMonitorCountEveryFailure() throws Exception {
        site.unavailable();
        site.slow(400);
        String id = h.createWebsite("Slow and failing", site.url());

        CompletableFuture<Map<String, Object>> first = CompletableFuture.supplyAsync(
                () -> h.ok("check_now", h.writer, args("monitorId", id)));
        CompletableFuture<Map<String, Object>> second = CompletableFuture.supplyAsync(
                () -> h.ok("check_now", h.writer2, args("monitorId", id)));
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);

        assertThat(h.storedChecks(id)).hasSize(2);
        assertThat(longOf(h.monitor(id), "consecutiveFailures")).isEqualTo(2);
    }

    @Test
    void badAndUnknownIds() {
        assertInvalid(h.error("check_now", h.writer, args("monitorId", "mon_!!")), "monitorId");
        assertInvalid(h.error("check_now", h.writer, args()), "monitorId");
        assertInvalid(h.error("check_now", h.writer, args("monitorId", "mon_A", "force", true)), "force");
        assertNotFound(h.error("check_now", h.writer, args("monitorId", "mon_NOPE0000")), "mon_NOPE0000");
        assertThat(site.hits()).isZero();
    }
}
