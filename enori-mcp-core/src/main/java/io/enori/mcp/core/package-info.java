/**
 * The entry point: {@link io.enori.mcp.core.EnoriMcp} and its builder, which a host calls to get the core
 * from a {@code DataSource} or JDBC URL, and which transports use to serve MCP. Domain packages below hold the
 * tools ({@code monitors}), the check engine ({@code checks}), storage ({@code store}), keys ({@code auth}) and
 * rate limiting ({@code ratelimit}).
 */
package io.enori.mcp.core;
