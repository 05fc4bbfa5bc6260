/**
 * Status pages (SPEC §6): the {@link io.enori.mcp.core.status.StatusPages} facade a host creates them through,
 * the list_status_pages and get_status_page tools, and how a component's health follows from its monitor, its
 * active incident and any active maintenance window.
 */
package io.enori.mcp.core.status;
