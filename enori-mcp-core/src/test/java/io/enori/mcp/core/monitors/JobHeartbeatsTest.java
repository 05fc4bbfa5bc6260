package io.enori.mcp.core.monitors;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.longOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.JobPing;
import io.enori.mcp.api.JobPing.Kind;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.spi.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Job monitors: heartbeats recorded as they arrive, and the verdict the stored ones give against the clock. */
class JobHeartbeatsTest {
    private static final Instant START = ToolHarness.START;

    private ToolHarness h;
    private JobHeartbeats heartbeats;
    private String job;

    @BeforeEach
    void setUp() {
        h = ToolHarness.create();
        heartbeats = h.enori.jobHeartbeats();
        job = (String) h.create(args("type", "job", "name", "Nightly backup", "intervalSeconds", 300,
                "graceSeconds", 60)).get("id");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void aSuccessHeartbeatIsStoredAndBringsTheMonitorUpAtOnce() {
        h.clock.advance(Duration.ofSeconds(10));

        JobHeartbeats.Received received = heartbeats.record(h.writer.accountId(), job, Kind.SUCCESS, "run-1");

        assertThat(received.ping().id()).startsWith("png_");
        assertThat(received.ping().receivedAt()).isEqualTo(START.plusSeconds(10));
        assertThat(received.ping().runId()).isEqualTo("run-1");
        assertThat(h.enori.storage().jobPings().latest(h.writer.accountId(), job)).contains(received.ping());
        assertThat(received.recorded()).hasValueSatisfying(r -> {
            assertThat(r.result().status()).isEqualTo(CheckStatus.UP);
            assertThat(r.result().responseTimeMs()).isNull();
        });
        assertThat(h.monitor(job)).containsEntry("status", "up").containsEntry("lastSuccessAt", "2025-11-10T12:00:10Z");
    }

    @Test
    void aFailHeartbeatTakesTheMonitorDownAtOnceNamingTheRun() {
        heartbeats.record(h.writer.accountId(), job, Kind.SUCCESS, (String) null);
        h.clock.advance(Duration.ofSeconds(30));

        JobHeartbeats.Received received = heartbeats.record(h.writer.accountId(), job, Kind.FAIL, "run-7");

        assertThat(received.recorded()).hasValueSatisfying(r -> assertThat(r.result().error())
                .isEqualTo("job reported a failure at 2025-11-10T12:00:30Z (run run-7)"));
        assertThat(h.monitor(job)).containsEntry("status", "down");
        assertThat(longOf(h.monitor(job), "consecutiveFailures")).isEqualTo(1);
    }

    @Test
    void aStartHeartbeatIsStoredButChangesNothing() {
        JobHeartbeats.Received received = heartbeats.record(h.writer.accountId(), job, Kind.START, "run-1");

        assertThat(received.recorded()).isEmpty();
        assertThat(h.storedChecks(job)).isEmpty();
        assertThat(h.monitor(job)).containsEntry("status", "pending");
        assertThat(h.enori.storage().jobPings().latest(h.writer.accountId(), job)).contains(received.ping());
    }

    @Test
    void aPausedMonitorKeepsItsHeartbeatsButNotTheirVerdict() {
        h.ok("pause_monitor", h.writer, args("monitorId", job));

        JobHeartbeats.Received received = heartbeats.record(h.writer.accountId(), job, Kind.FAIL, (String) null);

        assertThat(received.recorded()).isEmpty();
        assertThat(h.storedChecks(job)).isEmpty();
        assertThat(h.enori.storage().jobPings().list(h.writer.accountId(), job, PageRequest.first(5)).items())
                .containsExactly(received.ping());
    }

    @Test
    void heartbeatsForAnUnknownOrAnotherAccountsMonitorAreRefused() {
        assertThatThrownBy(() -> heartbeats.record(h.outsider.accountId(), job, Kind.SUCCESS, (String) null))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining(job);
        assertThatThrownBy(() -> heartbeats.record(h.writer.accountId(), "mon_NOPE", Kind.SUCCESS, (String) null))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(h.enori.storage().jobPings().latest(h.writer.accountId(), job)).isEmpty();
    }

    @Test
    void heartbeatsForAMonitorThatIsNoJobAreRefused() {
        String site = h.createWebsite("Site", "http://127.0.0.1:1/");

        assertThatThrownBy(() -> heartbeats.record(h.writer.accountId(), site, Kind.SUCCESS, (String) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a job monitor");
    }

    @Test
    void aMissedHeartbeatOpensAnIncidentAfterTheMonitorsAlertAfterFailures() {
        String nightly = (String) h.create(args("type", "job", "name", "Nightly ETL", "intervalSeconds", 300,
                "graceSeconds", 60, "alertAfterFailures", 3)).get("id");
        heartbeats.record(h.writer.accountId(), nightly, Kind.SUCCESS, JobReport.EMPTY);
        String account = h.writer.accountId();

        h.clock.advance(Duration.ofSeconds(361));
        Monitor m = h.enori.storage().monitors().find(account, nightly).orElseThrow();
        heartbeats.evaluateAndRecord(m);
        h.clock.advance(Duration.ofSeconds(300));
        heartbeats.evaluateAndRecord(h.enori.storage().monitors().find(account, nightly).orElseThrow());
        assertThat(h.enori.storage().incidents().findActive(account, nightly)).isEmpty();

        h.clock.advance(Duration.ofSeconds(300));
        CheckResult third = heartbeats.evaluateAndRecord(h.enori.storage().monitors().find(account, nightly)
                .orElseThrow()).result();

        assertThat(third.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(h.enori.storage().incidents().findActive(account, nightly)).isPresent();
        assertThat(h.monitor(nightly)).containsEntry("status", "down");
    }

    @Test
    void upWhileTheLastSuccessIsWithinIntervalPlusGraceInclusive() {
        heartbeats.record(h.writer.accountId(), job, Kind.SUCCESS, (String) null);

        h.clock.advance(Duration.ofSeconds(360));
        CheckResult atTheEdge = heartbeats.evaluateAndRecord(monitor()).result();
        h.clock.advance(Duration.ofMillis(1));
        CheckResult past = heartbeats.evaluateAndRecord(monitor()).result();

        assertThat(atTheEdge.status()).isEqualTo(CheckStatus.UP);
        assertThat(past.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(past.error())
                .isEqualTo("no success heartbeat since 2025-11-10T12:00:00Z; expected every 300 s + 60 s grace");
    }

    @Test
    void aFailAfterTheLastSuccessKeepsItDownEvenWithinTheWindowAndAfterALaterStart() {
        heartbeats.record(h.writer.accountId(), job, Kind.SUCCESS, (String) null);
        h.clock.advance(Duration.ofSeconds(60));
        heartbeats.record(h.writer.accountId(), job, Kind.FAIL, (String) null);
        h.clock.advance(Duration.ofSeconds(60));
        heartbeats.record(h.writer.accountId(), job, Kind.START, (String) null);

        CheckResult result = heartbeats.evaluateAndRecord(monitor()).result();

        assertThat(result.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(result.error()).isEqualTo("job reported a failure at 2025-11-10T12:01:00Z");
    }

    @Test
    void aSuccessAfterAFailBringsItBack() {
        heartbeats.record(h.writer.accountId(), job, Kind.FAIL, (String) null);
        h.clock.advance(Duration.ofSeconds(60));
        heartbeats.record(h.writer.accountId(), job, Kind.SUCCESS, (String) null);

        assertThat(heartbeats.evaluateAndRecord(monitor()).result().status()).isEqualTo(CheckStatus.UP);
        assertThat(h.monitor(job)).containsEntry("status", "up");
    }

    @Test
    void aNewMonitorIsPendingUntilItsFirstIntervalAndGraceHavePassed() {
        h.clock.advance(Duration.ofSeconds(360));

        assertThatThrownBy(() -> heartbeats.evaluateAndRecord(monitor()))
                .isInstanceOfSatisfying(JobHeartbeats.StillPending.class,
                        e -> assertThat(e.pendingUntil()).isEqualTo(START.plusSeconds(360)));
        assertThat(h.storedChecks(job)).isEmpty();

        h.clock.advance(Duration.ofSeconds(1));
        CheckResult result = heartbeats.evaluateAndRecord(monitor()).result();

        assertThat(result.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(result.error()).isEqualTo("never received a heartbeat; expected every 300 s + 60 s grace");
    }

    @Test
    void onlyStartHeartbeatsMeanNoSuccessYet() {
        heartbeats.record(h.writer.accountId(), job, Kind.START, "run-1");
        h.clock.advance(Duration.ofSeconds(361));

        assertThat(heartbeats.evaluateAndRecord(monitor()).result().error())
                .isEqualTo("no success heartbeat yet; expected every 300 s + 60 s grace");
    }

    @Test
    void repeatedMissesOpenAnIncidentAndASuccessResolvesIt() {
        heartbeats.record(h.writer.accountId(), job, Kind.SUCCESS, (String) null);
        h.clock.advance(Duration.ofSeconds(400));
        heartbeats.evaluateAndRecord(monitor());
        h.clock.advance(Duration.ofSeconds(300));
        CheckRecorder.Recorded second = heartbeats.evaluateAndRecord(monitor());

        assertThat(second.incidentChange()).hasValueSatisfying(i -> assertThat(i.isActive()).isTrue());

        h.clock.advance(Duration.ofSeconds(10));
        JobHeartbeats.Received back = heartbeats.record(h.writer.accountId(), job, Kind.SUCCESS, (String) null);

        assertThat(back.recorded().orElseThrow().incidentChange())
                .hasValueSatisfying(i -> assertThat(i.isActive()).isFalse());
    }

    @Test
    void aRunIdMustBeShortAndNotBlank() {
        assertThatThrownBy(() -> heartbeats.record(h.writer.accountId(), job, Kind.SUCCESS, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runId");
        assertThatThrownBy(() -> heartbeats.record(h.writer.accountId(), job, Kind.SUCCESS,
                "x".repeat(JobPing.MAX_RUN_ID_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runId");
    }

    private Monitor monitor() {
        return h.enori.storage().monitors().find(h.writer.accountId(), job).orElseThrow();
    }
}
