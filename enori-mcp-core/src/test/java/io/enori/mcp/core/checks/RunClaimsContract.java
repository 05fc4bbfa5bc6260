package io.enori.mcp.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.core.store.Databases;
import io.enori.mcp.core.store.JdbiStorage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link JdbiRunClaims} promises, run on H2 ({@link JdbiRunClaimsTest}) and PostgreSQL
 * ({@link PostgresRunClaimsIT}): one winner per grid point; a later grid point of a monitor is refused while the
 * run before it is unfinished and within its deadline, and won once it finished or its deadline passed; purge
 * keeps what still blocks. Time is explicit instants throughout: no decision reads a clock.
 */
abstract class RunClaimsContract {
    static final Instant DUE = Instant.parse("2025-11-10T12:00:07.250Z");
    static final int INTERVAL = 30;

    private final List<DataSource> pools = new ArrayList<>();

    /** The URL of a new, empty database (or schema) of this test's own. */
    protected abstract String freshUrl();

    @AfterEach
    void closePools() {
        pools.forEach(Databases::close);
    }

    @Test
    void exactlyOneNodeWinsAGridPointAndTheNextPointIsOpenOnceTheRunFinished() {
        Jdbi db = freshDatabase();
        JdbiRunClaims a = JdbiRunClaims.create(db, "a");
        JdbiRunClaims b = JdbiRunClaims.create(db, "b");

        assertThat(a.claim("mon_1", DUE, INTERVAL, DUE.plusSeconds(15))).isTrue();
        assertThat(b.claim("mon_1", DUE, INTERVAL, DUE.plusSeconds(15))).isFalse();
        assertThat(a.claim("mon_1", DUE, INTERVAL, DUE.plusSeconds(15))).isFalse();
        assertThat(b.claim("mon_2", DUE, INTERVAL, DUE.plusSeconds(15))).isTrue();
        a.finished("mon_1", DUE);
        assertThat(b.claim("mon_1", at(1), INTERVAL, at(1).plusSeconds(15))).isTrue();
        assertThat(RunClaims.local().claim("mon_1", DUE, INTERVAL, DUE)).isTrue();
        assertThat(RunClaims.local().shared()).isFalse();
        assertThat(a.shared()).isTrue();
    }

    @Test
    void aLaterGridPointLosesOnEveryNodeWhileTheEarlierRunIsUnfinished() {
        Jdbi db = freshDatabase();
        JdbiRunClaims a = JdbiRunClaims.create(db, "a");
        JdbiRunClaims b = JdbiRunClaims.create(db, "b");
        Instant deadline = DUE.plusSeconds(55); // a check slower than its interval: timeout 50 s + 5 s margin

        assertThat(a.claim("mon_1", DUE, INTERVAL, deadline)).isTrue();

        assertThat(b.claim("mon_1", at(1), INTERVAL, deadline.plusSeconds(INTERVAL))).isFalse();
        assertThat(a.claim("mon_1", at(1), INTERVAL, deadline.plusSeconds(INTERVAL))).isFalse();
        assertThat(b.claim("mon_2", at(1), INTERVAL, at(1).plusSeconds(15))).as("other monitors").isTrue();
    }

    @Test
    void aLaterGridPointWinsOnceTheEarlierRunFinished() {
        Jdbi db = freshDatabase();
        JdbiRunClaims a = JdbiRunClaims.create(db, "a");
        JdbiRunClaims b = JdbiRunClaims.create(db, "b");
        assertThat(a.claim("mon_1", DUE, INTERVAL, DUE.plusSeconds(55))).isTrue();
        assertThat(b.claim("mon_1", at(1), INTERVAL, at(1).plusSeconds(55))).isFalse();

        a.finished("mon_1", DUE);

        assertThat(b.claim("mon_1", at(2), INTERVAL, at(2).plusSeconds(55))).isTrue();
        assertThat(a.claim("mon_1", at(3), INTERVAL, at(3).plusSeconds(55))).as("b's run is going").isFalse();
    }

    @Test
    void anUnfinishedRunStopsBlockingAtItsDeadlineAsANodeKilledMidCheckWouldLeaveIt() {
        Jdbi db = freshDatabase();
        JdbiRunClaims dead = JdbiRunClaims.create(db, "dead");
        JdbiRunClaims alive = JdbiRunClaims.create(db, "alive");
        assertThat(dead.claim("mon_short", DUE, INTERVAL, DUE.plusSeconds(15))).isTrue();
        assertThat(dead.claim("mon_long", DUE, INTERVAL, DUE.plusSeconds(45))).isTrue();

        // timeout + margin within the interval: the very next grid point.
        assertThat(alive.claim("mon_short", at(1), INTERVAL, at(1).plusSeconds(15))).isTrue();
        // 45 s on a 30 s grid: not the next grid point, the one after.
        assertThat(alive.claim("mon_long", at(1), INTERVAL, at(1).plusSeconds(45))).isFalse();
        assertThat(alive.claim("mon_long", at(2), INTERVAL, at(2).plusSeconds(45))).isTrue();
        // A deadline exactly on a grid point frees that grid point.
        assertThat(dead.claim("mon_edge", DUE, INTERVAL, at(1))).isTrue();
        assertThat(alive.claim("mon_edge", at(1), INTERVAL, at(1))).isTrue();
    }

    @Test
    void aLateFinishOfARunWhoseDeadlinePassedDoesNotEndTheRunThatReplacedIt() {
        Jdbi db = freshDatabase();
        JdbiRunClaims slow = JdbiRunClaims.create(db, "slow");
        JdbiRunClaims other = JdbiRunClaims.create(db, "other");
        assertThat(slow.claim("mon_1", DUE, INTERVAL, DUE.plusSeconds(15))).isTrue();
        assertThat(other.claim("mon_1", at(1), INTERVAL, at(1).plusSeconds(55))).isTrue();

        slow.finished("mon_1", DUE);
        other.finished("mon_1", DUE); // not its claim either

        assertThat(slow.claim("mon_1", at(2), INTERVAL, at(2).plusSeconds(55))).isFalse();
    }

    @Test
    void aStaleGridPointLosesOnceALaterOneWasClaimed() {
        Jdbi db = freshDatabase();
        JdbiRunClaims ahead = JdbiRunClaims.create(db, "ahead");
        JdbiRunClaims behind = JdbiRunClaims.create(db, "behind");
        assertThat(ahead.claim("mon_1", at(1), INTERVAL, at(1).plusSeconds(15))).isTrue();
        ahead.finished("mon_1", at(1));

        assertThat(behind.claim("mon_1", DUE, INTERVAL, DUE.plusSeconds(15))).isFalse();
    }

    /**
     * The race a row per grid point would leave open: nodes claiming different grid points of one monitor at the
     * same moment (one of them late) must not both win.
     */
    @Test
    void concurrentClaimsOfDifferentGridPointsOfOneMonitorHaveOneWinner() throws Exception {
        Jdbi db = freshDatabase();
        int nodes = 4;
        List<JdbiRunClaims> claims = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            claims.add(JdbiRunClaims.create(db, "node-" + n));
        }
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            for (int round = 0; round < 40; round++) {
                String monitor = "mon_race_" + round;
                assertThat(claims.get(0).claim(monitor, DUE, INTERVAL, DUE.plusSeconds(15))).isTrue();
                claims.get(0).finished(monitor, DUE);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (int n = 0; n < nodes; n++) {
                    JdbiRunClaims node = claims.get(n);
                    Instant due = at(1 + n);
                    outcomes.add(pool.submit(() -> {
                        go.await();
                        return node.claim(monitor, due, INTERVAL, due.plusSeconds(3600));
                    }));
                }
                go.countDown();
                int winners = 0;
                for (Future<Boolean> outcome : outcomes) {
                    winners += outcome.get() ? 1 : 0;
                }
                assertThat(winners).as("winners of round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void purgeDropsOnlyClaimsPastTheirIntervalAndTheMargin() {
        Jdbi db = freshDatabase();
        JdbiRunClaims claims = JdbiRunClaims.create(db, "a");
        claims.claim("mon_old", DUE, INTERVAL, DUE.plusSeconds(15));
        claims.finished("mon_old", DUE);
        claims.claim("mon_daily", DUE, 86_400, DUE.plusSeconds(15));

        claims.purge(DUE.plusSeconds(INTERVAL).plus(JdbiRunClaims.PURGE_MARGIN).plusSeconds(1));

        assertThat(rows(db)).isEqualTo(1);
        assertThat(claims.claim("mon_daily", DUE, 86_400, DUE.plusSeconds(15))).isFalse();
    }

    @Test
    void purgeKeepsARunStillGoingPastItsIntervalUntilItsDeadlineAndTheMargin() {
        Jdbi db = freshDatabase();
        JdbiRunClaims claims = JdbiRunClaims.create(db, "a");
        Instant deadline = DUE.plusSeconds(3600);
        claims.claim("mon_running", DUE, INTERVAL, deadline);
        claims.claim("mon_finished", DUE, INTERVAL, deadline);
        claims.finished("mon_finished", DUE);

        claims.purge(DUE.plusSeconds(INTERVAL).plus(JdbiRunClaims.PURGE_MARGIN).plusSeconds(1));

        assertThat(rows(db)).as("the finished claim goes, the running one stays").isEqualTo(1);
        assertThat(claims.claim("mon_running", at(100), INTERVAL, at(100).plusSeconds(15)))
                .as("still blocking after the purge").isFalse();

        claims.purge(deadline.plus(JdbiRunClaims.PURGE_MARGIN).plusSeconds(1));
        assertThat(rows(db)).isZero();
    }

    /** V14 keeps each monitor's latest V13 claim, which blocks no later grid point. */
    @Test
    void claimsLeftByVersion13AreReducedToTheLatestPerMonitorAndBlockNothing() throws java.sql.SQLException {
        String url = freshUrl();
        DataSource pool = Databases.dataSource(url);
        pools.add(pool);
        Jdbi db = Jdbi.create(pool);
        boolean postgres = db.withHandle(h -> h.getConnection().getMetaData().getDatabaseProductName())
                .equalsIgnoreCase("PostgreSQL");
        String[] locations = postgres ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                : new String[] {"classpath:db/migration"};
        Flyway.configure(RunClaimsContract.class.getClassLoader()).dataSource(pool).locations(locations)
                .table("enori_schema_history").target("13").load().migrate();
        for (int k = 0; k < 3; k++) {
            int point = k;
            db.useHandle(h -> h.createUpdate("INSERT INTO monitor_leases (monitor_id, due_at, node_id, lease_until) "
                            + "VALUES ('mon_1', :due, 'old', :until)")
                    .bind("due", OffsetDateTime.ofInstant(at(point), ZoneOffset.UTC))
                    .bind("until", OffsetDateTime.ofInstant(at(point + 1), ZoneOffset.UTC))
                    .execute());
        }

        JdbiStorage.create(pool);

        assertThat(rows(db)).isEqualTo(1);
        JdbiRunClaims claims = JdbiRunClaims.create(db, "new");
        assertThat(claims.claim("mon_1", at(2), INTERVAL, at(2).plusSeconds(15))).as("same grid point").isFalse();
        assertThat(claims.claim("mon_1", at(3), INTERVAL, at(3).plusSeconds(15))).isTrue();
    }

    Jdbi freshDatabase() {
        DataSource pool = Databases.dataSource(freshUrl());
        pools.add(pool);
        return JdbiStorage.create(pool).jdbi();
    }

    /** The k-th grid point after {@link #DUE}. */
    static Instant at(int k) {
        return DUE.plusSeconds((long) k * INTERVAL);
    }

    static long rows(Jdbi db) {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM monitor_leases").mapTo(Long.class).one());
    }
}
