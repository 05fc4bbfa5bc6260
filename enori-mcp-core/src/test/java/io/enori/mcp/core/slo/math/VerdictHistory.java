package io.enori.mcp.core.slo.math;

import io.enori.mcp.api.Slo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** An in-memory, time-ordered check history that counts raw verdicts: the reference {@link EventSource}. */
final class VerdictHistory implements EventSource {
    private final List<SloMath.TimedVerdict> verdicts = new ArrayList<>();

    /** One check every {@code step} in {@code [from, to)}, verdict chosen per check index (0-based). */
    VerdictHistory every(Duration step, Instant from, Instant to, Function<Long, Verdict> verdictOfIndex) {
        long i = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(step), i++) {
            add(t, verdictOfIndex.apply(i));
        }
        return this;
    }

    VerdictHistory add(Instant at, Verdict verdict) {
        if (!verdicts.isEmpty() && at.isBefore(verdicts.get(verdicts.size() - 1).at())) {
            throw new IllegalArgumentException("append in time order");
        }
        verdicts.add(new SloMath.TimedVerdict(at, verdict));
        return this;
    }

    List<SloMath.TimedVerdict> verdicts() {
        return Collections.unmodifiableList(verdicts);
    }

    @Override
    public Counts count(Span span) {
        long good = 0;
        long valid = 0;
        long excluded = 0;
        for (int i = firstAtOrAfter(span.start()); i < verdicts.size(); i++) {
            SloMath.TimedVerdict v = verdicts.get(i);
            if (!v.at().isBefore(span.end())) {
                break;
            }
            switch (v.verdict()) {
                case GOOD -> { good++; valid++; }
                case BAD -> valid++;
                case EXCLUDED -> excluded++;
            }
        }
        return new Counts(good, valid, excluded);
    }

    private int firstAtOrAfter(Instant t) {
        int lo = 0;
        int hi = verdicts.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (verdicts.get(mid).at().isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static Slo slo(String target, Slo.Window window, Slo.BurnAlertPolicy policy) {
        Instant created = Instant.parse("2020-01-01T00:00:00Z");
        return new Slo("slo_1", "acc_1", "mon_1", "checkout", null, Slo.Sli.AVAILABILITY, new BigDecimal(target),
                window, null, true, true, policy, created, created);
    }
}
