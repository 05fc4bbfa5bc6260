package io.enori.mcp.core.checks;

import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.spi.CheckOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Port monitors: up when a TCP connection to host:port opens within the timeout. */
final class PortChecker {

    private static final Logger LOG = LoggerFactory.getLogger(PortChecker.class);

    CheckOutcome check(MonitorTarget.Port target, Duration timeout) {
        long start = System.nanoTime();
        InetAddress address;
        try {
            address = InetAddress.getByName(target.host());
        } catch (UnknownHostException e) {
            return CheckOutcome.down(Reasons.elapsedMs(start), Reasons.unknownHost(target.host()));
        }
        Optional<String> failure = connect(address, target.port(), target.host(), timeout.toMillis());
        int elapsed = Reasons.elapsedMs(start);
        return failure.map(reason -> CheckOutcome.down(elapsed, reason)).orElseGet(() -> CheckOutcome.up(elapsed));
    }

    /** Empty when a TCP connection opened within {@code timeoutMs}; otherwise why it did not. */
    static Optional<String> connect(InetAddress address, int port, String host, long timeoutMs) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), Reasons.positiveMillis(timeoutMs));
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("TCP connect to {}:{} failed", host, port, e);
            return Optional.of(Reasons.describe(e, host, timeoutMs));
        }
    }
}
