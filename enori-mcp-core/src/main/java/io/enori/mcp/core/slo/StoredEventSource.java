package io.enori.mcp.core.slo;

import io.enori.mcp.api.Slo;
import io.enori.mcp.api.spi.SloStore;
import io.enori.mcp.api.spi.SloStore.DayCounts;
import io.enori.mcp.api.spi.Storage;
import io.enori.mcp.core.slo.math.Counts;
import io.enori.mcp.core.slo.math.EventSource;
import io.enori.mcp.core.slo.math.Exclusions;
import io.enori.mcp.core.slo.math.SliClassifier;
import io.enori.mcp.core.slo.math.Span;
import io.enori.mcp.core.slo.math.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * An SLO's events from storage: daily rollups for the whole UTC days inside a span, raw checks for the partial
 * days at its edges. A raw edge no exclusion overlaps is one aggregate query; one that an exclusion overlaps is
 * classified check by check. So a 365-day window reads at most 366 rollup rows plus two partial days of checks.
 * Whole days before the SLO's rollup horizon ({@link SloEngine#rollupHorizon}) have no rollups and are read raw.
 *
 * <p>Exclusions are loaded once for {@code loaded} and again (uncached) for a span outside it. Not thread-safe: one
 * source per computation.
 */
final class StoredEventSource implements EventSource {
    private final Storage storage;
    private final Slo slo;
    private final Span loaded;
    private final Exclusions exclusions;
    /** The math asks for some spans twice (the last hour: burn rate and fast alert); one source serves one call. */
    private final Map<Span, Counts> counted = new HashMap<>();

    StoredEventSource(Storage storage, Slo slo, Span loaded, Exclusions exclusions) {
        this.storage = storage;
        this.slo = slo;
        this.loaded = loaded;
        this.exclusions = exclusions;
    }

    @Override
    public Counts count(Span span) {
        return counted.computeIfAbsent(span, this::countUncached);
    }

    private Counts countUncached(Span span) {
        if (!span.end().isAfter(span.start())) {
            return Counts.ZERO;
        }
        LocalDate firstWholeDay = ceilDay(span.start());
        LocalDate endWholeDay = floorDay(span.end());
        if (!firstWholeDay.isBefore(endWholeDay)) {
            return raw(span);
        }
        Counts total = Counts.ZERO;
        // Days before the SLO's rollups begin (an old period of an SLO created on a monitor with longer history)
        // are counted from raw checks, so a report on them is right, only slower.
        LocalDate horizon = SloEngine.rollupHorizon(slo);
        LocalDate firstRolled = firstWholeDay;
        if (firstWholeDay.isBefore(horizon)) {
            firstRolled = horizon.isBefore(endWholeDay) ? horizon : endWholeDay;
            total = total.plus(raw(new Span(startOf(firstWholeDay), startOf(firstRolled))));
        }
        if (firstRolled.isBefore(endWholeDay)) {
            for (SloStore.DayRollup day : storage.slos().days(slo.accountId(), slo.id(), firstRolled, endWholeDay)) {
                DayCounts c = day.counts();
                total = total.plus(new Counts(c.good(), c.valid(), c.excluded()));
            }
        }
        total = total.plus(raw(new Span(span.start(), startOf(firstWholeDay))));
        return total.plus(raw(new Span(startOf(endWholeDay), span.end())));
    }

    /** Raw checks of a span, by SLI and exclusions. */
    Counts raw(Span span) {
        if (!span.end().isAfter(span.start())) {
            return Counts.ZERO;
        }
        Exclusions applying = exclusionsFor(span);
        if (!SloExclusions.overlaps(applying, span)) {
            DayCounts c = storage.slos().countChecks(slo, span.start(), span.end());
            return new Counts(c.good(), c.valid(), 0);
        }
        long[] gve = new long[3];
        storage.slos().scanChecks(slo.accountId(), slo.monitorId(), span.start(), span.end(), check -> {
            Verdict v = SliClassifier.classify(slo, check, applying);
            switch (v) {
                case GOOD -> {
                    gve[0]++;
                    gve[1]++;
                }
                case BAD -> gve[1]++;
                case EXCLUDED -> gve[2]++;
            }
        });
        return new Counts(gve[0], gve[1], gve[2]);
    }

    private Exclusions exclusionsFor(Span span) {
        boolean inside = !span.start().isBefore(loaded.start()) && !span.end().isAfter(loaded.end());
        return inside ? exclusions : SloExclusions.load(storage, slo, span);
    }

    static LocalDate floorDay(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    static LocalDate ceilDay(Instant t) {
        LocalDate day = floorDay(t);
        return startOf(day).equals(t) ? day : day.plusDays(1);
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
