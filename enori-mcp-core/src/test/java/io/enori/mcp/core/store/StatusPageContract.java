package io.enori.mcp.core.store;

import static io.enori.mcp.core.store.Fixtures.A;
import static io.enori.mcp.core.store.Fixtures.B;
import static io.enori.mcp.core.store.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.EnoriMcpException;
import io.enori.mcp.api.StatusPage;
import io.enori.mcp.api.StatusPage.Component;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Status pages and their components. */
interface StatusPageContract extends ContractSupport {

    static StatusPage page(String accountId, String id, String slug, Component... components) {
        return new StatusPage(id, accountId, "Page " + id, slug, List.of(components), at(1));
    }

    default StatusPage givenPage(StatusPage page) {
        storage().statusPages().insert(page);
        return page;
    }

    @Test
    default void aPageRoundTripsWithItsComponentsInOrder() {
        givenMonitor(A, "mon_1");
        givenMonitor(A, "mon_2");
        StatusPage page = givenPage(page(A, "sp_1", "acme", new Component("API", "mon_2"),
                new Component("Website", "mon_1"), new Component("API (EU)", "mon_2")));
        StatusPage empty = givenPage(page(A, "sp_2", null));

        assertThat(storage().statusPages().find(A, "sp_1")).contains(page);
        assertThat(storage().statusPages().find(A, "sp_2")).contains(empty);
        assertThat(storage().statusPages().findBySlug("acme")).contains(page);
        assertThat(storage().statusPages().findBySlug("nope")).isEmpty();
        assertThat(storage().statusPages().listAll(A)).containsExactly(page, empty);
        assertThat(storage().statusPages().count(A)).isEqualTo(2);
    }

    @Test
    default void anotherAccountCannotSeeOrDeleteAPageNorPointAtAnotherAccountsMonitor() {
        givenMonitor(A, "mon_1");
        StatusPage page = givenPage(page(A, "sp_1", null, new Component("API", "mon_1")));

        assertThat(storage().statusPages().find(B, "sp_1")).isEmpty();
        assertThat(storage().statusPages().listAll(B)).isEmpty();
        assertThat(storage().statusPages().count(B)).isZero();
        assertThat(storage().statusPages().delete(B, "sp_1")).isFalse();
        assertThat(storage().statusPages().find(A, "sp_1")).contains(page);
        assertThatThrownBy(() -> storage().statusPages().insert(page(B, "sp_2", null, new Component("X", "mon_1"))))
                .isInstanceOf(EnoriMcpException.class);
        assertThat(storage().statusPages().find(B, "sp_2")).isEmpty();
    }

    @Test
    default void slugsAreUniqueAcrossAccounts() {
        givenPage(page(A, "sp_1", "status"));

        assertThatThrownBy(() -> storage().statusPages().insert(page(B, "sp_2", "status")))
                .isInstanceOf(EnoriMcpException.class).hasMessageContaining("same key");
        assertThat(storage().statusPages().count(B)).isZero();
    }

    @Test
    default void deleteRemovesThePageAndItsComponentsOnce() {
        givenMonitor(A, "mon_1");
        givenPage(page(A, "sp_1", "acme", new Component("API", "mon_1")));

        assertThat(storage().statusPages().delete(A, "sp_1")).isTrue();
        assertThat(storage().statusPages().delete(A, "sp_1")).isFalse();
        assertThat(storage().statusPages().find(A, "sp_1")).isEmpty();
        // The slug is free again.
        givenPage(page(A, "sp_2", "acme", new Component("API", "mon_1")));
        assertThat(storage().statusPages().findBySlug("acme").orElseThrow().id()).isEqualTo("sp_2");
    }

    @Test
    default void listPagesOldestFirstByIdWithoutGapsOrRepeats() {
        givenMonitor(A, "mon_1");
        List<StatusPage> expected = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            expected.add(givenPage(page(A, "sp_" + i, null, new Component("C" + i, "mon_1"))));
        }
        givenPage(page(B, "sp_0", null));
        List<StatusPage> seen = new ArrayList<>();
        String key = null;
        do {
            Page<StatusPage> page = storage().statusPages().list(A, new PageRequest(2, key));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.items());
            key = page.nextKey();
        } while (key != null && seen.size() <= expected.size());

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(storage().statusPages().list(A, PageRequest.first(5)).nextKey()).isNull();
    }
}
