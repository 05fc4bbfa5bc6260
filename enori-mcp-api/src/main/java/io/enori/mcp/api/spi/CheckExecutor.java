package io.enori.mcp.api.spi;

import io.enori.mcp.api.MonitorTarget;
import java.time.Duration;

/**
 * Performs one check of a target. Implementations never throw for a failing target: an unreachable host
 * is a {@code DOWN} outcome with the reason.
 */
public interface CheckExecutor {

    /**
     * @throws NotCheckableException when this kind of target cannot be checked on demand
     */
    CheckOutcome check(MonitorTarget target, Duration timeout);

    /** A target that has no on-demand check (Domain and Job monitors are checked by the scheduler). */
    final class NotCheckableException extends RuntimeException {
        public NotCheckableException(String message) {
            super(message, null, false, false);
        }
    }
}
