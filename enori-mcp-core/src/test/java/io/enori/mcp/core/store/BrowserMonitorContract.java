package io.enori.mcp.core.store;

import static io.enori.mcp.core.store.Fixtures.A;
import static io.enori.mcp.core.store.Fixtures.B;
import static io.enori.mcp.core.store.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.BrowserCheck;
import io.enori.mcp.api.BrowserMonitor;
import io.enori.mcp.api.BrowserStep;
import io.enori.mcp.api.BrowserVariable;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.HealingStatus;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.spi.BrowserMonitorStore;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Browser halves, browser checks and billing items: round trips, transactional insert, cascade and isolation. */
interface BrowserMonitorContract extends ContractSupport {

    private static Monitor browserMonitor(String account, String id) {
        return Fixtures.monitor(account, id, "journey", new MonitorTarget.Browser("https://shop.example.com"));
    }

    private static BrowserMonitor half(String account, String id, String itemId) {
        return new BrowserMonitor(id, account, List.of(
                new BrowserStep(BrowserStep.Kind.NAVIGATE, null, "https://shop.example.com", null, null, null, null),
                new BrowserStep(BrowserStep.Kind.FILL, "#pw", null, "{{password}}", null, null, null),
                new BrowserStep(BrowserStep.Kind.WAIT_FOR, null, null, null, null, null, 500)),
                List.of(new BrowserVariable("password", "s3cret", true)), HealingStatus.HEALTHY, null, itemId,
                itemId == null ? null : at(0), at(0));
    }

    @Test
    default void aBrowserMonitorRoundTripsWithItsStepsAndVariables() {
        storage().browserMonitors().insert(browserMonitor(A, "mon_b1"), half(A, "mon_b1", "bill_1"));

        assertThat(storage().browserMonitors().find(A, "mon_b1")).contains(half(A, "mon_b1", "bill_1"));
        assertThat(storage().monitors().find(A, "mon_b1").orElseThrow().target())
                .isEqualTo(new MonitorTarget.Browser("https://shop.example.com"));
        assertThat(storage().browserMonitors().find(B, "mon_b1")).isEmpty();
        assertThat(storage().browserMonitors().listAll(B)).isEmpty();

        BrowserMonitor healed = half(A, "mon_b1", "bill_1").withHealing(HealingStatus.HEALED, 1, at(5));
        assertThat(storage().browserMonitors().update(healed)).isTrue();
        assertThat(storage().browserMonitors().find(A, "mon_b1")).contains(healed);
    }

    @Test
    default void aFailedBrowserHalfLeavesNoMonitorBehind() {
        storage().browserMonitors().insert(browserMonitor(A, "mon_b1"), half(A, "mon_b1", null));
        // Same monitor id again: the monitor row collides, so nothing of the second insert remains.
        assertThatThrownBy(() -> storage().browserMonitors().insert(browserMonitor(A, "mon_b1"), half(A, "mon_b1", null)))
                .isInstanceOf(RuntimeException.class);
        assertThat(storage().monitors().count(A)).isEqualTo(1);
    }

    @Test
    default void checksAreServedNewestFirstAndGoWithTheirMonitor() {
        storage().browserMonitors().insert(browserMonitor(A, "mon_b1"), half(A, "mon_b1", null));
        BrowserCheck older = new BrowserCheck("bc_1", A, "mon_b1", null, CheckStatus.DOWN, List.of(
                new BrowserCheck.StepResult(0, "navigate", BrowserCheck.StepStatus.FAILED, 120, "timeout", null)),
                null, null, null, List.of("Uncaught Error"), "navigation timed out", at(10));
        BrowserCheck newer = new BrowserCheck("bc_2", A, "mon_b1", null, CheckStatus.UP, List.of(), 1800.5, 0.05,
                90.0, List.of(), null, at(20));
        storage().browserMonitors().insertCheck(older);
        storage().browserMonitors().insertCheck(newer);

        assertThat(storage().browserMonitors().latestCheck(A, "mon_b1")).contains(newer);
        assertThat(storage().browserMonitors().findCheck(A, "bc_1")).contains(older);
        assertThat(storage().browserMonitors().findCheck(B, "bc_1")).isEmpty();
        assertThat(storage().browserMonitors().checks(A, "mon_b1", at(0), at(30), 10)).containsExactly(newer, older);
        assertThat(storage().browserMonitors().checks(A, "mon_b1", at(0), at(20), 10)).containsExactly(older);

        assertThat(storage().browserMonitors().delete(B, "mon_b1")).isFalse();
        assertThat(storage().browserMonitors().delete(A, "mon_b1")).isTrue();
        assertThat(storage().browserMonitors().find(A, "mon_b1")).isEmpty();
        assertThat(storage().browserMonitors().findCheck(A, "bc_1")).isEmpty();
        assertThat(storage().monitors().find(A, "mon_b1")).isEmpty();
    }

    @Test
    default void billingItemsAreCancelledOnceWithTheirCredit() {
        storage().browserMonitors().insertBillingItem(new BrowserMonitorStore.BillingItem("bill_1", A, "mon_b1",
                new BigDecimal("9.00"), "USD", 30, at(0), null, null));

        assertThat(storage().browserMonitors().cancelBillingItem(B, "bill_1", BigDecimal.ONE, at(5))).isFalse();
        assertThat(storage().browserMonitors().cancelBillingItem(A, "bill_1", new BigDecimal("5.10"), at(5))).isTrue();
        assertThat(storage().browserMonitors().cancelBillingItem(A, "bill_1", new BigDecimal("5.10"), at(6))).isFalse();
        BrowserMonitorStore.BillingItem item = storage().browserMonitors().billingItems(A).get(0);
        assertThat(item.credit()).isEqualByComparingTo("5.10");
        assertThat(item.price()).isEqualByComparingTo("9.00");
        assertThat(item.cancelledAt()).isEqualTo(at(5));
        assertThat(storage().browserMonitors().billingItems(B)).isEmpty();
    }
}
