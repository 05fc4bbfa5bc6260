package io.enori.mcp.core.checks;

import io.enori.mcp.api.Monitor;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scheduler's plan: which monitors it runs, with what the tick needs of each, and when each is next due.
 * Written only by the scheduler's tick thread (and by start() before that exists); read by anyone.
 */
final class Schedule {

    /** One scheduled monitor. */
    record Planned(String accountId, String monitorId, int intervalSeconds, int timeoutMs, Instant nextDue) {
        Planned withNextDue(Instant due) {
            return new Planned(accountId, monitorId, intervalSeconds, timeoutMs, due);
        }
    }

    private final Map<String, Planned> plan = new ConcurrentHashMap<>();

    /**
     * Takes the current unpaused monitors: adds new ones on their grid, re-plans changed intervals, keeps the
     * next due time of a changed timeout, drops the rest.
     */
    void update(Iterable<Monitor> unpaused, Instant now) {
        Set<String> seen = new HashSet<>();
        for (Monitor monitor : unpaused) {
            seen.add(monitor.id());
            Planned old = plan.get(monitor.id());
            if (old == null || old.intervalSeconds() != monitor.intervalSeconds()) {
                plan.put(monitor.id(), new Planned(monitor.accountId(), monitor.id(), monitor.intervalSeconds(),
                        monitor.timeoutMs(), Cadence.firstDue(monitor.id(), monitor.intervalSeconds(), now)));
            } else if (old.timeoutMs() != monitor.timeoutMs()) {
                plan.put(monitor.id(), new Planned(old.accountId(), old.monitorId(), old.intervalSeconds(),
                        monitor.timeoutMs(), old.nextDue()));
            }
        }
        plan.keySet().retainAll(seen);
    }

    Collection<Planned> all() {
        return plan.values();
    }

    void setNextDue(Planned planned, Instant next) {
        plan.put(planned.monitorId(), planned.withNextDue(next));
    }

    Optional<Instant> nextDue(String monitorId) {
        return Optional.ofNullable(plan.get(monitorId)).map(Planned::nextDue);
    }

    int size() {
        return plan.size();
    }
}
