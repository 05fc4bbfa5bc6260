package io.enori.mcp.core.checks;

import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.spi.CheckOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ping monitors: ICMP reachability, then a TCP connect to well-known ports, because ICMP needs privileges
 * and many networks filter it while still serving HTTPS.
 */
final class PingChecker {

    private static final Logger LOG = LoggerFactory.getLogger(PingChecker.class);

    /** The ICMP probe; a seam so tests can stand in for a host that filters ICMP. */
    @FunctionalInterface
    interface Reachability {
        boolean reachable(InetAddress address, int timeoutMs) throws IOException;
    }

    private final List<Integer> fallbackPorts;
    private final Reachability icmp;
    private final String unreachable;

    PingChecker(List<Integer> fallbackPorts) {
        this(fallbackPorts, InetAddress::isReachable);
    }

    PingChecker(List<Integer> fallbackPorts, Reachability icmp) {
        this.fallbackPorts = List.copyOf(fallbackPorts);
        this.icmp = icmp;
        this.unreachable = "host unreachable (ICMP and TCP "
                + this.fallbackPorts.stream().map(String::valueOf).collect(Collectors.joining("/")) + ")";
    }

    CheckOutcome check(MonitorTarget.Ping target, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        InetAddress address;
        try {
            address = InetAddress.getByName(target.host());
        } catch (UnknownHostException e) {
            return CheckOutcome.down(Reasons.elapsedMs(start), Reasons.unknownHost(target.host()));
        }
        // ICMP gets half the budget so that a filtered host still leaves time for the TCP fallback.
        if (icmpReachable(address, timeout.toMillis() / 2)) {
            return CheckOutcome.up(Reasons.elapsedMs(start));
        }
        for (int i = 0; i < fallbackPorts.size(); i++) {
            long remainingMs = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (remainingMs <= 0) {
                break;
            }
            long sliceMs = remainingMs / (fallbackPorts.size() - i);
            if (PortChecker.connect(address, fallbackPorts.get(i), target.host(), sliceMs).isEmpty()) {
                return CheckOutcome.up(Reasons.elapsedMs(start));
            }
        }
        return CheckOutcome.down(Reasons.elapsedMs(start), unreachable);
    }

    private boolean icmpReachable(InetAddress address, long timeoutMs) {
        try {
            return icmp.reachable(address, Reasons.positiveMillis(timeoutMs));
        } catch (IOException e) {
            LOG.debug("ICMP probe of {} failed", address, e);
            return false;
        }
    }
}
