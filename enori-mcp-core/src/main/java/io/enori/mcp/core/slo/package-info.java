/**
 * The SLO tool group (SPEC §6): create, update, delete and read service level objectives of a monitor, their
 * computed status, SLA compliance per period and breaches. The math lives in {@code slo.math}; the engine that
 * feeds it from storage is {@link io.enori.mcp.core.slo.SloEngine}.
 */
package io.enori.mcp.core.slo;
