package io.enori.mcp.core.store;

import io.enori.mcp.api.spi.MonitorPauseStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/** Pause periods in {@code monitor_pauses}; the primary key's prefix serves the per-monitor reads. */
final class JdbiMonitorPauseStore implements MonitorPauseStore {

    private final Jdbi jdbi;

    JdbiMonitorPauseStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void paused(String accountId, String monitorId, Instant at) {
        Objects.requireNonNull(at, "at");
        Sql.run("record pause of monitor " + monitorId, () -> jdbi.useTransaction(h -> {
            long open = h.createQuery("SELECT COUNT(*) FROM monitor_pauses WHERE account_id = :accountId "
                            + "AND monitor_id = :monitorId AND resumed_at IS NULL")
                    .bind("accountId", accountId).bind("monitorId", monitorId)
                    .mapTo(Long.class).one();
            if (open == 0) {
                h.createUpdate("INSERT INTO monitor_pauses (account_id, monitor_id, paused_at, resumed_at) "
                                + "VALUES (:accountId, :monitorId, :at, NULL)")
                        .bind("accountId", accountId).bind("monitorId", monitorId).bind("at", Sql.instant(at))
                        .execute();
            }
        }));
    }

    @Override
    public void resumed(String accountId, String monitorId, Instant at) {
        Objects.requireNonNull(at, "at");
        Sql.run("record resume of monitor " + monitorId, () -> jdbi.useHandle(h -> h.createUpdate(
                        "UPDATE monitor_pauses SET resumed_at = CASE WHEN paused_at > :at THEN paused_at ELSE :at END "
                                + "WHERE account_id = :accountId AND monitor_id = :monitorId AND resumed_at IS NULL")
                .bind("accountId", accountId).bind("monitorId", monitorId).bind("at", Sql.instant(at))
                .execute()));
    }

    @Override
    public List<PausedPeriod> overlapping(String accountId, String monitorId, Instant since, Instant until) {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        return Sql.call("list pauses of monitor " + monitorId, () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT paused_at, resumed_at FROM monitor_pauses WHERE account_id = :accountId "
                                + "AND monitor_id = :monitorId AND paused_at < :until "
                                + "AND (resumed_at IS NULL OR resumed_at > :since) ORDER BY paused_at")
                .bind("accountId", accountId).bind("monitorId", monitorId)
                .bind("since", Sql.instant(since)).bind("until", Sql.instant(until))
                .map((rs, ctx) -> new PausedPeriod(Sql.instant(rs, "paused_at"), Sql.instant(rs, "resumed_at")))
                .list()));
    }
}
