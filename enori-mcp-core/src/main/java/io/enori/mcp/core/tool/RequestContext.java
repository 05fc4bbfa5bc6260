package io.enori.mcp.core.tool;

import java.util.Objects;
import java.util.Optional;

/**
 * What a transport knows about the request beyond the caller, for tools that can use it: today the client's
 * model through {@link ClientSampler}. Built by the MCP bridge per call; {@link #NONE} for in-process calls
 * and stateless transports.
 */
public record RequestContext(Optional<ClientSampler> sampler) {

    public static final RequestContext NONE = new RequestContext(Optional.empty());

    public RequestContext {
        Objects.requireNonNull(sampler, "sampler");
    }

    public static RequestContext withSampler(ClientSampler sampler) {
        return new RequestContext(Optional.of(sampler));
    }
}
