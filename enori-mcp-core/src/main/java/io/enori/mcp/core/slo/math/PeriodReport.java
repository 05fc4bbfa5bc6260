package io.enori.mcp.core.slo.math;

/**
 * Achieved against target over one period: one row of the SLA report (get_slo_compliance) and the basis of
 * breach detection.
 *
 * @param met             achieved ≥ target; null without data
 * @param budgetExhausted budget burned ≥ 100 %
 */
public record PeriodReport(Span period, Counts counts, double excludedMinutes, boolean noData,
                           double coveragePercent, Double achievedPercent, Double budgetBurnedPercent, Boolean met,
                           boolean budgetExhausted) {
}
