package io.enori.mcp.core.slo.math;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.Slo;

/**
 * Applies an SLO's SLI and exclusions to one check (SPEC §7).
 *
 * <ul>
 *   <li>A check inside {@code exclusions} is {@link Verdict#EXCLUDED}, whatever its outcome.</li>
 *   <li>availability: good when the check is up.</li>
 *   <li>latency: good when up and its response time is known and ≤ the threshold; an unknown response time is
 *       bad (a check that cannot show it was fast does not count as fast).</li>
 *   <li>content_match: good when up and the content matched. A check whose {@code contentMatched} is null (the
 *       monitor has no keyword, so content matching does not apply) is judged like availability: good when up.
 *       Only an explicit {@code false} makes an up check bad.</li>
 * </ul>
 */
public final class SliClassifier {
    private SliClassifier() {
    }

    /** The check's verdict for {@code slo}: excluded first, then good or bad per the SLI. */
    public static Verdict classify(Slo slo, CheckResult check, Exclusions exclusions) {
        if (exclusions.covers(check.checkedAt())) {
            return Verdict.EXCLUDED;
        }
        if (check.status() != CheckStatus.UP) {
            return Verdict.BAD;
        }
        boolean good = switch (slo.sli()) {
            case AVAILABILITY -> true;
            case LATENCY -> check.responseTimeMs() != null && check.responseTimeMs() <= slo.latencyThresholdMs();
            case CONTENT_MATCH -> !Boolean.FALSE.equals(check.contentMatched());
        };
        return good ? Verdict.GOOD : Verdict.BAD;
    }
}
