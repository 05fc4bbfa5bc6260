package io.enori.mcp.core.tool;

/**
 * Asks the connected client's model for a completion (MCP {@code sampling/createMessage}). Offered to a tool
 * through {@link RequestContext} only when the client declared the sampling capability.
 */
@FunctionalInterface
public interface ClientSampler {

    /**
     * @return the text the client's model answered
     * @throws RuntimeException when the client refused, timed out or answered something other than text
     */
    String sample(String systemPrompt, String userMessage, int maxTokens);
}
