package io.enori.mcp.api;

import java.util.Objects;

/** What a tool call produced: data for the client, or an error the client should read. */
public sealed interface ToolOutcome permits ToolOutcome.Ok, ToolOutcome.Failed {

    /** @param content a record or map serialised as the structured content */
    record Ok(Object content) implements ToolOutcome {
        public Ok {
            Objects.requireNonNull(content, "content");
        }
    }

    record Failed(ToolError error) implements ToolOutcome {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }

    static ToolOutcome ok(Object content) {
        return new Ok(content);
    }

    static ToolOutcome failed(ToolError error) {
        return new Failed(error);
    }
}
