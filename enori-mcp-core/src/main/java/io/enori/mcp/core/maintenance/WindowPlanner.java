package io.enori.mcp.core.maintenance;

import io.enori.mcp.api.Account;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.EnoriMcpException;
import io.enori.mcp.api.MaintenanceWindow;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.StatusPage;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.core.maintenance.MaintenanceViews.MonitorRef;
import io.enori.mcp.core.maintenance.MaintenanceViews.WindowView;
import io.enori.mcp.core.slo.SloEngine;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InvalidArgument;
import io.enori.mcp.core.tool.ToolFailure;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What create_maintenance_window and start_maintenance_now share: monitor validation, the plan cap, the write,
 * and the impact report (monitors, status pages, SLOs) that a dry run returns instead of writing.
 */
final class WindowPlanner {
    static final int MIN_MINUTES = 1;
    static final int MAX_MINUTES = 43_200;
    static final int MAX_MONITOR_IDS = 100;
    static final int MAX_NAME = 200;
    /** Listing more than this many affected monitors says how many were left out instead. */
    private static final int MAX_LISTED_MONITORS = 100;
    static final String NO_SLOS = "No SLO is defined on these monitors.";
    static final String SLOS_NOTE = "SLOs with excludesMaintenance true do not count checks inside the window; the "
            + "others count them, so an outage during the window spends their error budget.";

    /** Count-then-insert must not interleave across both create tools, or two windows could pass the cap. */
    private static final Object CAP_LOCK = new Object();

    /** A status page with components the window covers. */
    record PageRef(String id, String name, int coveredComponents) {
    }

    /** An SLO on a covered monitor, and whether it leaves the window's checks out. */
    record SloRef(String id, String name, String monitorId, boolean excludesMaintenance) {
    }

    /**
     * What the window touches.
     *
     * @param monitorCount how many monitors it covers now; {@code monitors} lists at most 100 of them
     */
    record Impact(int monitorCount, List<MonitorRef> monitors, List<PageRef> statusPages, List<SloRef> slos,
                  String slosNote) {
    }

    /** The answer of both tools: the window (without an id on a dry run) and what it covers. */
    record Result(boolean created, WindowView window, Impact affects, String note) {
    }

    private final CoreContext context;

    WindowPlanner(CoreContext context) {
        this.context = context;
    }

    /** Checks the duration arguments' bounds once both ends are known. */
    static void requireSpan(String field, Instant startsAt, Instant endsAt) {
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidArgument(field, "must be after startsAt (startsAt " + startsAt + ", endsAt " + endsAt + ")");
        }
        Duration span = Duration.between(startsAt, endsAt);
        if (span.compareTo(Duration.ofMinutes(MIN_MINUTES)) < 0 || span.compareTo(Duration.ofMinutes(MAX_MINUTES)) > 0) {
            throw new InvalidArgument(field, "must make the window " + MIN_MINUTES + " minute to 30 days ("
                    + MAX_MINUTES + " minutes) long (got " + span.toMinutes() + " minutes)");
        }
    }

    /**
     * Validates the monitors and the plan cap, then writes the window unless {@code dryRun}.
     *
     * @param monitorIds the monitors to cover; empty covers all
     */
    Result plan(Caller caller, String name, Instant startsAt, Instant endsAt, List<String> monitorIds, boolean dryRun,
                Function<Instant, OffsetDateTime> local) {
        Instant now = context.clock().instant();
        List<String> ids = monitorIds == null ? List.of() : monitorIds;
        List<Monitor> monitors = context.storage().monitors().listAll(caller.accountId());
        Map<String, String> names = MaintenanceViews.names(monitors);
        for (String id : ids) {
            if (!names.containsKey(id)) {
                throw new ToolFailure(ToolError.notFound(ToolError.MONITOR_NOT_FOUND, "monitorId", id));
            }
        }
        MaintenanceWindow window = new MaintenanceWindow(dryRun ? "mw_preview" : context.ids().next("mw_"),
                caller.accountId(), name, startsAt, endsAt, ids, caller.principalId(), now);
        synchronized (CAP_LOCK) {
            Account account = context.storage().accounts().find(caller.accountId())
                    .orElseThrow(() -> new EnoriMcpException("account " + caller.accountId() + " of a valid key is missing"));
            int cap = account.plan().maxMaintenanceWindows();
            if (context.storage().maintenanceWindows().countNotCompleted(caller.accountId(), now) >= cap) {
                throw new ToolFailure(ToolError.planLimit("maintenance_windows", cap, account.plan().name()));
            }
            if (!dryRun) {
                context.storage().maintenanceWindows().insert(window);
            }
        }
        if (!dryRun) {
            // A window reaching back to checks already counted changes what those checks mean for SLOs.
            new SloEngine(context).onMaintenanceWindow(window, now);
        }
        WindowView view = MaintenanceViews.view(window, now, names, local);
        if (dryRun) {
            view = new WindowView(null, view.name(), view.state(), view.startsAt(), view.endsAt(),
                    view.remainingMinutes(), view.appliesTo(), view.monitors(), view.createdBy());
        }
        Impact impact = impact(caller, window, monitors, names);
        String note = dryRun
                ? "Dry run: nothing was created. Call again without dryRun to create it."
                : "Checks keep running and incidents still open during the window; only alerts are suppressed.";
        return new Result(!dryRun, view, impact, note);
    }

    private Impact impact(Caller caller, MaintenanceWindow window, List<Monitor> monitors, Map<String, String> names) {
        List<MonitorRef> covered = window.coversAllMonitors()
                ? monitors.stream().map(m -> new MonitorRef(m.id(), m.name())).collect(Collectors.toList())
                : window.monitorIds().stream().map(id -> new MonitorRef(id, names.get(id)))
                        .collect(Collectors.toList());
        Set<String> coveredIds = covered.stream().map(MonitorRef::id).collect(Collectors.toCollection(HashSet::new));
        List<PageRef> pages = context.storage().statusPages().listAll(caller.accountId()).stream()
                .map(p -> new PageRef(p.id(), p.name(), coveredComponents(p, coveredIds)))
                .filter(p -> p.coveredComponents() > 0)
                .collect(Collectors.toList());
        List<SloRef> slos = context.storage().slos().listForAccount(caller.accountId()).stream()
                .filter(slo -> coveredIds.contains(slo.monitorId()))
                .map(slo -> new SloRef(slo.id(), slo.name(), slo.monitorId(), slo.excludeMaintenance()))
                .collect(Collectors.toList());
        return new Impact(covered.size(), covered.size() > MAX_LISTED_MONITORS
                ? covered.subList(0, MAX_LISTED_MONITORS) : covered, pages, slos, slos.isEmpty() ? NO_SLOS : SLOS_NOTE);
    }

    private static int coveredComponents(StatusPage page, Set<String> coveredIds) {
        return (int) page.components().stream().filter(c -> coveredIds.contains(c.monitorId())).count();
    }
}
