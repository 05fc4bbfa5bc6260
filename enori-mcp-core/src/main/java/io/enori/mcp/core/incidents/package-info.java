/**
 * The Incidents tool group (SPEC §6) and the incident lifecycle the monitoring loop drives: open after N
 * consecutive failures, resolve on recovery, acknowledge/update/resolve by people, with a timeline.
 */
package io.enori.mcp.core.incidents;
