package io.enori.mcp.core.slo.math;

import io.enori.mcp.api.Slo;
import java.time.Instant;

/** Window boundaries: rolling windows end now; calendar windows are whole UTC weeks (Monday), months, quarters, years. */
public final class SloWindows {
    private SloWindows() {
    }

    /** The window {@code now} falls in: rolling {@code [now - days, now)}; calendar the whole current period. */
    public static Span current(Slo.Window window, Instant now) {
        throw new UnsupportedOperationException("TODO slo math");
    }

    /** The period just before {@code period} (same length for rolling windows; the previous calendar period). */
    public static Span previous(Slo.Window window, Span period) {
        throw new UnsupportedOperationException("TODO slo math");
    }
}
