/**
 * Public types of Enori MCP: the domain as records (accounts, keys, monitors, check results, snoozes,
 * share links, incidents, alerts and alert channels), {@link io.enori.mcp.api.Scope}, the caller identity and the tool contract.
 * Depends on nothing but the JDK, so a host can compile against it without pulling in storage or transports.
 */
package io.enori.mcp.api;
