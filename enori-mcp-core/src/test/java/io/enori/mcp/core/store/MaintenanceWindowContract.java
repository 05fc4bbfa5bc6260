package io.enori.mcp.core.store;

import static io.enori.mcp.core.store.Fixtures.A;
import static io.enori.mcp.core.store.Fixtures.B;
import static io.enori.mcp.core.store.Fixtures.T0;
import static io.enori.mcp.core.store.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.EnoriMcpException;
import io.enori.mcp.api.MaintenanceWindow;
import io.enori.mcp.api.MaintenanceWindow.State;
import io.enori.mcp.api.spi.MaintenanceWindowFilter;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Maintenance windows: round trip, listing by state and range, the plan cap's count, and covering. */
interface MaintenanceWindowContract extends ContractSupport {

    /** A window of {@code accountId} over {@code [at(from), at(to))}. */
    static MaintenanceWindow window(String accountId, String id, long from, long to, String... monitorIds) {
        return new MaintenanceWindow(id, accountId, "Window " + id, at(from), at(to), List.of(monitorIds), "key_1",
                T0);
    }

    default MaintenanceWindow givenWindow(MaintenanceWindow window) {
        storage().maintenanceWindows().insert(window);
        return window;
    }

    @Test
    default void aWindowRoundTripsWithItsMonitorsInOrder() {
        givenMonitor(A, "mon_1");
        givenMonitor(A, "mon_2");
        MaintenanceWindow named = givenWindow(window(A, "mw_1", 60, 3_600, "mon_2", "mon_1"));
        MaintenanceWindow all = givenWindow(window(A, "mw_2", 60, 3_600));

        assertThat(storage().maintenanceWindows().find(A, "mw_1")).contains(named);
        assertThat(storage().maintenanceWindows().find(A, "mw_1").orElseThrow().monitorIds())
                .containsExactly("mon_2", "mon_1");
        assertThat(storage().maintenanceWindows().find(A, "mw_2")).contains(all);
        assertThat(all.coversAllMonitors()).isTrue();
        assertThat(storage().maintenanceWindows().find(A, "mw_9")).isEmpty();
    }

    @Test
    default void anotherAccountCannotSeeAWindowNorNameAnotherAccountsMonitor() {
        givenMonitor(A, "mon_1");
        givenWindow(window(A, "mw_1", 0, 3_600, "mon_1"));

        assertThat(storage().maintenanceWindows().find(B, "mw_1")).isEmpty();
        assertThat(storage().maintenanceWindows().list(B, null, PageRequest.first(10)).items()).isEmpty();
        assertThat(storage().maintenanceWindows().activeAt(B, at(60))).isEmpty();
        assertThat(storage().maintenanceWindows().countNotCompleted(B, at(60))).isZero();
        assertThat(storage().maintenanceWindows().covering(B, "mon_1", at(60))).isEmpty();
        assertThatThrownBy(() -> storage().maintenanceWindows().insert(window(B, "mw_2", 0, 60, "mon_1")))
                .isInstanceOf(EnoriMcpException.class);
        assertThat(storage().maintenanceWindows().find(B, "mw_2")).isEmpty();
    }

    @Test
    default void coveringFindsWindowsActiveAtTheInstantThatNameTheMonitorOrAll() {
        givenMonitor(A, "mon_1");
        givenMonitor(A, "mon_2");
        MaintenanceWindow one = givenWindow(window(A, "mw_1", 100, 200, "mon_1"));
        MaintenanceWindow two = givenWindow(window(A, "mw_2", 150, 300, "mon_2"));
        MaintenanceWindow all = givenWindow(window(A, "mw_3", 180, 400));
        givenMonitor(B, "mon_b");
        givenWindow(window(B, "mw_b", 0, 1_000));

        assertThat(storage().maintenanceWindows().covering(A, "mon_1", at(99))).isEmpty();
        // Half-open: the start instant is covered, the end instant is not.
        assertThat(storage().maintenanceWindows().covering(A, "mon_1", at(100))).containsExactly(one);
        assertThat(storage().maintenanceWindows().covering(A, "mon_1", at(190))).containsExactly(one, all);
        assertThat(storage().maintenanceWindows().covering(A, "mon_2", at(190))).containsExactly(two, all);
        assertThat(storage().maintenanceWindows().covering(A, "mon_1", at(200))).containsExactly(all);
        assertThat(storage().maintenanceWindows().covering(A, "mon_2", at(300))).containsExactly(all);
        assertThat(storage().maintenanceWindows().covering(A, "mon_2", at(400))).isEmpty();
        // An all-monitors window covers monitors it could not have named, e.g. ones created later.
        assertThat(storage().maintenanceWindows().covering(A, "mon_later", at(250))).containsExactly(all);
    }

    @Test
    default void activeAtListsEveryActiveWindowEarliestEndFirst() {
        givenMonitor(A, "mon_1");
        MaintenanceWindow longer = givenWindow(window(A, "mw_1", 0, 500, "mon_1"));
        MaintenanceWindow shorter = givenWindow(window(A, "mw_2", 50, 100));
        givenWindow(window(A, "mw_3", 200, 300));

        assertThat(storage().maintenanceWindows().activeAt(A, at(60))).containsExactly(shorter, longer);
        assertThat(storage().maintenanceWindows().activeAt(A, at(100))).containsExactly(longer);
        assertThat(storage().maintenanceWindows().activeAt(A, at(500))).isEmpty();
    }

    @Test
    default void countNotCompletedCountsScheduledAndActiveWindows() {
        givenWindow(window(A, "mw_1", 0, 100));
        givenWindow(window(A, "mw_2", 50, 200));
        givenWindow(window(A, "mw_3", 300, 400));

        assertThat(storage().maintenanceWindows().countNotCompleted(A, at(-10))).isEqualTo(3);
        assertThat(storage().maintenanceWindows().countNotCompleted(A, at(100))).isEqualTo(2);
        assertThat(storage().maintenanceWindows().countNotCompleted(A, at(250))).isEqualTo(1);
        assertThat(storage().maintenanceWindows().countNotCompleted(A, at(400))).isZero();
    }

    @Test
    default void listFiltersByStateAtAnInstantAndByOverlapWithARange() {
        MaintenanceWindow done = givenWindow(window(A, "mw_1", 0, 100));
        MaintenanceWindow active = givenWindow(window(A, "mw_2", 50, 300));
        MaintenanceWindow later = givenWindow(window(A, "mw_3", 400, 500));

        assertThat(list(new MaintenanceWindowFilter(null, null, null, null))).containsExactly(later, active, done);
        assertThat(list(new MaintenanceWindowFilter(State.SCHEDULED, at(200), null, null))).containsExactly(later);
        assertThat(list(new MaintenanceWindowFilter(State.ACTIVE, at(200), null, null))).containsExactly(active);
        assertThat(list(new MaintenanceWindowFilter(State.COMPLETED, at(200), null, null))).containsExactly(done);
        assertThat(list(new MaintenanceWindowFilter(State.ACTIVE, at(100), null, null))).containsExactly(active);
        // Overlap with [since, until): a window ending at since or starting at until is outside.
        assertThat(list(new MaintenanceWindowFilter(null, null, at(100), at(400)))).containsExactly(active);
        assertThat(list(new MaintenanceWindowFilter(null, null, at(99), null))).containsExactly(later, active, done);
        assertThat(list(new MaintenanceWindowFilter(State.COMPLETED, at(600), at(200), at(450))))
                .containsExactly(later, active);
    }

    @Test
    default void listPagesLatestStartFirstWithoutGapsOrRepeatsOnEqualStarts() {
        List<MaintenanceWindow> expected = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            // Two windows per start instant, to exercise the id tie-break.
            expected.add(givenWindow(window(A, "mw_" + i + "b", i * 10L, 1_000)));
            expected.add(givenWindow(window(A, "mw_" + i + "a", i * 10L, 1_000)));
        }
        List<MaintenanceWindow> seen = new ArrayList<>();
        String key = null;
        do {
            Page<MaintenanceWindow> page = storage().maintenanceWindows().list(A, null, new PageRequest(3, key));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            seen.addAll(page.items());
            key = page.nextKey();
        } while (key != null && seen.size() <= expected.size());

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThatThrownBy(() -> storage().maintenanceWindows().list(A, null, new PageRequest(3, "garbage")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<MaintenanceWindow> list(MaintenanceWindowFilter filter) {
        return storage().maintenanceWindows().list(A, filter, PageRequest.first(50)).items();
    }
}
