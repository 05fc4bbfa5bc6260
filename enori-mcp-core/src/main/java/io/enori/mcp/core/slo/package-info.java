/**
 * SLOs over storage: {@link io.enori.mcp.core.slo.SloEngine} computes status, reports and burn firings from daily
 * rollups plus raw edge checks, and keeps the rollups current as checks land and exclusions change. The pure math
 * lives in {@code slo.math}; the SLO tools beside the engine.
 */
package io.enori.mcp.core.slo;
