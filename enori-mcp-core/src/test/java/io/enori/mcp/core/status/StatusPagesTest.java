package io.enori.mcp.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.Plan;
import io.enori.mcp.api.PlanLimitException;
import io.enori.mcp.api.StatusPage;
import io.enori.mcp.api.StatusPage.Component;
import io.enori.mcp.core.testing.OpsHarness;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusPagesTest {
    private OpsHarness h;
    private StatusPages pages;
    private String account;

    @BeforeEach
    void setUp() {
        h = OpsHarness.create();
        pages = h.enori.statusPages();
        account = h.admin.accountId();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void createsListsFindsAndDeletesPagesOfOneAccount() {
        String shop = h.monitor("Shop");
        String api = h.monitor("API");

        StatusPage page = pages.create(account, " Acme status ", "acme",
                List.of(new Component("Website", shop), new Component("API", api)));

        assertThat(page.id()).startsWith("sp_");
        assertThat(page.name()).isEqualTo("Acme status");
        assertThat(page.createdAt()).isEqualTo(OpsHarness.START);
        assertThat(pages.find(account, page.id())).contains(page);
        assertThat(pages.list(account)).containsExactly(page);
        assertThat(pages.list(h.outsider.accountId())).isEmpty();
        assertThat(pages.find(h.outsider.accountId(), page.id())).isEmpty();
        assertThat(pages.delete(h.outsider.accountId(), page.id())).isFalse();
        assertThat(pages.delete(account, page.id())).isTrue();
        assertThat(pages.list(account)).isEmpty();
    }

    @Test
    void refusesMonitorsOfAnotherAccountOrUnknownOnesAndCreatesNothing() {
        String shop = h.monitor("Shop");
        String theirs = h.monitor(h.outsider, "Theirs", h.newSite());

        assertThatThrownBy(() -> pages.create(account, "Status",
                List.of(new Component("Shop", shop), new Component("Theirs", theirs))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Monitor not found: " + theirs);
        assertThatThrownBy(() -> pages.create(account, "Status", List.of(new Component("X", "mon_missing"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Monitor not found: mon_missing");
        assertThatThrownBy(() -> pages.create("acc_nobody", "Status", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown account");
        assertThat(pages.list(account)).isEmpty();
    }

    @Test
    void slugsMustBeWellFormedAndFree() {
        pages.create(account, "One", "status", List.of());

        assertThatThrownBy(() -> pages.create(h.outsider.accountId(), "Two", "status", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taken");
        assertThatThrownBy(() -> pages.create(account, "Three", "Not A Slug", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slug");
        assertThat(pages.list(h.outsider.accountId())).isEmpty();
    }

    @Test
    void thePlanCapOnStatusPagesIsAnExceptionTheHostCanRead() {
        try (OpsHarness tiny = OpsHarness.create(b -> b.defaultPlan(new Plan("tiny", 10, 2, 5, 0)))) {
            String acc = tiny.admin.accountId();
            tiny.enori.statusPages().create(acc, "One", List.of());
            tiny.enori.statusPages().create(acc, "Two", List.of());

            assertThatThrownBy(() -> tiny.enori.statusPages().create(acc, "Three", List.of()))
                    .isInstanceOfSatisfying(PlanLimitException.class, e -> {
                        assertThat(e.getMessage()).startsWith("Plan limit reached").contains("status_pages");
                        assertThat(e.cap()).isEqualTo("status_pages");
                        assertThat(e.limit()).isEqualTo(2);
                        assertThat(e.planName()).isEqualTo("tiny");
                        assertThat(e.toToolError().message()).isEqualTo("Plan limit reached");
                        assertThat(e.toToolError().details()).containsEntry("cap", "status_pages");
                    });
            assertThat(tiny.enori.statusPages().list(acc)).hasSize(2);
            // Another account has a cap of its own.
            tiny.enori.statusPages().create(tiny.outsider.accountId(), "Theirs", List.of());
        }
    }
}
