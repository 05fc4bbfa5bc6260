package io.enori.mcp.core.checks;

import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.spi.CheckOutcome;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.InvalidNameException;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS monitors, resolved through the JDK's JNDI DNS provider: unlike {@code InetAddress} it reads every record
 * type, asks a chosen server, and honours a timeout.
 */
final class DnsChecker {

    /** Resolvers from the system configuration. */
    static final String SYSTEM_RESOLVERS = "dns:";

    private static final Logger LOG = LoggerFactory.getLogger(DnsChecker.class);

    private final String serverUrl;

    DnsChecker(String serverUrl) {
        this.serverUrl = serverUrl;
    }

    static String timedOut(long timeoutMs) {
        return "DNS lookup timed out after " + timeoutMs + " ms";
    }

    CheckOutcome check(MonitorTarget.Dns target, Duration timeout) {
        long start = System.nanoTime();
        String type = target.recordType().name();
        List<String> values;
        try {
            values = lookup(target.host(), type, timeout.toMillis());
        } catch (NamingException e) {
            LOG.debug("DNS {} lookup of {} failed", type, target.host(), e);
            return CheckOutcome.down(Reasons.elapsedMs(start), failure(e, target.host(), timeout.toMillis()));
        }
        int elapsed = Reasons.elapsedMs(start);
        if (values.isEmpty()) {
            return CheckOutcome.down(elapsed, "no " + type + " records for " + target.host());
        }
        String expected = target.expectedValue();
        if (expected == null || expected.isBlank()
                || values.stream().anyMatch(value -> DnsValues.matches(target.recordType(), expected, value))) {
            return CheckOutcome.up(elapsed);
        }
        List<String> shown = values.stream().map(value -> DnsValues.display(target.recordType(), value)).toList();
        return CheckOutcome.down(elapsed, "expected '" + expected.strip() + "' but resolved " + shown);
    }

    private List<String> lookup(String host, String type, long timeoutMs) throws NamingException {
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        env.put(Context.PROVIDER_URL, serverUrl);
        env.put("com.sun.jndi.dns.timeout.initial", String.valueOf(Reasons.positiveMillis(timeoutMs)));
        // One round only: JNDI doubles the wait on every retry, which would overrun the timeout.
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        DirContext context = new InitialDirContext(env);
        try {
            Attribute attribute = context.getAttributes(host, new String[] {type}).get(type);
            List<String> values = new ArrayList<>();
            if (attribute != null) {
                NamingEnumeration<?> all = attribute.getAll();
                while (all.hasMore()) {
                    values.add(String.valueOf(all.next()));
                }
            }
            return values;
        } finally {
            context.close();
        }
    }

    private static String failure(NamingException failure, String host, long timeoutMs) {
        if (failure instanceof NameNotFoundException) {
            return "NXDOMAIN: " + host + " does not exist";
        }
        if (failure instanceof InvalidNameException) {
            return "invalid host name " + host;
        }
        if (Reasons.find(failure, SocketTimeoutException.class) != null) {
            return timedOut(timeoutMs);
        }
        if (failure instanceof CommunicationException
                && Reasons.find(failure, PortUnreachableException.class) != null) {
            return "DNS server unreachable";
        }
        String explanation = Reasons.clean(failure.getExplanation());
        return "DNS lookup failed: " + (explanation == null ? "no reason given" : explanation);
    }
}
