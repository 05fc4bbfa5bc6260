/**
 * Runnable examples of embedding Enori MCP in a host Java backend, each on the host's own database:
 * {@link io.enori.mcp.examples.JettyHostExample} runs its own Jetty server with its own {@code /health} and
 * mounts the MCP endpoints ({@code /mcp}, {@code /mcp/sse}) in the same servlet context;
 * {@link io.enori.mcp.examples.HostBackendExample} serves its own endpoint on the JDK's HTTP server, calls
 * tools in-process and can serve MCP on stdio.
 */
package io.enori.mcp.examples;
