package io.enori.mcp.core.maintenance;

import io.enori.mcp.api.MaintenanceWindow;
import io.enori.mcp.api.Monitor;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How maintenance windows look to a client. */
public final class MaintenanceViews {
    /** What {@code appliesTo} says of a window that names no monitors. */
    public static final String ALL_MONITORS = "all monitors";

    private MaintenanceViews() {
    }

    /** A monitor a window covers, by id and current name. */
    public record MonitorRef(String id, String name) {
    }

    /**
     * One window as tools show it. {@code remainingMinutes} is set while it is active; {@code monitors} is empty
     * when it covers all monitors.
     */
    public record WindowView(String id, String name, String state, OffsetDateTime startsAt, OffsetDateTime endsAt,
                             Double remainingMinutes, String appliesTo, List<MonitorRef> monitors,
                             String createdBy) {
    }

    /**
     * @param names the account's monitor names by id (a monitor missing from it is shown by id alone)
     */
    public static WindowView view(MaintenanceWindow w, Instant now, Map<String, String> names,
                                  Function<Instant, OffsetDateTime> local) {
        MaintenanceWindow.State state = w.stateAt(now);
        List<MonitorRef> monitors = w.monitorIds().stream().map(id -> new MonitorRef(id, names.get(id)))
                .collect(Collectors.toList());
        String appliesTo = w.coversAllMonitors() ? ALL_MONITORS
                : monitors.size() == 1 ? "1 monitor" : monitors.size() + " monitors";
        return new WindowView(w.id(), w.name(), state.wireName(), local.apply(w.startsAt()), local.apply(w.endsAt()),
                state == MaintenanceWindow.State.ACTIVE ? minutes(Duration.between(now, w.endsAt())) : null,
                appliesTo, monitors, w.createdBy());
    }

    /** Monitor names by id, for {@link #view}. */
    public static Map<String, String> names(List<Monitor> monitors) {
        return monitors.stream().collect(Collectors.toMap(Monitor::id, Monitor::name, (a, b) -> a));
    }

    /** Minutes to one decimal. */
    static double minutes(Duration d) {
        return Math.round(d.toSeconds() / 6.0) / 10.0;
    }
}
