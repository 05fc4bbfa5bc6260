package io.enori.mcp.core;

import io.enori.mcp.api.Caller;
import io.modelcontextprotocol.common.McpTransportContext;

/**
 * How a transport tells the core who is calling: from the SDK's per-request transport context (HTTP, where
 * a servlet filter put the authenticated caller) or fixed for the whole process (stdio).
 */
@FunctionalInterface
public interface CallerResolver {

    /** The key under which HTTP transports store the {@link Caller} in the transport context. */
    String CONTEXT_KEY = "enori.caller";

    /**
     * Set to {@code Boolean.TRUE} in the transport context when the transport already admitted the call against
     * the rate limit (HTTP answers 429 itself), so the core does not count it twice.
     */
    String RATE_LIMITED_KEY = "enori.rateLimited";

    Caller resolve(McpTransportContext context);

    /** The same caller for every request, as on stdio where one process serves one key. */
    static CallerResolver fixed(Caller caller) {
        return context -> caller;
    }

    /** Reads the caller an HTTP filter stored under {@link #CONTEXT_KEY}; unauthenticated when absent. */
    static CallerResolver fromContext() {
        return context -> context.get(CONTEXT_KEY) instanceof Caller caller
                ? caller
                : Caller.unauthenticated("no credentials were presented");
    }
}
