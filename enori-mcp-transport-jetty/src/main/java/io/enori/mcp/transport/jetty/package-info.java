/**
 * The HTTP transport: Streamable HTTP at {@code /mcp} (or stateless), legacy HTTP+SSE at {@code /mcp/sse}, on
 * embedded Jetty 12 with the MCP SDK's servlet transports. It authenticates each request, answers 401/403/413/429
 * itself, and hands the core a caller identity; it holds no tool logic.
 */
package io.enori.mcp.transport.jetty;
