package io.enori.mcp.core.store;

import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentEvent;
import io.enori.mcp.api.IncidentStatus;
import io.enori.mcp.api.spi.IncidentFilter;
import io.enori.mcp.api.spi.IncidentStats;
import io.enori.mcp.api.spi.IncidentStore;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.Query;

final class JdbiIncidentStore implements IncidentStore {

    private final Jdbi jdbi;

    JdbiIncidentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The unique constraint on {@code (account_id, active_monitor_id)} decides, so two nodes racing to open an
     * incident for one monitor cannot both succeed. Only a violation raised by the incident's own insert means
     * "already active"; and only when the incident id is not taken, so an id collision still fails loudly.
     */
    @Override
    public boolean open(Incident incident, IncidentEvent opened) {
        Objects.requireNonNull(incident, "incident");
        requireSameIncident(incident, opened);
        if (!incident.isActive()) {
            throw new IllegalArgumentException("An incident opens active, not " + incident.status().wireName());
        }
        return Sql.call("open incident " + incident.id(), () -> {
            try {
                jdbi.useTransaction(h -> {
                    uniqueChecked(() -> IncidentRows.insertIncident(h, incident));
                    IncidentRows.insertEvent(h, opened);
                });
                return true;
            } catch (ActiveIncidentConflict e) {
                if (idTaken(incident.id())) {
                    throw (JdbiException) e.getCause();
                }
                return false;
            }
        });
    }

    @Override
    public Optional<Incident> find(String accountId, String incidentId) {
        return Sql.call("find incident " + incidentId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + IncidentRows.COLUMNS + " FROM incidents WHERE account_id = :accountId "
                                + "AND id = :id")
                .bind("accountId", accountId)
                .bind("id", incidentId)
                .map(IncidentRows::map)
                .findOne()));
    }

    @Override
    public Optional<Incident> findActive(String accountId, String monitorId) {
        return Sql.call("find active incident of monitor " + monitorId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + IncidentRows.COLUMNS + " FROM incidents WHERE account_id = :accountId "
                                + "AND active_monitor_id = :monitorId")
                .bind("accountId", accountId)
                .bind("monitorId", monitorId)
                .map(IncidentRows::map)
                .findOne()));
    }

    /**
     * Newest first by {@code (started_at, id)}. With {@code activeOnly}, a {@code status} filter still applies,
     * so asking for active resolved incidents finds none. The page key is {@code <epoch microseconds>:<id>} of
     * the last item.
     *
     * @throws IllegalArgumentException when {@code page.afterKey()} is not a key this store produced
     */
    @Override
    public Page<Incident> list(String accountId, IncidentFilter filter, Instant since, Instant until,
                               PageRequest page) {
        Objects.requireNonNull(page, "page");
        IncidentFilter f = filter == null ? IncidentFilter.ANY : filter;
        TimeIdKey after = page.afterKey() == null ? null : TimeIdKey.parse(page.afterKey(), "incident");
        StringBuilder where = new StringBuilder("account_id = :accountId");
        if (f.status() != null) {
            where.append(" AND status = :status");
        }
        if (f.monitorId() != null) {
            where.append(" AND monitor_id = :monitorId");
        }
        if (f.activeOnly()) {
            where.append(" AND status <> :resolved");
        }
        if (since != null) {
            where.append(" AND started_at >= :since");
        }
        if (until != null) {
            where.append(" AND started_at < :until");
        }
        if (after != null) {
            where.append(" AND (started_at < :afterAt OR (started_at = :afterAt AND id < :afterId))");
        }
        String sql = "SELECT " + IncidentRows.COLUMNS + " FROM incidents WHERE " + where
                + " ORDER BY started_at DESC, id DESC LIMIT :limit";
        List<Incident> rows = Sql.call("list incidents of account " + accountId, () -> jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("accountId", accountId).bind("limit", page.limit() + 1);
            if (f.status() != null) {
                query.bind("status", f.status().name());
            }
            if (f.monitorId() != null) {
                query.bind("monitorId", f.monitorId());
            }
            if (f.activeOnly()) {
                query.bind("resolved", IncidentStatus.RESOLVED.name());
            }
            TimeIdKey.bindWindow(query, since, until, after);
            return query.map(IncidentRows::map).list();
        }));
        return TimeIdKey.pageOf(rows, page.limit(), i -> new TimeIdKey(i.startedAt(), i.id()));
    }

    /**
     * Compare-and-set on the status column: of two transitions from one status, the second finds no row in the
     * expected status (both databases re-check the condition once the first commits) and writes nothing. Making
     * a resolved incident active again while its monitor has another active one is refused the same way.
     */
    @Override
    public boolean transition(Incident updated, IncidentStatus expectedStatus, IncidentEvent event) {
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(expectedStatus, "expectedStatus");
        requireSameIncident(updated, event);
        String activeMonitor = updated.isActive() ? "monitor_id" : "NULL";
        String sql = "UPDATE incidents SET status = :status, acknowledged_at = :acknowledgedAt, "
                + "acknowledged_by = :acknowledgedBy, resolved_at = :resolvedAt, resolved_by = :resolvedBy, "
                + "resolution_note = :note, updated_at = :updatedAt, active_monitor_id = " + activeMonitor
                + " WHERE account_id = :accountId AND id = :id AND status = :expected";
        return Sql.call("change incident " + updated.id(), () -> {
            try {
                return jdbi.inTransaction(h -> {
                    int changed = uniqueChecked(() -> h.createUpdate(sql)
                            .bind("status", updated.status().name())
                            .bind("acknowledgedAt", Sql.instant(updated.acknowledgedAt()))
                            .bind("acknowledgedBy", updated.acknowledgedBy())
                            .bind("resolvedAt", Sql.instant(updated.resolvedAt()))
                            .bind("resolvedBy", updated.resolvedBy())
                            .bind("note", IncidentRows.clip(updated.resolutionNote()))
                            .bind("updatedAt", Sql.instant(updated.updatedAt()))
                            .bind("accountId", updated.accountId())
                            .bind("id", updated.id())
                            .bind("expected", expectedStatus.name())
                            .execute());
                    if (changed == 0) {
                        return false;
                    }
                    IncidentRows.insertEvent(h, event);
                    return true;
                });
            } catch (ActiveIncidentConflict e) {
                return false;
            }
        });
    }

    /** @throws IllegalArgumentException when the account has no incident with the event's incident id */
    @Override
    public void append(IncidentEvent event) {
        Objects.requireNonNull(event, "event");
        Sql.run("append to incident " + event.incidentId(), () -> jdbi.useTransaction(h -> {
            long found = h.createQuery("SELECT COUNT(*) FROM incidents WHERE account_id = :accountId AND id = :id")
                    .bind("accountId", event.accountId())
                    .bind("id", event.incidentId())
                    .mapTo(Long.class)
                    .one();
            if (found == 0) {
                throw new IllegalArgumentException("No incident " + event.incidentId() + " in account "
                        + event.accountId());
            }
            IncidentRows.insertEvent(h, event);
        }));
    }

    @Override
    public List<IncidentEvent> timeline(String accountId, String incidentId) {
        return Sql.call("read the timeline of incident " + incidentId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + IncidentRows.EVENT_COLUMNS + " FROM incident_events "
                                + "WHERE account_id = :accountId AND incident_id = :incidentId "
                                + "ORDER BY occurred_at, id")
                .bind("accountId", accountId)
                .bind("incidentId", incidentId)
                .map(IncidentRows::mapEvent)
                .list()));
    }

    @Override
    public IncidentStats stats(String accountId, Instant since, Instant until) {
        return IncidentStatsQuery.run(jdbi, accountId, since, until);
    }

    private boolean idTaken(String incidentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM incidents WHERE id = :id")
                .bind("id", incidentId)
                .mapTo(Long.class)
                .one()) > 0;
    }

    /**
     * Runs one write to the incidents table. A unique violation there is the active-monitor key, or on insert
     * the id, which {@link #open} tells apart.
     */
    private static int uniqueChecked(IntSupplier write) {
        try {
            return write.getAsInt();
        } catch (JdbiException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new ActiveIncidentConflict(e);
            }
            throw e;
        }
    }

    private static void requireSameIncident(Incident incident, IncidentEvent event) {
        Objects.requireNonNull(event, "event");
        if (!event.incidentId().equals(incident.id()) || !event.accountId().equals(incident.accountId())) {
            throw new IllegalArgumentException("Event " + event.id() + " belongs to incident " + event.incidentId()
                    + " of account " + event.accountId() + ", not to " + incident.id() + " of "
                    + incident.accountId());
        }
    }

    /**
     * The active-monitor key tripped; thrown out of the transaction so JDBI rolls it back (PostgreSQL refuses
     * any further statement in it anyway).
     */
    private static final class ActiveIncidentConflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ActiveIncidentConflict(JdbiException violation) {
            super(violation.getMessage(), violation, false, false);
        }
    }
}
