/**
 * The Maintenance tool group (SPEC §6): list, schedule and start maintenance windows. During a window checks
 * keep running and incidents still open; only alerts for the covered monitors are suppressed (the alerting code
 * asks {@link io.enori.mcp.api.spi.MaintenanceWindowStore#covering}).
 */
package io.enori.mcp.core.maintenance;
