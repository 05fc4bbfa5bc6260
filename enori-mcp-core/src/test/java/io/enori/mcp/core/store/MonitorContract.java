package io.enori.mcp.core.store;

import static io.enori.mcp.core.store.Fixtures.A;
import static io.enori.mcp.core.store.Fixtures.B;
import static io.enori.mcp.core.store.Fixtures.at;
import static io.enori.mcp.core.store.Fixtures.monitorId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.enori.mcp.api.DnsRecordType;
import io.enori.mcp.api.EnoriMcpException;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorStatus;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.MonitorType;
import io.enori.mcp.api.spi.MonitorFilter;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Monitors: round trips, keyset paging, filters, split updates and account isolation. */
interface MonitorContract extends ContractSupport {

    @Test
    default void insertedMonitorIsFoundWithEveryFieldIntact() {
        Monitor monitor = Fixtures.paused(Fixtures.monitor(A, "mon_1"), MonitorStatus.DOWN);
        monitor = Fixtures.withState(monitor, MonitorStatus.DOWN, 3, at(50), 1_234, at(-70), at(86_400 * 30));
        monitor = Fixtures.withDomainExpiry(monitor, at(86_400 * 365));
        givenMonitor(monitor);

        assertThat(storage().monitors().find(A, "mon_1")).contains(monitor);
    }

    @Test
    default void everyTargetTypeRoundTrips() {
        List<MonitorTarget> targets = List.of(
                new MonitorTarget.Website("https://example.com/a?b=c", "Welcome, friend", List.of(200, 301)),
                new MonitorTarget.Website("http://example.com", null, List.of()),
                new MonitorTarget.Ping("10.0.0.1"),
                new MonitorTarget.Port("db.example.com", 5432),
                new MonitorTarget.Dns("example.com", DnsRecordType.MX, "mail.example.com"),
                new MonitorTarget.Dns("example.com", DnsRecordType.AAAA, null),
                new MonitorTarget.Domain("example.org"),
                new MonitorTarget.Job(45));
        for (int i = 0; i < targets.size(); i++) {
            givenMonitor(Fixtures.monitor(A, monitorId(i), "m" + i, targets.get(i)));
        }

        assertThat(storage().monitors().listAll(A)).extracting(Monitor::target).containsExactlyElementsOf(targets);
    }

    @Test
    default void instantsKeepMicrosecondsAndDropFinerParts() {
        Instant nanos = Instant.parse("2025-03-01T10:00:00.123456789Z");
        Instant epoch = Instant.EPOCH;
        Instant far = Instant.parse("2199-12-31T23:59:59.999999Z");
        givenMonitor(Fixtures.withState(Fixtures.monitor(A, "mon_1"), MonitorStatus.UP, 0, nanos, 5, epoch, far));

        Monitor found = storage().monitors().find(A, "mon_1").orElseThrow();
        assertThat(found.lastCheckedAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00.123456Z"));
        assertThat(found.lastSuccessAt()).isEqualTo(epoch);
        assertThat(found.sslExpiresAt()).isEqualTo(far);
    }

    @Test
    default void anotherAccountsMonitorIsNotFound() {
        givenMonitor(A, "mon_1");

        assertThat(storage().monitors().find(B, "mon_1")).isEmpty();
        assertThat(storage().monitors().find(A, "mon_missing")).isEmpty();
    }

    @Test
    default void listPagesOldestFirstAcrossThreePages() {
        for (int n : new int[] {5, 2, 7, 1, 4, 6, 3}) {
            givenMonitor(A, monitorId(n));
        }

        Page<Monitor> first = storage().monitors().list(A, MonitorFilter.ANY, PageRequest.first(3));
        Page<Monitor> second = storage().monitors().list(A, MonitorFilter.ANY, new PageRequest(3, first.nextKey()));
        Page<Monitor> third = storage().monitors().list(A, MonitorFilter.ANY, new PageRequest(3, second.nextKey()));

        assertThat(first.items()).extracting(Monitor::id).containsExactly(monitorId(1), monitorId(2), monitorId(3));
        assertThat(first.nextKey()).isEqualTo(monitorId(3));
        assertThat(second.items()).extracting(Monitor::id).containsExactly(monitorId(4), monitorId(5), monitorId(6));
        assertThat(third.items()).extracting(Monitor::id).containsExactly(monitorId(7));
        assertThat(third.nextKey()).isNull();
    }

    @Test
    default void aPageThatEndsExactlyAtTheLastMonitorHasNoNextKey() {
        for (int n = 1; n <= 4; n++) {
            givenMonitor(A, monitorId(n));
        }

        Page<Monitor> first = storage().monitors().list(A, null, PageRequest.first(2));
        Page<Monitor> second = storage().monitors().list(A, null, new PageRequest(2, first.nextKey()));

        assertThat(first.nextKey()).isNotNull();
        assertThat(second.items()).hasSize(2);
        assertThat(second.nextKey()).isNull();
        assertThat(storage().monitors().list(A, null, PageRequest.first(10)).nextKey()).isNull();
        assertThat(storage().monitors().list(B, null, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    default void statusFilterTreatsPausedAsTheFlagAndOtherStatusesAsUnpausedChecks() {
        givenMonitor(A, monitorId(1));
        givenMonitor(Fixtures.withState(Fixtures.monitor(A, monitorId(2)), MonitorStatus.UP, 0, at(1), 10, at(1),
                null));
        givenMonitor(Fixtures.withState(Fixtures.monitor(A, monitorId(3)), MonitorStatus.DOWN, 2, at(1), null, null,
                null));
        givenMonitor(Fixtures.paused(Fixtures.monitor(A, monitorId(4)), MonitorStatus.UP));
        givenMonitor(Fixtures.paused(Fixtures.monitor(A, monitorId(5)), MonitorStatus.DOWN));

        assertThat(ids(byStatus(MonitorStatus.PAUSED))).containsExactly(monitorId(4), monitorId(5));
        assertThat(byStatus(MonitorStatus.PAUSED)).extracting(Monitor::status)
                .containsExactly(MonitorStatus.UP, MonitorStatus.DOWN);
        assertThat(ids(byStatus(MonitorStatus.UP))).containsExactly(monitorId(2));
        assertThat(ids(byStatus(MonitorStatus.DOWN))).containsExactly(monitorId(3));
        assertThat(ids(byStatus(MonitorStatus.PENDING))).containsExactly(monitorId(1));
    }

    @Test
    default void typeAndNameFiltersCombineAndNameIsCaseInsensitive() {
        givenMonitor(Fixtures.monitor(A, monitorId(1), "API gateway", Fixtures.website()));
        givenMonitor(Fixtures.monitor(A, monitorId(2), "billing-api", new MonitorTarget.Ping("billing")));
        givenMonitor(Fixtures.monitor(A, monitorId(3), "Billing", Fixtures.website()));
        givenMonitor(Fixtures.monitor(B, monitorId(4), "API of B", Fixtures.website()));

        assertThat(ids(filter(new MonitorFilter(null, null, "aPi")))).containsExactly(monitorId(1), monitorId(2));
        assertThat(ids(filter(new MonitorFilter(null, MonitorType.WEBSITE, null))))
                .containsExactly(monitorId(1), monitorId(3));
        assertThat(ids(filter(new MonitorFilter(MonitorStatus.PENDING, MonitorType.WEBSITE, "API"))))
                .containsExactly(monitorId(1));
        assertThat(ids(filter(new MonitorFilter(null, MonitorType.JOB, null)))).isEmpty();
    }

    @Test
    default void nameFilterMatchesLikeWildcardsLiterally() {
        givenMonitor(Fixtures.monitor(A, monitorId(1), "100% uptime", Fixtures.website()));
        givenMonitor(Fixtures.monitor(A, monitorId(2), "1000 uptime", Fixtures.website()));
        givenMonitor(Fixtures.monitor(A, monitorId(3), "a_b", Fixtures.website()));
        givenMonitor(Fixtures.monitor(A, monitorId(4), "axb", Fixtures.website()));
        givenMonitor(Fixtures.monitor(A, monitorId(5), "a!b \\ c", Fixtures.website()));

        assertThat(ids(filter(new MonitorFilter(null, null, "0%")))).containsExactly(monitorId(1));
        assertThat(ids(filter(new MonitorFilter(null, null, "a_b")))).containsExactly(monitorId(3));
        assertThat(ids(filter(new MonitorFilter(null, null, "!b \\")))).containsExactly(monitorId(5));
    }

    @Test
    default void filteredListingPagesByIdToo() {
        for (int n = 1; n <= 7; n++) {
            Monitor monitor = Fixtures.monitor(A, monitorId(n));
            givenMonitor(n % 2 == 1 ? monitor : Fixtures.paused(monitor, MonitorStatus.PENDING));
        }
        MonitorFilter pending = new MonitorFilter(MonitorStatus.PENDING, null, null);

        Page<Monitor> first = storage().monitors().list(A, pending, PageRequest.first(2));
        Page<Monitor> second = storage().monitors().list(A, pending, new PageRequest(2, first.nextKey()));

        assertThat(ids(first)).containsExactly(monitorId(1), monitorId(3));
        assertThat(ids(second)).containsExactly(monitorId(5), monitorId(7));
        assertThat(second.nextKey()).isNull();
    }

    @Test
    default void listAllAndCountSeeOnlyTheAccountsMonitors() {
        givenMonitor(A, monitorId(2));
        givenMonitor(A, monitorId(1));
        givenMonitor(B, monitorId(3));

        assertThat(storage().monitors().listAll(A)).extracting(Monitor::id).containsExactly(monitorId(1), monitorId(2));
        assertThat(storage().monitors().count(A)).isEqualTo(2);
        assertThat(storage().monitors().count(B)).isEqualTo(1);
        assertThat(storage().monitors().count("acc_missing")).isZero();
    }

    @Test
    default void listAllUnpausedCrossesAccountsAndLeavesPausedMonitorsOut() {
        givenMonitor(B, monitorId(3));
        givenMonitor(A, monitorId(1));
        givenMonitor(Fixtures.paused(Fixtures.monitor(A, monitorId(2)), MonitorStatus.UP));
        givenMonitor(Fixtures.paused(Fixtures.monitor(B, monitorId(4)), MonitorStatus.DOWN));
        givenMonitor(A, monitorId(5));

        assertThat(storage().monitors().listAllUnpaused()).extracting(Monitor::id, Monitor::accountId)
                .containsExactly(tuple(monitorId(1), A), tuple(monitorId(3), B), tuple(monitorId(5), A));
    }

    @Test
    default void updateStateWritesTheDomainExpiry() {
        Monitor original = givenMonitor(A, "mon_1");
        Monitor checked = Fixtures.withDomainExpiry(
                Fixtures.withState(original, MonitorStatus.UP, 0, at(10), null, at(10), null), at(86_400 * 90));

        assertThat(storage().monitors().updateState(checked)).isTrue();

        assertThat(storage().monitors().find(A, "mon_1").orElseThrow().domainExpiresAt()).isEqualTo(at(86_400 * 90));
    }

    @Test
    default void updateConfigLeavesCheckStateAlone() {
        Monitor original = givenMonitor(A, "mon_1");
        Monitor checked = Fixtures.withDomainExpiry(
                Fixtures.withState(original, MonitorStatus.DOWN, 2, at(10), 99, at(5), at(1_000)), at(2_000));
        storage().monitors().updateState(checked);

        // The update was built from the record read before the check landed; its state is stale.
        Monitor reconfigured = Fixtures.withConfig(original, "Renamed", new MonitorTarget.Port("db", 5432), 120,
                2_000, 5, List.of("ch_9"), true, at(20));
        assertThat(storage().monitors().updateConfig(reconfigured)).isTrue();

        assertThat(storage().monitors().find(A, "mon_1")).contains(Fixtures.withConfig(checked, "Renamed",
                new MonitorTarget.Port("db", 5432), 120, 2_000, 5, List.of("ch_9"), true, at(20)));
    }

    @Test
    default void updateStateLeavesConfigurationAlone() {
        Monitor original = givenMonitor(A, "mon_1");
        Monitor reconfigured = Fixtures.withConfig(original, "Renamed", new MonitorTarget.Job(10), 300, 1_000, 1,
                List.of(), false, at(20));
        storage().monitors().updateConfig(reconfigured);

        Monitor staleChecked = Fixtures.withState(original, MonitorStatus.UP, 0, at(30), 42, at(30), null);
        assertThat(storage().monitors().updateState(staleChecked)).isTrue();

        assertThat(storage().monitors().find(A, "mon_1"))
                .contains(Fixtures.withState(reconfigured, MonitorStatus.UP, 0, at(30), 42, at(30), null));
    }

    @Test
    default void updatesOfAnotherAccountsOrAnUnknownMonitorChangeNothing() {
        Monitor original = givenMonitor(A, "mon_1");
        Monitor foreign = new Monitor("mon_1", B, "Hijacked", new MonitorTarget.Ping("evil"), 60, 1_000, 1, List.of(),
                true, MonitorStatus.DOWN, 9, at(1), 1, at(1), null, null, original.createdAt(), at(1));
        Monitor unknown = Fixtures.monitor(A, "mon_missing");

        assertThat(storage().monitors().updateConfig(foreign)).isFalse();
        assertThat(storage().monitors().updateState(foreign)).isFalse();
        assertThat(storage().monitors().updateConfig(unknown)).isFalse();
        assertThat(storage().monitors().updateState(unknown)).isFalse();
        assertThat(storage().monitors().find(A, "mon_1")).contains(original);
    }

    @Test
    default void pausedIsAFlagNotAStoredStatus() {
        Monitor monitor = Fixtures.withState(Fixtures.monitor(A, "mon_1"), MonitorStatus.PAUSED, 0, null, null, null,
                null);

        assertThatThrownBy(() -> storage().monitors().insert(monitor)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PAUSED");
    }

    @Test
    default void monitorOfAnUnknownAccountIsAStorageFailure() {
        assertThatThrownBy(() -> storage().monitors().insert(Fixtures.monitor("acc_missing", "mon_1")))
                .isInstanceOf(EnoriMcpException.class)
                .hasMessageContaining("mon_1");
    }

    private Page<Monitor> filter(MonitorFilter filter) {
        return storage().monitors().list(A, filter, PageRequest.first(50));
    }

    private List<Monitor> byStatus(MonitorStatus status) {
        return filter(new MonitorFilter(status, null, null)).items();
    }

    private static List<String> ids(Page<Monitor> page) {
        return ids(page.items());
    }

    private static List<String> ids(List<Monitor> monitors) {
        return monitors.stream().map(Monitor::id).toList();
    }
}
