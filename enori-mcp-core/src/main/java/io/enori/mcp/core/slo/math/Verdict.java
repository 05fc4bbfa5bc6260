package io.enori.mcp.core.slo.math;

/** What one check means for one SLO. */
public enum Verdict {
    GOOD, BAD, EXCLUDED
}
