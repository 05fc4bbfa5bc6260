package io.enori.mcp.core.tool;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Tool;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.ratelimit.RateLimits;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where every call is authenticated, rate-limited and scope-checked before a tool runs, and where
 * an unexpected failure is logged once and answered without internals.
 */
public final class ToolInvoker {
    private static final Logger LOG = LoggerFactory.getLogger(ToolInvoker.class);

    private final RateLimits rateLimiter;
    private final CallObserver observer;

    public ToolInvoker(RateLimits rateLimiter) {
        this(rateLimiter, CallObserver.NONE);
    }

    /** @param observer told about every answered call (counts, latency, errors) */
    public ToolInvoker(RateLimits rateLimiter, CallObserver observer) {
        this.rateLimiter = Objects.requireNonNull(rateLimiter);
        this.observer = Objects.requireNonNull(observer);
    }

    public ToolOutcome invoke(Tool tool, Caller caller, Map<String, Object> arguments) {
        return invoke(tool, caller, arguments, false);
    }

    /**
     * @param alreadyAdmitted the transport already counted this call against the rate limit
     */
    public ToolOutcome invoke(Tool tool, Caller caller, Map<String, Object> arguments, boolean alreadyAdmitted) {
        return invoke(tool, caller, arguments, alreadyAdmitted, RequestContext.NONE);
    }

    /** @param request what the transport knows about the request, handed to {@link TypedTool}s */
    public ToolOutcome invoke(Tool tool, Caller caller, Map<String, Object> arguments, boolean alreadyAdmitted,
                              RequestContext request) {
        long started = System.nanoTime();
        ToolOutcome outcome = guarded(tool, caller, arguments, alreadyAdmitted, request);
        observer.called(tool.descriptor().name(), caller, outcome, System.nanoTime() - started);
        return outcome;
    }

    private ToolOutcome guarded(Tool tool, Caller caller, Map<String, Object> arguments, boolean alreadyAdmitted,
                                RequestContext request) {
        if (!caller.isAuthenticated()) {
            return ToolOutcome.failed(ToolError.unauthenticated(caller.authProblem()));
        }
        RateLimits.Decision decision;
        try {
            decision = alreadyAdmitted ? null : rateLimiter.tryAcquire(caller);
        } catch (RuntimeException e) {
            // Only the shared (PostgreSQL) limiter can fail: answer like any infrastructure failure, call not run.
            LOG.warn("rate limit unavailable for principal {}: {}", caller.principalId(), e.toString());
            return ToolOutcome.failed(new ToolError("Service unavailable", Map.of("hint",
                    "The rate limit could not be checked, so " + tool.descriptor().name()
                            + " did not run; nothing was changed. Try again in a few seconds.")));
        }
        if (decision instanceof RateLimits.Decision.Rejected rejected) {
            observer.rateLimited(tool.descriptor().name(), caller);
            return ToolOutcome.failed(ToolError.rateLimited(rejected.retryAfterSeconds(), rejected.limit(), 0));
        }
        if (!caller.has(tool.descriptor().requiredScope())) {
            return ToolOutcome.failed(ToolError.insufficientScope(tool.descriptor().requiredScope()));
        }
        try {
            return tool instanceof TypedTool<?, ?> typed ? typed.call(caller, arguments, request)
                    : tool.call(caller, arguments);
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("tool {} failed for principal {} (ref {})", tool.descriptor().name(), caller.principalId(),
                    reference, e);
            return ToolOutcome.failed(new ToolError("Internal error",
                    Map.of("reference", reference, "hint", "The server could not complete "
                            + tool.descriptor().name() + "; nothing was changed by the failed step. Try again later.")));
        }
    }
}
