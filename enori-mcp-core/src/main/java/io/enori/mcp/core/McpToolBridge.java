package io.enori.mcp.core;

import io.enori.mcp.api.Tool;
import io.enori.mcp.api.ToolDescriptor;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.tool.Json;
import io.enori.mcp.core.tool.RequestContext;
import io.enori.mcp.core.tool.ToolInvoker;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * Adapts our tools to the MCP SDK. Success carries the data twice, as structured content and as the same JSON
 * in a text item, for clients that drop either; an error result carries {@code {"error": …}} as text only, so
 * clients that validate structured content against the output schema do not reject it.
 */
final class McpToolBridge {
    private McpToolBridge() {
    }

    static SyncToolSpecification specification(Tool tool, ToolInvoker invoker, CallerResolver callers) {
        return new SyncToolSpecification(mcpTool(tool.descriptor()),
                (exchange, request) -> call(tool, invoker, callers, exchange.transportContext(), request,
                        requestContext(exchange)));
    }

    static McpStatelessServerFeatures.SyncToolSpecification statelessSpecification(Tool tool, ToolInvoker invoker,
                                                                                  CallerResolver callers) {
        return new McpStatelessServerFeatures.SyncToolSpecification(mcpTool(tool.descriptor()),
                (context, request) -> call(tool, invoker, callers, context, request, RequestContext.NONE));
    }

    private static McpSchema.CallToolResult call(Tool tool, ToolInvoker invoker, CallerResolver callers,
                                                 McpTransportContext context, McpSchema.CallToolRequest request,
                                                 RequestContext requestContext) {
        boolean admitted = Boolean.TRUE.equals(context.get(CallerResolver.RATE_LIMITED_KEY));
        return toResult(invoker.invoke(tool, callers.resolve(context), request.arguments(), admitted, requestContext));
    }

    /** Offers the client's model to tools when the client declared sampling; the session carries the request. */
    static RequestContext requestContext(McpSyncServerExchange exchange) {
        McpSchema.ClientCapabilities capabilities = exchange.getClientCapabilities();
        if (capabilities == null || capabilities.sampling() == null) {
            return RequestContext.NONE;
        }
        return RequestContext.withSampler((systemPrompt, userMessage, maxTokens) -> {
            McpSchema.CreateMessageResult result = exchange.createMessage(McpSchema.CreateMessageRequest.builder()
                    .systemPrompt(systemPrompt)
                    .messages(List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER,
                            new McpSchema.TextContent(userMessage))))
                    .maxTokens(maxTokens)
                    .build());
            if (result == null || !(result.content() instanceof McpSchema.TextContent text)) {
                throw new IllegalStateException("the client's model answered no text");
            }
            return text.text();
        });
    }

    private static McpSchema.Tool mcpTool(ToolDescriptor d) {
        return McpSchema.Tool.builder(d.name(), d.inputSchema())
                .title(d.title())
                .description(d.description())
                .outputSchema(d.outputSchema())
                .annotations(new McpSchema.ToolAnnotations(d.title(), d.annotations().readOnly(),
                        d.annotations().destructive(), d.annotations().idempotent(), d.annotations().openWorld(), null))
                .build();
    }

    static McpSchema.CallToolResult toResult(ToolOutcome outcome) {
        if (outcome instanceof ToolOutcome.Ok ok) {
            Map<String, Object> content = Json.toMap(ok.content());
            return McpSchema.CallToolResult.builder()
                    .structuredContent(content)
                    .addTextContent(Json.write(content))
                    .isError(false)
                    .build();
        }
        ToolOutcome.Failed failed = (ToolOutcome.Failed) outcome;
        return McpSchema.CallToolResult.builder()
                .addTextContent(Json.write(failed.error().toBody()))
                .isError(true)
                .build();
    }
}
