package io.enori.mcp.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PagingTest {

    @Test
    void cursorRoundTripsTheStoreKey() {
        String cursor = Paging.cursor("list_monitors", "mon_123|x");
        assertThat(cursor).doesNotContain("mon_123");
        assertThat(Paging.request("list_monitors", 10, cursor).afterKey()).isEqualTo("mon_123|x");
    }

    @Test
    void lastPageHasNoCursorAndDefaultsApply() {
        assertThat(Paging.cursor("list_monitors", null)).isNull();
        assertThat(Paging.request("list_monitors", null, null).limit()).isEqualTo(Paging.DEFAULT_LIMIT);
    }

    @Test
    void rejectsCursorsOfOtherToolsAndGarbage() {
        String other = Paging.cursor("get_check_results", "k");
        assertThatThrownBy(() -> Paging.request("list_monitors", 10, other))
                .hasMessageStartingWith("Invalid argument: cursor is not a cursor returned by this tool");
        assertThatThrownBy(() -> Paging.request("list_monitors", 10, "%%%"))
                .hasMessageStartingWith("Invalid argument: cursor");
    }
}
