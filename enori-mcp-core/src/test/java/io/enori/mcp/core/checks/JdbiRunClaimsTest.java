package io.enori.mcp.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.core.store.JdbiStorage;
import io.enori.mcp.core.store.TestStorage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Run claims on H2: one winner per grid point, and claims nobody can contest any more are purged. */
class JdbiRunClaimsTest {
    private static final Instant DUE = Instant.parse("2025-11-10T12:00:07.250Z");

    @Test
    void exactlyOneNodeWinsAGridPointAndTheNextPointIsOpenAgain() {
        JdbiStorage storage = TestStorage.freshH2();
        JdbiRunClaims a = JdbiRunClaims.create(storage.jdbi(), "a");
        JdbiRunClaims b = JdbiRunClaims.create(storage.jdbi(), "b");

        assertThat(a.claim("mon_1", DUE, 30)).isTrue();
        assertThat(b.claim("mon_1", DUE, 30)).isFalse();
        assertThat(a.claim("mon_1", DUE, 30)).isFalse();
        assertThat(b.claim("mon_2", DUE, 30)).isTrue();
        assertThat(b.claim("mon_1", DUE.plusSeconds(30), 30)).isTrue();
        assertThat(RunClaims.local().claim("mon_1", DUE, 30)).isTrue();
    }

    @Test
    void purgeDropsOnlyClaimsPastTheirIntervalAndTheMargin() {
        JdbiStorage storage = TestStorage.freshH2();
        JdbiRunClaims claims = JdbiRunClaims.create(storage.jdbi(), "a");
        claims.claim("mon_old", DUE, 30);
        claims.claim("mon_daily", DUE, 86_400);

        claims.purge(DUE.plusSeconds(30).plus(JdbiRunClaims.PURGE_MARGIN).plusSeconds(1));

        assertThat(rows(storage)).isEqualTo(1);
        assertThat(claims.claim("mon_daily", DUE, 86_400)).isFalse();
    }

    private static long rows(JdbiStorage storage) {
        return storage.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM monitor_leases")
                .mapTo(Long.class).one());
    }
}
