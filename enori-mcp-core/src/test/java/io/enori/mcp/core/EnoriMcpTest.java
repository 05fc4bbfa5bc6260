package io.enori.mcp.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.core.store.JdbiStorage;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnoriMcpTest {

    private static JdbiStorage freshStorage() {
        return JdbiStorage.create("jdbc:h2:mem:core" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void schedulerStaysIdleUntilAStartAndStopsOnClose() {
        try (EnoriMcp enori = EnoriMcp.builder().storage(freshStorage()).checkWorkers(2).build()) {
            assertThat(enori.scheduler().isRunning()).as("building the core starts nothing").isFalse();
            enori.scheduler().start();
            assertThat(enori.scheduler().isRunning()).isTrue();
            enori.close();
            assertThat(enori.scheduler().isRunning()).isFalse();
        }
    }

    @Test
    void builderFailsFastOnDoubledStorageAndBadSettingsNamingThem() {
        assertThatThrownBy(() -> EnoriMcp.builder().jdbcUrl("jdbc:h2:mem:a").storage(freshStorage()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("storage");
        assertThatThrownBy(() -> EnoriMcp.builder().checkWorkers(0)).hasMessageContaining("checkWorkers");
        assertThatThrownBy(() -> EnoriMcp.builder().rateLimits(0, 10)).hasMessageContaining("rateLimits");
        assertThatThrownBy(() -> EnoriMcp.builder().publicBaseUrl("ftp://x")).hasMessageContaining("publicBaseUrl");
    }
}
