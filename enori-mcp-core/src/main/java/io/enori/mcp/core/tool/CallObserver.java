package io.enori.mcp.core.tool;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.ToolOutcome;

/** Told about every call {@link ToolInvoker} answers (for admin statistics); must be fast and never throw. */
public interface CallObserver {
    CallObserver NONE = new CallObserver() {
        @Override
        public void called(String tool, Caller caller, ToolOutcome outcome, long nanos) {
        }

        @Override
        public void rateLimited(String tool, Caller caller) {
        }
    };

    void called(String tool, Caller caller, ToolOutcome outcome, long nanos);

    void rateLimited(String tool, Caller caller);
}
