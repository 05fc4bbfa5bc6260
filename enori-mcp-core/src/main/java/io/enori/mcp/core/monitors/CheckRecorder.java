package io.enori.mcp.core.monitors;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorStatus;
import io.enori.mcp.api.spi.CheckOutcome;
import io.enori.mcp.core.incidents.IncidentLifecycle;
import io.enori.mcp.core.slo.SloEngine;
import io.enori.mcp.core.tool.CoreContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Stores a check's outcome and moves the monitor's state on: status, consecutive failures, last success, TLS
 * and domain registration expiry, its SLOs' daily rollups, and its incident (opened at the failure threshold,
 * resolved on recovery). One
 * place, so check_now, the scheduler and job heartbeats cannot disagree on what a check means.
 */
public final class CheckRecorder {
    private final CoreContext context;
    private final IncidentLifecycle incidents;
    private final SloEngine slos;

    public CheckRecorder(CoreContext context) {
        this.context = context;
        this.incidents = new IncidentLifecycle(context);
        this.slos = new SloEngine(context);
    }

    /**
     * The stored result, the monitor as it is after it, and the incident the check opened or resolved (if it
     * did either).
     */
    public record Recorded(CheckResult result, Monitor monitor, Optional<Incident> incidentChange) {
    }

    public Recorded record(Monitor checked, CheckOutcome outcome) {
        return MonitorLocks.withLock(checked.id(), () -> recordLocked(checked, outcome));
    }

    private Recorded recordLocked(Monitor checked, CheckOutcome outcome) {
        // Re-read under the lock: another check may have landed while this one ran.
        Monitor monitor = context.storage().monitors().find(checked.accountId(), checked.id()).orElse(checked);
        Instant now = context.clock().instant();
        CheckResult result = new CheckResult(context.ids().next("chk_"), monitor.accountId(), monitor.id(),
                outcome.status(), outcome.responseTimeMs(), outcome.statusCode(), outcome.error(),
                outcome.contentMatched(), outcome.sslExpiresAt(), outcome.domainExpiresAt(), now, outcome.traceId());
        context.storage().checkResults().insert(result);
        if (result.traceId() != null) {
            // Spans the checked service exported before this result was stored join it now.
            context.storage().traces().linkToCheck(monitor.accountId(), result.traceId(), monitor.id(), result.id());
        }
        // Rollups count each check once, here, under the monitor's lock (one SLO query; nothing more without SLOs).
        slos.onCheck(monitor, result);
        boolean up = outcome.status() == CheckStatus.UP;
        Monitor next = new Monitor(monitor.id(), monitor.accountId(), monitor.name(), monitor.target(),
                monitor.intervalSeconds(), monitor.timeoutMs(), monitor.alertAfterFailures(), monitor.channelIds(),
                monitor.paused(), up ? MonitorStatus.UP : MonitorStatus.DOWN,
                up ? 0 : monitor.consecutiveFailures() + 1, now, outcome.responseTimeMs(),
                up ? now : monitor.lastSuccessAt(),
                outcome.sslExpiresAt() != null ? outcome.sslExpiresAt() : monitor.sslExpiresAt(),
                outcome.domainExpiresAt() != null ? outcome.domainExpiresAt() : monitor.domainExpiresAt(),
                monitor.createdAt(), monitor.updatedAt());
        context.storage().monitors().updateState(next);
        return new Recorded(result, next, incidents.onCheck(next, result));
    }
}
