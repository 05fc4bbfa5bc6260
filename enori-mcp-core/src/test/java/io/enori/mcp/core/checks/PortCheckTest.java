package io.enori.mcp.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.spi.CheckOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    // Generous: these checks answer in milliseconds; the bound only matters on a loaded shared machine.
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final DefaultCheckExecutor executor = DefaultCheckExecutor.create();

    @Test
    void listeningPortIsUp() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            MonitorTarget target = new MonitorTarget.Port("127.0.0.1", listener.getLocalPort());

            CheckOutcome outcome = executor.check(target, TIMEOUT);

            assertThat(outcome.status()).isEqualTo(CheckStatus.UP);
            assertThat(outcome.error()).isNull();
            assertThat(outcome.responseTimeMs()).isNotNull().isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void closedPortIsDownAsConnectionRefused() throws IOException {
        int port;
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            port = listener.getLocalPort();
        }

        CheckOutcome outcome = executor.check(new MonitorTarget.Port("127.0.0.1", port), TIMEOUT);

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).isEqualTo("connection refused");
    }

    @Test
    void unknownHostIsDownNamingTheHost() {
        CheckOutcome outcome = executor.check(new MonitorTarget.Port("db.example.invalid", 5432), TIMEOUT);

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).isEqualTo("unknown host db.example.invalid");
    }
}
