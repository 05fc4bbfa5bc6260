package io.enori.mcp.core.checks;

import static io.enori.mcp.core.checks.SchedulerHarness.START;
import static io.enori.mcp.core.checks.SchedulerHarness.await;
import static io.enori.mcp.core.checks.SchedulerHarness.settle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.JobPing.Kind;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.monitors.CheckRecorder;
import io.enori.mcp.core.monitors.JobHeartbeats;
import io.enori.mcp.core.testing.LocalRdap;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scheduler over Job (heartbeat) and Domain (RDAP) monitors, and over more than one account. */
class SchedulerJobAndDomainTest {
    private SchedulerHarness h;
    private LocalRdap rdap;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
        if (rdap != null) {
            rdap.close();
        }
    }

    @Test
    void aJobMonitorIsJudgedFromItsHeartbeatsAtItsInterval() {
        h = new SchedulerHarness();
        String job = job(60, 30);
        JobHeartbeats heartbeats = new JobHeartbeats(h.context, new CheckRecorder(h.context));
        h.scheduler.start();
        Instant due = h.nextDue(job);

        h.clock.set(due);
        settle();
        assertThat(h.stored(job)).as("pending within the first interval + grace: nothing recorded").isEmpty();
        assertThat(h.scheduler.stats().runs()).isZero();
        assertThat(h.scheduler.nextDue(job)).contains(due.plusSeconds(60));

        heartbeats.record(h.writer.accountId(), job, Kind.SUCCESS, (String) null);
        assertThat(h.stored(job)).extracting(CheckResult::status).containsExactly(CheckStatus.UP);

        h.clock.set(due.plusSeconds(60));
        await("evaluated up", () -> h.scheduler.stats().runs() == 1);
        h.clock.set(due.plusSeconds(120));
        await("evaluated down", () -> h.scheduler.stats().runs() == 2);

        List<CheckResult> stored = h.stored(job);
        assertThat(stored).extracting(CheckResult::status)
                .containsExactly(CheckStatus.DOWN, CheckStatus.UP, CheckStatus.UP);
        assertThat(stored.get(0).error()).isEqualTo("no success heartbeat since "
                + due.truncatedTo(ChronoUnit.SECONDS) + "; expected every 60 s + 30 s grace");
        assertThat(h.scheduler.stats().failures()).isZero();
    }

    @Test
    void aJobMonitorThatNeverHeardFromItsJobGoesDownOnceItsFirstWindowHasPassed() {
        h = new SchedulerHarness();
        String job = job(60, 30);
        h.scheduler.start();
        Instant due = h.nextDue(job);

        h.clock.set(due.plusSeconds(120));
        await("evaluated", () -> h.stored(job).size() == 1);

        assertThat(h.stored(job).get(0).error()).isEqualTo("never received a heartbeat; expected every 60 s + 30 s"
                + " grace");
        assertThat(h.stored(job).get(0).checkedAt()).isAfter(START.plusSeconds(90));
    }

    @Test
    void runNowJudgesAJobMonitorAndReportsOneStillPending() throws Exception {
        h = new SchedulerHarness();
        String job = job(60, 30);
        h.scheduler.start();

        assertThatThrownBy(() -> h.scheduler.runNow(h.writer.accountId(), job).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(JobHeartbeats.StillPending.class);
        assertThat(h.scheduler.stats().failures()).isZero();

        new JobHeartbeats(h.context, new CheckRecorder(h.context)).record(h.writer.accountId(), job, Kind.FAIL,
                (String) null);
        CheckRecorder.Recorded recorded = h.scheduler.runNow(h.writer.accountId(), job).get(5, TimeUnit.SECONDS);

        assertThat(recorded.result().status()).isEqualTo(CheckStatus.DOWN);
        assertThat(recorded.result().error()).startsWith("job reported a failure at ");
    }

    @Test
    void aDomainMonitorIsCheckedOverRdapAndKeepsItsExpiry() {
        rdap = LocalRdap.start();
        rdap.registered("example.com", Instant.parse("2099-01-02T03:04:05Z"));
        h = new SchedulerHarness(DefaultCheckExecutor.builder().rdapBaseUrl(rdap.baseUrl()).build(), 2,
                SchedulerHarness.FAST);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("type", "domain");
        args.put("name", "Registration");
        args.put("host", "example.com");
        args.put("intervalSeconds", 3600);
        String domain = created(h.ok("create_monitor", args));
        h.scheduler.start();
        Instant due = h.nextDue(domain);

        h.clock.set(due);
        // runs() counts a run once it is wholly recorded (result, monitor state, SLO rollups), not when its row lands.
        await("checked", () -> h.scheduler.stats().runs() == 1);

        assertThat(h.stored(domain)).hasSize(1);
        assertThat(h.stored(domain).get(0).status()).isEqualTo(CheckStatus.UP);
        assertThat(h.stored(domain).get(0).domainExpiresAt()).isEqualTo(Instant.parse("2099-01-02T03:04:05Z"));
        assertThat(h.storage.monitors().find(h.writer.accountId(), domain).orElseThrow().domainExpiresAt())
                .isEqualTo(Instant.parse("2099-01-02T03:04:05Z"));
        assertThat(rdap.hits()).isEqualTo(1);
    }

    @Test
    void monitorsOfEveryAccountAreScheduledAndPausedOnesOfAnyAreNot() {
        h = new SchedulerHarness();
        String ours = h.website("ours", 30);
        Caller other = h.enori.apiKeys().authenticate(h.enori.apiKeys()
                .create("globex", EnumSet.of(Scope.MONITORS_READ, Scope.MONITORS_WRITE), "other").plaintext());
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("type", "website");
        args.put("name", "theirs");
        args.put("url", h.site.url("theirs"));
        args.put("intervalSeconds", 30);
        String theirs = created(ok(h.enori.call("create_monitor", other, args)));
        args.put("name", "theirs-paused");
        args.put("url", h.site.url("theirs-paused"));
        String theirsPaused = created(ok(h.enori.call("create_monitor", other, args)));
        ok(h.enori.call("pause_monitor", other, Map.of("monitorId", theirsPaused)));

        h.scheduler.start();

        h.nextDue(ours);
        h.nextDue(theirs);
        settle();
        assertThat(h.scheduler.nextDue(theirsPaused)).isEmpty();
        assertThat(h.scheduler.scheduledCount()).isEqualTo(2);
    }

    private String job(int intervalSeconds, int graceSeconds) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("type", "job");
        args.put("name", "cron");
        args.put("intervalSeconds", intervalSeconds);
        args.put("graceSeconds", graceSeconds);
        return created(h.ok("create_monitor", args));
    }

    private static String created(Map<String, Object> out) {
        return (String) ((Map<?, ?>) out.get("monitor")).get("id");
    }

    private static Map<String, Object> ok(ToolOutcome outcome) {
        assertThat(outcome).isInstanceOf(ToolOutcome.Ok.class);
        return io.enori.mcp.core.tool.Json.toMap(((ToolOutcome.Ok) outcome).content());
    }
}
