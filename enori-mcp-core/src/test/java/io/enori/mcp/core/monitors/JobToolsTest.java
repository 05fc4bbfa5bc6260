package io.enori.mcp.core.monitors;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static io.enori.mcp.core.testing.ToolCalls.list;
import static io.enori.mcp.core.testing.ToolCalls.longOf;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.JobPing.Kind;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.api.spi.PageRequest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job tools (get_monitor_pings, get_monitor_custom_metrics, get_monitor_run_series) over heartbeats that
 * carry run ids and metrics, and the heartbeat URL job monitors show.
 */
class JobToolsTest {
    private ToolHarness h;
    private JobHeartbeats heartbeats;
    private String job;
    private String account;

    @BeforeEach
    void setUp() {
        h = ToolHarness.create();
        heartbeats = h.enori.jobHeartbeats();
        account = h.writer.accountId();
        job = (String) h.create(args("type", "job", "name", "Sharded export", "intervalSeconds", 300,
                "graceSeconds", 60)).get("id");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void aJobMonitorShowsTheSameUnguessableHeartbeatUrlOnCreateAndGet() {
        Map<String, Object> created = map(h.ok("create_monitor", h.writer, args("type", "job", "name", "Backup"))
                .get("monitor"));
        String url = (String) created.get("heartbeatUrl");

        assertThat(url).matches("http://127\\.0\\.0\\.1:8080/ping/[A-Za-z0-9_-]{43}");
        assertThat(h.monitor((String) created.get("id"))).containsEntry("heartbeatUrl", url);
        assertThat(h.monitor(job).get("heartbeatUrl")).isNotEqualTo(url);
        assertThat(h.monitor(h.createWebsite("Site", "https://example.com"))).containsEntry("heartbeatUrl", null);
    }

    @Test
    void aPingArrivingWithTheTokenIsAttributedToTheMonitorsAccount() {
        String token = token(job);

        JobHeartbeats.Received received = heartbeats.receive(token, Kind.SUCCESS, JobReport.EMPTY).orElseThrow();

        assertThat(received.ping().accountId()).isEqualTo(account);
        assertThat(received.ping().monitorId()).isEqualTo(job);
        assertThat(received.monitorStatus()).isEqualTo("up");
        assertThat(heartbeats.receive("x".repeat(43), Kind.SUCCESS, JobReport.EMPTY)).isEmpty();
    }

    @Test
    void runSeriesListsTheNewestMaxPingsAndSaysHowToGetMore() {
        for (int i = 0; i < 3; i++) {
            heartbeats.record(account, job, Kind.SUCCESS, new JobReport("run-" + i, null, null, null));
            h.clock.advance(Duration.ofSeconds(10));
        }

        Map<String, Object> series = h.ok("get_monitor_run_series", h.reader, args("monitorId", job, "maxPings", 2));

        assertThat(list(series.get("pings"))).extracting(p -> p.get("runId")).containsExactly("run-2", "run-1");
        assertThat(list(series.get("runs"))).hasSize(2);
        assertThat(series).containsEntry("truncated", true);
        assertThat((String) series.get("note")).contains("raise maxPings (up to 5000)");
        assertInvalid(h.error("get_monitor_run_series", h.reader, args("monitorId", job, "maxPings", 5001)), "maxPings");
    }

    @Test
    void aShardedRunOfThreePingsWithOneRunIdIsOneRunWithItsMetricSeries() {
        heartbeats.record(account, job, Kind.START, new JobReport("run-9", null, null, null));
        h.clock.advance(Duration.ofSeconds(20));
        heartbeats.record(account, job, Kind.SUCCESS, new JobReport("run-9", 20_000L, Map.of("rows", 100.0), "shard 1"));
        h.clock.advance(Duration.ofSeconds(10));
        heartbeats.record(account, job, Kind.SUCCESS, new JobReport("run-9", 30_000L, Map.of("rows", 250.0), "shard 2"));
        h.clock.advance(Duration.ofSeconds(1));

        Map<String, Object> series = h.ok("get_monitor_run_series", h.reader, args("monitorId", job));
        List<Map<String, Object>> runs = list(series.get("runs"));
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0)).containsEntry("runId", "run-9").containsEntry("outcome", "success")
                .containsEntry("start", "2025-11-10T12:00:00Z").containsEntry("end", "2025-11-10T12:00:30Z");
        assertThat(longOf(runs.get(0), "pings")).isEqualTo(3);
        assertThat(longOf(runs.get(0), "durationMs")).isEqualTo(30_000);
        assertThat(list(series.get("pings"))).hasSize(3);
        assertThat(series).containsEntry("truncated", false);

        Map<String, Object> keys = h.ok("get_monitor_custom_metrics", h.reader, args("monitorId", job));
        assertThat(list(keys.get("keys"))).singleElement().satisfies(k -> {
            assertThat(k).containsEntry("key", "rows").containsEntry("last", 250.0);
            assertThat(longOf(k, "n")).isEqualTo(2);
        });
        Map<String, Object> rows = h.ok("get_monitor_custom_metrics", h.reader, args("monitorId", job, "key", "rows"));
        assertThat(rows).containsEntry("bucketed", false);
        assertThat(list(rows.get("series"))).extracting(p -> p.get("v"), p -> p.get("runId"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(100.0, "run-9"),
                        org.assertj.core.groups.Tuple.tuple(250.0, "run-9"));

        Map<String, Object> pings = h.ok("get_monitor_pings", h.reader, args("monitorId", job, "runId", "run-9",
                "kind", "success"));
        assertThat(list(pings.get("pings"))).extracting(p -> p.get("message")).containsExactly("shard 2", "shard 1");
        assertThat(map(list(pings.get("pings")).get(0).get("metrics"))).containsEntry("rows", 250.0);
    }

    @Test
    void pingsWithoutARunIdAreRunsOfTheirOwnAndAFailMakesARunAFailure() {
        heartbeats.record(account, job, Kind.SUCCESS, JobReport.EMPTY);
        h.clock.advance(Duration.ofMinutes(1));
        heartbeats.record(account, job, Kind.SUCCESS, JobReport.EMPTY);
        h.clock.advance(Duration.ofMinutes(1));
        heartbeats.record(account, job, Kind.START, new JobReport("r2", null, null, null));
        heartbeats.record(account, job, Kind.FAIL, new JobReport("r2", null, null, "disk full"));
        h.clock.advance(Duration.ofMinutes(1));
        heartbeats.record(account, job, Kind.START, new JobReport("r3", null, null, null));
        h.clock.advance(Duration.ofSeconds(1));

        List<Map<String, Object>> runs = list(h.ok("get_monitor_run_series", h.reader, args("monitorId", job))
                .get("runs"));

        assertThat(runs).extracting(r -> r.get("runId"), r -> r.get("outcome")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("r3", "running"),
                org.assertj.core.groups.Tuple.tuple("r2", "failure"),
                org.assertj.core.groups.Tuple.tuple(null, "success"),
                org.assertj.core.groups.Tuple.tuple(null, "success"));
    }

    @Test
    void aLongSeriesIsBucketedWithAvgMinMax() {
        for (int i = 0; i < 600; i++) {
            heartbeats.record(account, job, Kind.SUCCESS, new JobReport(null, null, Map.of("lag", (double) i), null));
            h.clock.advance(Duration.ofSeconds(60));
        }

        Map<String, Object> out = h.ok("get_monitor_custom_metrics", h.reader, args("monitorId", job, "key", "lag",
                "since", "2025-11-10T12:00:00Z", "until", "2025-11-11T00:00:00Z"));

        assertThat(out).containsEntry("bucketed", true);
        assertThat(longOf(out, "bucketSeconds")).isEqualTo(120);
        List<Map<String, Object>> series = list(out.get("series"));
        assertThat(series).hasSize(300);
        assertThat(series.get(0)).containsEntry("v", 0.5).containsEntry("min", 0.0).containsEntry("max", 1.0);
        assertThat(longOf(series.get(0), "n")).isEqualTo(2);
    }

    @Test
    void theMetricRangeIsAtMostNinetyDays() {
        ToolError error = h.error("get_monitor_custom_metrics", h.reader, args("monitorId", job,
                "since", "2025-08-01T00:00:00Z", "until", "2025-11-10T00:00:00Z"));

        assertThat(error.message()).startsWith("Invalid argument: since").contains("at most 90 days");
        assertThat(h.ok("get_monitor_custom_metrics", h.reader, args("monitorId", job,
                "since", "2025-08-12T00:00:00Z", "until", "2025-11-10T00:00:00Z"))).containsKey("keys");
    }

    @Test
    void aBadReportIsRejectedNamingTheFieldAndStoresNothing() {
        assertThatThrownBy(() -> heartbeats.record(account, job, Kind.SUCCESS,
                JobReport.fromJson(Map.of("metrics", Map.of("rows", "many")))))
                .isInstanceOf(JobReport.Invalid.class).hasMessage("metrics.rows must be a number");
        assertThatThrownBy(() -> JobReport.fromJson(Map.of("runId", "r".repeat(101))))
                .hasMessageStartingWith("runId must be 1-100");
        assertThatThrownBy(() -> JobReport.fromJson(Map.of("durationMs", -1)))
                .hasMessageStartingWith("durationMs must be >= 0");
        assertThatThrownBy(() -> JobReport.fromJson(Map.of("message", "m".repeat(1001))))
                .hasMessageStartingWith("message must be at most 1000");
        Map<String, Object> tooMany = new java.util.HashMap<>();
        for (int i = 0; i < 51; i++) {
            tooMany.put("k" + i, i);
        }
        assertThatThrownBy(() -> JobReport.fromJson(Map.of("metrics", tooMany))).hasMessageStartingWith("metrics must have at most 50");
        assertThatThrownBy(() -> JobReport.fromJson(Map.of("metrics", Map.of("bad key", 1))))
                .hasMessageContaining("keys must match");
        assertThatThrownBy(() -> JobReport.fromJson(Map.of("status", "ok"))).hasMessageContaining("not a known field");

        assertThat(h.enori.storage().jobPings().list(account, job, PageRequest.first(10)).items()).isEmpty();
        assertThat(h.storedChecks(job)).isEmpty();
    }

    @Test
    void theJobToolsNeedMonitorsReadKeepAccountsApartAndReadJobMonitorsOnly() {
        heartbeats.record(account, job, Kind.SUCCESS, new JobReport("r1", null, Map.of("rows", 1.0), null));
        Caller incidentsOnly = h.newKey(ToolHarness.ACCOUNT_A, EnumSet.of(Scope.INCIDENTS_READ), "incidents");
        String site = h.createWebsite("Site", "https://example.com");
        for (String tool : List.of("get_monitor_pings", "get_monitor_custom_metrics", "get_monitor_run_series")) {
            ToolError scope = h.error(tool, incidentsOnly, args("monitorId", job));
            assertThat(scope.message()).as(tool).isEqualTo("Insufficient scope");
            ToolHarness.assertNotFound(h.error(tool, h.outsider, args("monitorId", job)), job);
            ToolHarness.assertNotFound(h.error(tool, h.reader, args("monitorId", "mon_NOPE")), "mon_NOPE");
            assertThat(h.error(tool, h.reader, args("monitorId", site)).message()).as(tool)
                    .isEqualTo("Invalid argument: monitorId is a website monitor; this tool reads job (heartbeat) "
                            + "monitors only");
        }
    }

    @Test
    void pingsPageNewestFirstWithACursor() {
        for (int i = 0; i < 5; i++) {
            heartbeats.record(account, job, Kind.SUCCESS, new JobReport("r" + i, null, null, null));
            h.clock.advance(Duration.ofSeconds(1));
        }

        Map<String, Object> first = h.ok("get_monitor_pings", h.reader, args("monitorId", job, "limit", 3));
        Map<String, Object> second = h.ok("get_monitor_pings", h.reader, args("monitorId", job, "limit", 3,
                "cursor", first.get("nextCursor")));

        assertThat(list(first.get("pings"))).extracting(p -> p.get("runId")).containsExactly("r4", "r3", "r2");
        assertThat(list(second.get("pings"))).extracting(p -> p.get("runId")).containsExactly("r1", "r0");
        assertThat(second.get("nextCursor")).isNull();
    }

    private String token(String monitorId) {
        String url = (String) h.monitor(monitorId).get("heartbeatUrl");
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
