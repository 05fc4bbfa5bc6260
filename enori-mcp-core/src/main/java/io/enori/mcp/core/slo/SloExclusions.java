package io.enori.mcp.core.slo;

import io.enori.mcp.api.MaintenanceWindow;
import io.enori.mcp.api.Slo;
import io.enori.mcp.api.spi.MaintenanceWindowFilter;
import io.enori.mcp.api.spi.MonitorPauseStore;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import io.enori.mcp.api.spi.Storage;
import io.enori.mcp.core.slo.math.Exclusions;
import io.enori.mcp.core.slo.math.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the spans an SLO does not count within a span: the maintenance windows covering its monitor when it
 * excludes maintenance, the monitor's pause periods when it excludes paused time. Each is clipped to the span, so
 * an open pause ends where the span does.
 */
final class SloExclusions {
    private static final int PAGE = 200;

    private SloExclusions() {
    }

    static Exclusions load(Storage storage, Slo slo, Span span) {
        if ((!slo.excludeMaintenance() && !slo.excludePaused()) || !span.end().isAfter(span.start())) {
            return Exclusions.NONE;
        }
        List<Span> spans = new ArrayList<>();
        if (slo.excludeMaintenance()) {
            MaintenanceWindowFilter filter = new MaintenanceWindowFilter(null, null, span.start(), span.end());
            String after = null;
            do {
                Page<MaintenanceWindow> page = storage.maintenanceWindows().list(slo.accountId(), filter,
                        new PageRequest(PAGE, after));
                for (MaintenanceWindow w : page.items()) {
                    if (w.coversAllMonitors() || w.monitorIds().contains(slo.monitorId())) {
                        spans.add(new Span(w.startsAt(), w.endsAt()).intersect(span));
                    }
                }
                after = page.nextKey();
            } while (after != null);
        }
        if (slo.excludePaused()) {
            for (MonitorPauseStore.PausedPeriod p : storage.monitorPauses().overlapping(slo.accountId(),
                    slo.monitorId(), span.start(), span.end())) {
                spans.add(new Span(p.pausedAt(), p.endOr(span.end())).intersect(span));
            }
        }
        spans.removeIf(s -> !s.end().isAfter(s.start()));
        return spans.isEmpty() ? Exclusions.NONE : new Exclusions(spans);
    }

    /**
     * The exclusions of each SLO at one instant, for classifying a check as it lands: the covering maintenance
     * windows (one indexed query, only when some SLO excludes maintenance) and the open or covering pause (one
     * query, only when some SLO excludes pauses), shared by all the monitor's SLOs.
     */
    static List<Exclusions> atInstant(Storage storage, List<Slo> slos, Instant at) {
        boolean maintenance = slos.stream().anyMatch(Slo::excludeMaintenance);
        boolean paused = slos.stream().anyMatch(Slo::excludePaused);
        Slo first = slos.get(0);
        Span instant = new Span(at, at.plusNanos(1_000));
        List<Span> windows = new ArrayList<>();
        if (maintenance) {
            for (MaintenanceWindow w : storage.maintenanceWindows().covering(first.accountId(), first.monitorId(), at)) {
                windows.add(new Span(w.startsAt(), w.endsAt()));
            }
        }
        List<Span> pauses = new ArrayList<>();
        if (paused) {
            for (MonitorPauseStore.PausedPeriod p : storage.monitorPauses().overlapping(first.accountId(),
                    first.monitorId(), instant.start(), instant.end())) {
                pauses.add(new Span(p.pausedAt(), p.endOr(instant.end())));
            }
        }
        List<Exclusions> out = new ArrayList<>(slos.size());
        for (Slo slo : slos) {
            List<Span> spans = new ArrayList<>();
            if (slo.excludeMaintenance()) {
                spans.addAll(windows);
            }
            if (slo.excludePaused()) {
                spans.addAll(pauses);
            }
            out.add(spans.isEmpty() ? Exclusions.NONE : new Exclusions(spans));
        }
        return out;
    }

    /** Whether any exclusion overlaps {@code span}. */
    static boolean overlaps(Exclusions exclusions, Span span) {
        for (Span s : exclusions.spans()) {
            if (s.start().isBefore(span.end()) && s.end().isAfter(span.start())) {
                return true;
            }
        }
        return false;
    }
}
