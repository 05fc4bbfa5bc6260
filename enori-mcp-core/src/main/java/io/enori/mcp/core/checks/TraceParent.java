package io.enori.mcp.core.checks;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A W3C Trace Context {@code traceparent} (version 00, sampled): a fresh random trace id and span id per check,
 * so the monitored service's spans for this request can join the check's trace.
 */
record TraceParent(String traceId, String spanId) {

    static final String HEADER = "traceparent";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    TraceParent {
        if (!traceId.matches("[0-9a-f]{32}") || traceId.chars().allMatch(c -> c == '0')) {
            throw new IllegalArgumentException("trace id must be 32 lowercase hex digits, not all zero");
        }
        if (!spanId.matches("[0-9a-f]{16}") || spanId.chars().allMatch(c -> c == '0')) {
            throw new IllegalArgumentException("span id must be 16 lowercase hex digits, not all zero");
        }
    }

    static TraceParent random() {
        return new TraceParent(nonZeroHex(16), nonZeroHex(8));
    }

    /** {@code 00-<trace id>-<span id>-01}: version 00, flags 01 (sampled). */
    String header() {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    private static String nonZeroHex(int bytes) {
        byte[] buffer = new byte[bytes];
        do {
            RANDOM.nextBytes(buffer);
        } while (allZero(buffer));
        return HEX.formatHex(buffer);
    }

    private static boolean allZero(byte[] buffer) {
        for (byte b : buffer) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
