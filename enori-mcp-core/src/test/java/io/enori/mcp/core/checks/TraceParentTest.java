package io.enori.mcp.core.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraceParentTest {

    @Test
    void isVersion00WithFreshIdsAndTheSampledFlag() {
        Set<String> traceIds = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            TraceParent p = TraceParent.random();
            assertThat(p.header()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                    .isEqualTo("00-" + p.traceId() + "-" + p.spanId() + "-01");
            traceIds.add(p.traceId());
        }
        assertThat(traceIds).hasSize(1000);
    }

    @Test
    void allZeroIdsAreInvalid() {
        assertThatThrownBy(() -> new TraceParent("0".repeat(32), "00f067aa0ba902b7"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "0".repeat(16)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
