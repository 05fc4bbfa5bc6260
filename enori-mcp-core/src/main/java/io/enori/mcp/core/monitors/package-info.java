/**
 * The Monitors tool group (SPEC §6): one class per tool, plus the views, lookups and settings validation they
 * share; {@link io.enori.mcp.core.monitors.CheckRecorder}, the one place a check's outcome becomes stored state;
 * {@link io.enori.mcp.core.monitors.JobHeartbeats}, the state of heartbeat monitors; and
 * {@link io.enori.mcp.core.monitors.CheckQueue}, through which {@code check_now} reaches a running scheduler.
 */
package io.enori.mcp.core.monitors;
