/** The read tools over job monitors' heartbeats: pings, custom metric series and per-run summaries. */
package io.enori.mcp.core.jobs;
