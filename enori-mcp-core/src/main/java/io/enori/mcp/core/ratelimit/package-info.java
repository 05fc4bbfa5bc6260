/** Per-principal rolling-window rate limiting of tool calls (SPEC §4). */
package io.enori.mcp.core.ratelimit;
