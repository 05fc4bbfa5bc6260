package io.enori.mcp.core.tool;

import io.enori.mcp.api.ToolError;

/**
 * Ends a tool call with an error result from anywhere in its handler (a lookup that found nothing, a plan cap).
 * Cheap, without a stack trace: these are answers, not faults.
 */
public class ToolFailure extends RuntimeException {
    private final transient ToolError error;

    public ToolFailure(ToolError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public ToolError error() {
        return error;
    }
}
