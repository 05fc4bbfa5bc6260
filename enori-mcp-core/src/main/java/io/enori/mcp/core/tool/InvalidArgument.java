package io.enori.mcp.core.tool;

import io.enori.mcp.api.ToolError;

/** Bad input: becomes {@code Invalid argument: <field> <problem>}, where the problem states what is allowed. */
public final class InvalidArgument extends ToolFailure {
    public InvalidArgument(String field, String problem) {
        super(ToolError.invalidArgument(field, problem));
    }
}
