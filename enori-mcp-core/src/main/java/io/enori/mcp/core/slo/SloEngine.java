package io.enori.mcp.core.slo;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.MaintenanceWindow;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Slo;
import io.enori.mcp.api.spi.SloStore.DayCounts;
import io.enori.mcp.api.spi.Storage;
import io.enori.mcp.core.monitors.MonitorLocks;
import io.enori.mcp.core.slo.math.Counts;
import io.enori.mcp.core.slo.math.Exclusions;
import io.enori.mcp.core.slo.math.PeriodReport;
import io.enori.mcp.core.slo.math.SliClassifier;
import io.enori.mcp.core.slo.math.SloMath;
import io.enori.mcp.core.slo.math.SloStatus;
import io.enori.mcp.core.slo.math.SloWindows;
import io.enori.mcp.core.slo.math.Span;
import io.enori.mcp.core.slo.math.Verdict;
import io.enori.mcp.core.tool.CoreContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * SLOs over storage: status, period reports and burn-alert firings computed by {@link SloMath} from daily rollups
 * plus raw checks at the edges ({@link StoredEventSource}), and the upkeep of those rollups: one increment per
 * recorded check, day rebuilds when exclusions change after the fact, and a backfill for a new SLO.
 */
public final class SloEngine {
    /** The longest range {@link #firings} reads raw checks for. */
    public static final Duration MAX_FIRINGS_RANGE = Duration.ofDays(90);
    /** The longest burn-alert lookback (slow: 3 days); firings read this much history before their range. */
    static final Duration LONGEST_LOOKBACK = Duration.ofDays(3);
    /** A backfill of a calendar SLO covers at most this (a leap year). */
    private static final int MAX_BACKFILL_DAYS = 366;

    private final Storage storage;

    public SloEngine(CoreContext context) {
        this(context.storage());
    }

    SloEngine(Storage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    /** The SLO's status at {@code now} over its current window (SPEC §7). */
    public SloStatus status(Slo slo, Instant now) {
        Span window = SloWindows.current(slo.window(), now);
        Instant from = earlier(window.start(), now.minus(LONGEST_LOOKBACK));
        Span loaded = new Span(from, now);
        Exclusions exclusions = SloExclusions.load(storage, slo, loaded);
        return SloMath.status(slo, now, reportingSince(slo), new StoredEventSource(storage, slo, loaded, exclusions),
                exclusions);
    }

    /** Achieved against target over {@code period} (past, or current and measured up to {@code now}). */
    public PeriodReport report(Slo slo, Span period, Instant now) {
        Span loaded = period.end().isAfter(now) ? new Span(period.start(), later(period.start(), now)) : period;
        Exclusions exclusions = SloExclusions.load(storage, slo, loaded);
        return SloMath.report(slo, period, now, reportingSince(slo),
                new StoredEventSource(storage, slo, loaded, exclusions), exclusions);
    }

    /**
     * Burn-alert firings over {@code range}, from the raw checks of the range (classified) and of the longest
     * lookback before it. A range longer than {@link #MAX_FIRINGS_RANGE} is cut to its last 90 days.
     */
    public List<SloMath.Firing> firings(Slo slo, Span range) {
        Span capped = range.length().compareTo(MAX_FIRINGS_RANGE) > 0
                ? new Span(range.end().minus(MAX_FIRINGS_RANGE), range.end()) : range;
        Span read = new Span(capped.start().minus(LONGEST_LOOKBACK), capped.end());
        Exclusions exclusions = SloExclusions.load(storage, slo, read);
        List<SloMath.TimedVerdict> history = new ArrayList<>();
        storage.slos().scanChecks(slo.accountId(), slo.monitorId(), read.start(), read.end(), check ->
                history.add(new SloMath.TimedVerdict(check.checkedAt(), SliClassifier.classify(slo, check,
                        exclusions))));
        return SloMath.firings(slo, capped, history);
    }

    /** When the SLO's monitor was first checked, or null when it never was. */
    public Instant reportingSince(Slo slo) {
        return storage.slos().firstCheckAt(slo.accountId(), slo.monitorId()).orElse(null);
    }

    /**
     * Rebuilds the SLO's rollups from raw checks for every UTC day from its {@linkplain #rollupHorizon horizon}
     * (its window's length before its {@code updatedAt}; calendar windows: 366 days) or the monitor's first check,
     * whichever is later, up to {@code now}. Call it after create_slo and after update_slo (which clears the
     * rollups), with the SLO as stored. Holds the monitor's lock, so no check lands half-counted.
     */
    public void backfill(Slo slo, Instant now) {
        Instant first = reportingSince(slo);
        if (first == null) {
            return;
        }
        LocalDate today = StoredEventSource.floorDay(now);
        LocalDate from = StoredEventSource.floorDay(first);
        LocalDate horizon = rollupHorizon(slo);
        rebuildDays(slo, from.isAfter(horizon) ? from : horizon, today);
    }

    /**
     * The first UTC day the SLO keeps rollups for: its window's length (rolling: days + 1 for the partial first
     * day; calendar: 366) back from its last change ({@code updatedAt}), which is when create_slo and update_slo
     * backfill. Earlier days are counted from raw checks when a report asks for them.
     */
    static LocalDate rollupHorizon(Slo slo) {
        int days = slo.window() instanceof Slo.Window.Rolling r ? r.days() + 1 : MAX_BACKFILL_DAYS;
        return StoredEventSource.floorDay(slo.updatedAt()).minusDays(days - 1L);
    }

    /**
     * Counts one recorded check into the rollups of every SLO of its monitor (a no-op without SLOs). Called by
     * the check recorder under the monitor's lock, after the result is stored.
     */
    public void onCheck(Monitor monitor, CheckResult result) {
        List<Slo> slos = storage.slos().listForMonitor(monitor.accountId(), monitor.id());
        if (slos.isEmpty()) {
            return;
        }
        LocalDate day = StoredEventSource.floorDay(result.checkedAt());
        List<Exclusions> exclusions = SloExclusions.atInstant(storage, slos, result.checkedAt());
        for (int i = 0; i < slos.size(); i++) {
            Slo slo = slos.get(i);
            Verdict v = SliClassifier.classify(slo, result, exclusions.get(i));
            DayCounts delta = switch (v) {
                case GOOD -> new DayCounts(1, 1, 0);
                case BAD -> new DayCounts(0, 1, 0);
                case EXCLUDED -> new DayCounts(0, 0, 1);
            };
            storage.slos().addToDay(slo.accountId(), slo.id(), day, delta);
        }
    }

    /**
     * A maintenance window was created: when it covers time up to {@code now} (checks already counted), rebuilds
     * those days of every SLO that excludes maintenance on a monitor it covers.
     */
    public void onMaintenanceWindow(MaintenanceWindow window, Instant now) {
        if (!window.startsAt().isBefore(now.plusSeconds(1))) {
            return;
        }
        Instant end = window.endsAt().isBefore(now) ? window.endsAt() : now;
        LocalDate from = StoredEventSource.floorDay(window.startsAt());
        LocalDate to = StoredEventSource.floorDay(end);
        for (Slo slo : storage.slos().listForAccount(window.accountId())) {
            if (slo.excludeMaintenance()
                    && (window.coversAllMonitors() || window.monitorIds().contains(slo.monitorId()))) {
                rebuildDays(slo, from, to);
            }
        }
    }

    /** Rebuilds the SLO's rollups of the UTC days {@code [from, to]} from raw checks, under the monitor's lock. */
    public void rebuildDays(Slo slo, LocalDate from, LocalDate to) {
        MonitorLocks.withLock(slo.monitorId(), () -> {
            Span all = new Span(StoredEventSource.startOf(from), StoredEventSource.startOf(to.plusDays(1)));
            Exclusions exclusions = SloExclusions.load(storage, slo, all);
            StoredEventSource source = new StoredEventSource(storage, slo, all, exclusions);
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                Counts c = source.raw(new Span(StoredEventSource.startOf(d), StoredEventSource.startOf(d.plusDays(1))));
                storage.slos().replaceDay(slo.accountId(), slo.id(), d,
                        new DayCounts(c.good(), c.valid(), c.excludedChecks()));
            }
            return null;
        });
    }

    /** What {@link #rebuildDays} would store for one UTC day, counted from raw checks (for consistency checks). */
    public DayCounts rawDay(Slo slo, LocalDate day) {
        Span span = new Span(StoredEventSource.startOf(day), StoredEventSource.startOf(day.plusDays(1)));
        Counts c = new StoredEventSource(storage, slo, span, SloExclusions.load(storage, slo, span)).raw(span);
        return new DayCounts(c.good(), c.valid(), c.excludedChecks());
    }

    /** The exclusions of {@code slo} within {@code span} (maintenance and/or pauses, per its flags). */
    public Exclusions exclusions(Slo slo, Span span) {
        return SloExclusions.load(storage, slo, span);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
