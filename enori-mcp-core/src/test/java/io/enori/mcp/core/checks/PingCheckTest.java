package io.enori.mcp.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.spi.CheckOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PingCheckTest {

    // Generous: these checks answer in milliseconds; the bound only matters on a loaded shared machine.
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final PingChecker.Reachability ICMP_FILTERED = (address, timeoutMs) -> false;

    @Test
    void loopbackIsUp() {
        CheckOutcome outcome = DefaultCheckExecutor.create().check(new MonitorTarget.Ping("127.0.0.1"), TIMEOUT);

        assertThat(outcome.status()).isEqualTo(CheckStatus.UP);
        assertThat(outcome.responseTimeMs()).isNotNull().isGreaterThanOrEqualTo(0);
    }

    @Test
    void unknownHostIsDownNamingTheHost() {
        CheckOutcome outcome = DefaultCheckExecutor.create().check(new MonitorTarget.Ping("nothing.invalid"), TIMEOUT);

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).isEqualTo("unknown host nothing.invalid");
    }

    @Test
    void hostFilteringIcmpIsUpWhenAFallbackPortAccepts() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            int closed = closedPort();
            PingChecker checker = new PingChecker(List.of(closed, listener.getLocalPort()), ICMP_FILTERED);

            CheckOutcome outcome = checker.check(new MonitorTarget.Ping("127.0.0.1"), TIMEOUT);

            assertThat(outcome.status()).isEqualTo(CheckStatus.UP);
        }
    }

    @Test
    void hostAnsweringNeitherIcmpNorTcpIsDownNamingTheFallbackPorts() throws IOException {
        int first = closedPort();
        int second = closedPort();
        PingChecker checker = new PingChecker(List.of(first, second), ICMP_FILTERED);

        CheckOutcome outcome = checker.check(new MonitorTarget.Ping("127.0.0.1"), TIMEOUT);

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).isEqualTo("host unreachable (ICMP and TCP " + first + "/" + second + ")");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
