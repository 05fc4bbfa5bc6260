package io.enori.mcp.core.slo.math;

/** Check counts over a span: good and valid events, and checks excluded from both. */
public record Counts(long good, long valid, long excludedChecks) {
    public static final Counts ZERO = new Counts(0, 0, 0);

    public Counts {
        if (good < 0 || valid < 0 || excludedChecks < 0 || good > valid) {
            throw new IllegalArgumentException("counts must be >= 0 and good <= valid: " + good + "/" + valid);
        }
    }

    public long bad() {
        return valid - good;
    }

    public Counts plus(Counts other) {
        return new Counts(good + other.good, valid + other.valid, excludedChecks + other.excludedChecks);
    }
}
