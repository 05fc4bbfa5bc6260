package io.enori.mcp.api;

import java.util.Map;

/**
 * One MCP tool: its descriptor and its handler. The core checks authentication, rate limit and
 * {@link ToolDescriptor#requiredScope()} before {@link #call} runs, so handlers never repeat those checks.
 */
public interface Tool {

    ToolDescriptor descriptor();

    /**
     * Runs the tool for an authenticated caller that holds the required scope.
     *
     * @param arguments the raw JSON arguments as maps, lists, strings, numbers and booleans
     */
    ToolOutcome call(Caller caller, Map<String, Object> arguments);
}
