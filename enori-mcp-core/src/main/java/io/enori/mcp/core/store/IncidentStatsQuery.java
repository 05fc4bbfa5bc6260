package io.enori.mcp.core.store;

import io.enori.mcp.api.IncidentStatus;
import io.enori.mcp.api.spi.IncidentStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * Incident figures over incidents that started in {@code [since, until)}. The means are taken in Java while
 * streaming the range's rows, because interval arithmetic is spelled differently on H2 and PostgreSQL; the
 * caller bounds the range.
 */
final class IncidentStatsQuery {

    /** Rows per round trip while streaming; PostgreSQL only streams inside a transaction with a fetch size. */
    private static final int FETCH_SIZE = 1_000;

    private long total;
    private long active;
    private long acknowledged;
    private long resolved;
    // Microseconds, the stored precision, so that data in whole seconds averages exactly.
    private long microsToAcknowledge;
    private long microsToResolve;

    private IncidentStatsQuery() {
    }

    static IncidentStats run(Jdbi jdbi, String accountId, Instant since, Instant until) {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        IncidentStatsQuery stats = new IncidentStatsQuery();
        Sql.run("compute incident stats of account " + accountId, () -> jdbi.useTransaction(h -> h.createQuery(
                        "SELECT status, started_at, acknowledged_at, resolved_at FROM incidents "
                                + "WHERE account_id = :accountId AND started_at >= :since AND started_at < :until")
                .bind("accountId", accountId)
                .bind("since", Sql.instant(since))
                .bind("until", Sql.instant(until))
                .setFetchSize(FETCH_SIZE)
                .map((rs, ctx) -> new Span(IncidentStatus.valueOf(rs.getString("status")),
                        Sql.instant(rs, "started_at"), Sql.instant(rs, "acknowledged_at"),
                        Sql.instant(rs, "resolved_at")))
                .forEach(stats::add)));
        return stats.result();
    }

    private void add(Span span) {
        total++;
        if (span.status().isActive()) {
            active++;
        }
        if (span.acknowledgedAt() != null) {
            acknowledged++;
            microsToAcknowledge = Math.addExact(microsToAcknowledge, micros(span.startedAt(), span.acknowledgedAt()));
        }
        if (span.status() == IncidentStatus.RESOLVED) {
            resolved++;
            microsToResolve = Math.addExact(microsToResolve, micros(span.startedAt(), span.resolvedAt()));
        }
    }

    private IncidentStats result() {
        return new IncidentStats(total, active, acknowledged, resolved, mean(microsToAcknowledge, acknowledged),
                mean(microsToResolve, resolved));
    }

    private static long micros(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1_000);
    }

    private static Double mean(long micros, long count) {
        return count == 0 ? null : micros / 1e6 / count;
    }

    /** The columns of one incident that its figures need. */
    private record Span(IncidentStatus status, Instant startedAt, Instant acknowledgedAt, Instant resolvedAt) {
    }
}
