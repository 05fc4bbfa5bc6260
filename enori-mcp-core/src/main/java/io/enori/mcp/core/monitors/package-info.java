/**
 * The Monitors tool group (SPEC §6): one class per tool, plus the views, lookups and settings validation they
 * share.
 */
package io.enori.mcp.core.monitors;
