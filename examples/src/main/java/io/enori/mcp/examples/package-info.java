/**
 * Runnable examples of embedding Enori MCP in a host Java backend: {@link
 * io.enori.mcp.examples.HostBackendExample} hands the core its own database, serves its own HTTP endpoint
 * beside it, calls tools in-process and can serve MCP on stdio.
 */
package io.enori.mcp.examples;
