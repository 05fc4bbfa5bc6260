package io.enori.mcp.core.monitors;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.core.tool.CoreContext;
import java.time.Instant;

/** What pause_monitor and resume_monitor share: flip the flag and record the pause period, idempotently. */
final class Pausing {
    private Pausing() {
    }

    /** The monitor's view after the change and whether anything changed. */
    record Result(MonitorViews.MonitorSummary monitor, boolean changed) {
    }

    static Result setPaused(CoreContext context, Caller caller, String monitorId, boolean paused) {
        return MonitorLocks.withLock(monitorId, () -> setPausedLocked(context, caller, monitorId, paused));
    }

    private static Result setPausedLocked(CoreContext context, Caller caller, String monitorId, boolean paused) {
        Monitor m = MonitorLookup.require(context, caller, monitorId);
        if (m.paused() == paused) {
            return new Result(MonitorViews.summary(m), false);
        }
        Instant now = context.clock().instant();
        Monitor updated = new Monitor(m.id(), m.accountId(), m.name(), m.target(), m.intervalSeconds(), m.timeoutMs(),
                m.alertAfterFailures(), m.channelIds(), paused, m.status(), m.consecutiveFailures(), m.lastCheckedAt(),
                m.lastResponseTimeMs(), m.lastSuccessAt(), m.sslExpiresAt(), m.domainExpiresAt(), m.createdAt(),
                now);
        context.storage().monitors().updateConfig(updated);
        // Every pause and resume is kept, so SLOs that exclude paused time can. Checks recorded while paused were
        // already counted as excluded under the open period, so no rollup needs rebuilding here.
        if (paused) {
            context.storage().monitorPauses().paused(m.accountId(), m.id(), now);
        } else {
            context.storage().monitorPauses().resumed(m.accountId(), m.id(), now);
        }
        return new Result(MonitorViews.summary(updated), true);
    }
}
