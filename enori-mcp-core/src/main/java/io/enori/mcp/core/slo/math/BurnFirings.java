package io.enori.mcp.core.slo.math;

import io.enori.mcp.api.Slo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweep behind {@link SloMath#firings}: for each alert, one pass over the history with two-pointer sliding
 * windows (long and short). An alert's state can only change when a check enters a window (at its time) or ages
 * out of one (its time + lookback), so those instants, merged in order, are the only ones evaluated: O(n) per alert.
 */
final class BurnFirings {
    private BurnFirings() {
    }

    static List<SloMath.Firing> sweep(Slo slo, Span range, List<SloMath.TimedVerdict> history) {
        int n = 0;
        Instant[] times = new Instant[history.size()];
        boolean[] bad = new boolean[history.size()];
        Instant previous = null;
        for (SloMath.TimedVerdict v : history) {
            if (previous != null && v.at().isBefore(previous)) {
                throw new IllegalArgumentException("history must be time-ordered: " + v.at() + " after " + previous);
            }
            previous = v.at();
            if (v.verdict() != Verdict.EXCLUDED) {
                times[n] = v.at();
                bad[n] = v.verdict() == Verdict.BAD;
                n++;
            }
        }
        BigDecimal budget = Numbers.budget(slo);
        List<SloMath.Firing> out = new ArrayList<>();
        for (AlertSpec spec : AlertSpec.forPolicy(slo.burnAlertPolicy())) {
            new Sweep(slo.window(), spec, budget, times, bad, n).run(range, out);
        }
        out.sort((a, b) -> a.start().compareTo(b.start()));
        return out;
    }

    /** A window over the event arrays holding the events in {@code (x − lookback, x]}. */
    private static final class Slider {
        final Duration lookback;
        int head; // first index not yet added
        int tail; // first index not yet removed
        long valid;
        long bad;

        Slider(Duration lookback) {
            this.lookback = lookback;
        }

        void moveTo(Instant x, Instant[] times, boolean[] isBad, int n) {
            while (head < n && !times[head].isAfter(x)) {
                valid++;
                bad += isBad[head] ? 1 : 0;
                head++;
            }
            Instant from = x.minus(lookback);
            while (tail < head && !times[tail].isAfter(from)) {
                valid--;
                bad -= isBad[tail] ? 1 : 0;
                tail++;
            }
        }

        Counts counts() {
            return new Counts(valid - bad, valid, 0);
        }
    }

    private static final class Sweep {
        final Slo.Window window;
        final AlertSpec spec;
        final BigDecimal budget;
        final Instant[] times;
        final boolean[] bad;
        final int n;
        Span period;

        Sweep(Slo.Window window, AlertSpec spec, BigDecimal budget, Instant[] times, boolean[] bad, int n) {
            this.window = window;
            this.spec = spec;
            this.budget = budget;
            this.times = times;
            this.bad = bad;
            this.n = n;
        }

        void run(Span range, List<SloMath.Firing> out) {
            Slider longWindow = new Slider(spec.longWindow);
            Slider shortWindow = new Slider(spec.shortWindow);
            int enter = 0;
            int leaveLong = 0;
            int leaveShort = 0;
            Instant x = range.start();
            Instant start = null;
            double peak = 0;
            double startThreshold = 0;
            while (x != null && x.isBefore(range.end())) {
                longWindow.moveTo(x, times, bad, n);
                shortWindow.moveTo(x, times, bad, n);
                Duration length = windowLength(x);
                Counts longCounts = longWindow.counts();
                boolean firing = spec.reaches(longCounts, budget, length)
                        && spec.reaches(shortWindow.counts(), budget, length);
                if (firing) {
                    double rate = Numbers.burnRate(longCounts, budget.doubleValue());
                    if (start == null) {
                        start = x;
                        peak = rate;
                        startThreshold = spec.threshold(length);
                    } else {
                        peak = Math.max(peak, rate);
                    }
                } else if (start != null) {
                    out.add(firing(start, x, peak, startThreshold, length));
                    start = null;
                }
                // the next instant after x at which a check enters or leaves either window
                while (enter < n && !times[enter].isAfter(x)) {
                    enter++;
                }
                while (leaveLong < n && !times[leaveLong].plus(spec.longWindow).isAfter(x)) {
                    leaveLong++;
                }
                while (leaveShort < n && !times[leaveShort].plus(spec.shortWindow).isAfter(x)) {
                    leaveShort++;
                }
                Instant next = null;
                if (enter < n) {
                    next = times[enter];
                }
                if (leaveLong < n) {
                    next = earliest(next, times[leaveLong].plus(spec.longWindow));
                }
                if (leaveShort < n) {
                    next = earliest(next, times[leaveShort].plus(spec.shortWindow));
                }
                x = next;
            }
            if (start != null) {
                out.add(firing(start, null, peak, startThreshold, windowLength(start)));
            }
        }

        private SloMath.Firing firing(Instant start, Instant end, double peak, double threshold, Duration length) {
            double peakSpent = peak * spec.longWindow.toMillis() / length.toMillis() * 100;
            String explanation = (spec.fast ? "fast burn" : "slow burn") + ": the last "
                    + SloMath.words(spec.longWindow) + " and the last " + SloMath.words(spec.shortWindow)
                    + " both at or over " + Numbers.words(threshold) + "× (" + Numbers.words(spec.budgetPercent)
                    + " % of budget in " + SloMath.words(spec.longWindow) + "); peak " + Numbers.words(peak)
                    + "×, " + Numbers.words(peakSpent) + " % of budget in " + SloMath.words(spec.longWindow)
                    + (end == null ? "; still firing" : "");
            return new SloMath.Firing(spec.alertName, start, end, Numbers.round(peak, 2), explanation);
        }

        private Duration windowLength(Instant x) {
            if (window instanceof Slo.Window.Rolling r) {
                return Duration.ofDays(r.days());
            }
            if (period == null || !period.contains(x)) {
                period = SloWindows.current(window, x);
            }
            return period.length();
        }

        private static Instant earliest(Instant a, Instant b) {
            return a == null || b.isBefore(a) ? b : a;
        }
    }
}
