package io.enori.mcp.core.slo.math;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.Slo;

/** Applies an SLO's SLI and exclusions to one check (SPEC §7). */
public final class SliClassifier {
    private SliClassifier() {
    }

    public static Verdict classify(Slo slo, CheckResult check, Exclusions exclusions) {
        throw new UnsupportedOperationException("TODO slo math");
    }
}
