/**
 * The SLO math (SPEC §7) as pure functions: windows, SLI classification, budgets, burn rates, multi-window alerts
 * and status. No I/O and no clock reads; counts come through {@link io.enori.mcp.core.slo.math.EventSource}.
 */
package io.enori.mcp.core.slo.math;
