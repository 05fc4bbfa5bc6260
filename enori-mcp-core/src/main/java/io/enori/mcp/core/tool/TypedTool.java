package io.enori.mcp.core.tool;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.Tool;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.ToolDescriptor;
import io.enori.mcp.api.ToolOutcome;
import java.util.Map;
import java.util.Objects;

/**
 * Base of every tool: binds the arguments to the tool's input record through its {@link InputSpec}, runs the
 * handler and turns {@link ToolFailure}s into error results. Scope, rate limit and authentication were
 * already checked by {@link ToolInvoker}.
 *
 * @param <I> the input record
 * @param <O> the result record; its shape is the tool's output schema
 */
public abstract class TypedTool<I extends Record, O extends Record> implements Tool {

    private final ToolDescriptor descriptor;
    private final InputSpec<I> input;

    protected TypedTool(Definition definition, InputSpec<I> input, Class<O> output) {
        this.input = Objects.requireNonNull(input, "input");
        this.descriptor = new ToolDescriptor(definition.name, definition.title, definition.description,
                definition.group, definition.scope, input.schema(), OutputSchemas.of(output), definition.annotations);
    }

    /** Starts a tool definition; the name is the snake_case MCP name. */
    protected static Definition tool(String name) {
        return new Definition(name);
    }

    @Override
    public final ToolDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final ToolOutcome call(Caller caller, Map<String, Object> arguments) {
        return call(caller, arguments, RequestContext.NONE);
    }

    /** Like {@link #call(Caller, Map)}, with what the transport knows about the request (e.g. sampling). */
    public final ToolOutcome call(Caller caller, Map<String, Object> arguments, RequestContext request) {
        try {
            return ToolOutcome.ok(handle(caller, input.parse(arguments), request));
        } catch (ToolFailure failure) {
            return ToolOutcome.failed(failure.error());
        }
    }

    /** Tools that use the request context (e.g. the client's model) override this; the rest ignore it. */
    protected O handle(Caller caller, I input, RequestContext request) {
        return handle(caller, input);
    }

    /**
     * Does the work; throws {@link ToolFailure} for answers such as not found or invalid argument.
     */
    protected abstract O handle(Caller caller, I input);

    /** The descriptive half of a tool; the schemas come from its input spec and output record. */
    protected static final class Definition {
        private final String name;
        private String title;
        private String description;
        private String group;
        private Scope scope;
        private ToolAnnotations annotations;

        private Definition(String name) {
            this.name = name;
        }

        public Definition title(String title) {
            this.title = title;
            return this;
        }

        public Definition group(String group) {
            this.group = group;
            return this;
        }

        public Definition requires(Scope scope) {
            this.scope = scope;
            return this;
        }

        public Definition annotations(ToolAnnotations annotations) {
            this.annotations = annotations;
            return this;
        }

        /** What it does, when to use it, what it returns: written for a model, kept short. */
        public Definition description(String description) {
            this.description = description;
            return this;
        }
    }
}
