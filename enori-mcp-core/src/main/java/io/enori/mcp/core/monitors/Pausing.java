package io.enori.mcp.core.monitors;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.core.tool.CoreContext;

/** What pause_monitor and resume_monitor share: flip the flag, idempotently. */
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
        Monitor updated = new Monitor(m.id(), m.accountId(), m.name(), m.target(), m.intervalSeconds(), m.timeoutMs(),
                m.alertAfterFailures(), m.channelIds(), paused, m.status(), m.consecutiveFailures(), m.lastCheckedAt(),
                m.lastResponseTimeMs(), m.lastSuccessAt(), m.sslExpiresAt(), m.domainExpiresAt(), m.createdAt(),
                context.clock().instant());
        context.storage().monitors().updateConfig(updated);
        return new Result(MonitorViews.summary(updated), true);
    }
}
