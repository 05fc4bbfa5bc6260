package io.enori.mcp.core.checks;

import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.spi.CheckExecutor;
import io.enori.mcp.api.spi.CheckOutcome;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in {@link CheckExecutor}: real network checks for Website (HTTP GET), Port (TCP connect),
 * Ping (ICMP, falling back to TCP), DNS (resolve and compare) and Domain (registration expiry over RDAP)
 * targets.
 *
 * <p>A failing target never throws: it yields a {@code DOWN} {@link CheckOutcome} whose reason is written for
 * people ("connection refused", "HTTP 503 (expected 200-399)", "registration expires 2026-12-01 (6 days)").
 * No check outlives its timeout by more than a short grace period. Job targets are heartbeat monitors whose
 * state comes from the pings they receive, so they raise {@link CheckExecutor.NotCheckableException}.
 * Instances are immutable and safe for concurrent use.
 *
 * <pre>{@code
 * CheckExecutor checks = DefaultCheckExecutor.create();
 * CheckOutcome outcome = checks.check(new MonitorTarget.Port("db.internal", 5432), Duration.ofSeconds(5));
 * }</pre>
 */
public final class DefaultCheckExecutor implements CheckExecutor {

    static final String JOB_NOT_CHECKABLE = "Job monitors are heartbeat monitors: their state comes from the"
            + " heartbeats they receive, not from a check of a target.";

    // Checkers bound their own I/O; this backstop covers what they cannot, such as a slow system resolver.
    private static final long GRACE_MS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(DefaultCheckExecutor.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final WebsiteChecker website;
    private final PortChecker port;
    private final PingChecker ping;
    private final DnsChecker dns;
    private final DomainChecker domain;
    private final ExecutorService workers;

    private DefaultCheckExecutor(Builder builder) {
        this.website = new WebsiteChecker(builder.sslContext);
        this.port = new PortChecker();
        this.ping = new PingChecker(builder.pingFallbackPorts == null ? List.of(443, 80) : builder.pingFallbackPorts);
        this.dns = new DnsChecker(builder.dnsServer == null ? DnsChecker.SYSTEM_RESOLVERS : builder.dnsServer);
        this.domain = new DomainChecker(
                builder.rdapBaseUrl == null ? DomainChecker.DEFAULT_BASE_URL : builder.rdapBaseUrl,
                builder.domainExpiryWarning == null ? DomainChecker.DEFAULT_WARNING : builder.domainExpiryWarning,
                builder.clock == null ? Clock.systemUTC() : builder.clock);
        ThreadFactory daemons = task -> {
            Thread thread = new Thread(task, "enori-check-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.workers = Executors.newCachedThreadPool(daemons);
    }

    /**
     * An executor that trusts the system's certificate authorities, asks the system's DNS resolvers and reads
     * domain registrations from {@code https://rdap.org}.
     */
    public static DefaultCheckExecutor create() {
        return builder().build();
    }

    /** A builder for an executor with its own TLS trust, ping fallback ports, DNS server, RDAP server or clock. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks {@code target} once, taking about {@code timeout} at most.
     *
     * @throws NotCheckableException for Job targets
     * @throws IllegalArgumentException when {@code timeout} is not positive
     */
    @Override
    public CheckOutcome check(MonitorTarget target, Duration timeout) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        Callable<CheckOutcome> check = route(target, timeout);
        long start = System.nanoTime();
        CheckOutcome outcome = runBounded(target, check, timeout, start);
        LOG.debug("{} check of {} is {} in {} ms: {}", target.type(), target.address(), outcome.status(),
                Reasons.elapsedMs(start), outcome.error() == null ? "ok" : outcome.error());
        return outcome;
    }

    private Callable<CheckOutcome> route(MonitorTarget target, Duration timeout) {
        if (target instanceof MonitorTarget.Website site) {
            return () -> website.check(site, timeout);
        }
        if (target instanceof MonitorTarget.Port endpoint) {
            return () -> port.check(endpoint, timeout);
        }
        if (target instanceof MonitorTarget.Ping host) {
            return () -> ping.check(host, timeout);
        }
        if (target instanceof MonitorTarget.Dns lookup) {
            return () -> dns.check(lookup, timeout);
        }
        if (target instanceof MonitorTarget.Domain registration) {
            return () -> domain.check(registration, timeout);
        }
        if (target instanceof MonitorTarget.Job) {
            throw new NotCheckableException(JOB_NOT_CHECKABLE);
        }
        if (target instanceof MonitorTarget.Browser) {
            throw new NotCheckableException("Browser monitors are run by the scheduler's browser check executor.");
        }
        throw new IllegalStateException("no checker for " + target.type() + " monitors");
    }

    private CheckOutcome runBounded(MonitorTarget target, Callable<CheckOutcome> check, Duration timeout, long start) {
        long timeoutMs = timeout.toMillis();
        Future<CheckOutcome> running = workers.submit(check);
        try {
            return running.get(timeoutMs + GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            String reason = target instanceof MonitorTarget.Dns ? DnsChecker.timedOut(timeoutMs)
                    : target instanceof MonitorTarget.Domain ? "RDAP lookup " + Reasons.timedOut(timeoutMs)
                    : Reasons.timedOut(timeoutMs);
            return CheckOutcome.down(Reasons.elapsedMs(start), reason);
        } catch (ExecutionException e) {
            LOG.debug("{} check of {} failed unexpectedly", target.type(), target.address(), e.getCause());
            return CheckOutcome.down(Reasons.elapsedMs(start),
                    "check failed: " + Reasons.deepestMessage(e.getCause(), "unexpected error"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancel(true);
            return CheckOutcome.down(Reasons.elapsedMs(start), "check interrupted");
        }
    }

    /** Settings for a {@link DefaultCheckExecutor}; each may be set once, and every one is optional. */
    public static final class Builder {

        private SSLContext sslContext;
        private List<Integer> pingFallbackPorts;
        private String dnsServer;
        private URI rdapBaseUrl;
        private Duration domainExpiryWarning;
        private Clock clock;

        private Builder() {
        }

        /** The TLS context Website checks use, e.g. one trusting a private CA; default: the system's trust. */
        public Builder sslContext(SSLContext sslContext) {
            Objects.requireNonNull(sslContext, "sslContext");
            if (this.sslContext != null) {
                throw new IllegalStateException("sslContext is already set");
            }
            this.sslContext = sslContext;
            return this;
        }

        /** TCP ports a Ping check tries, in order, when ICMP gets no answer; default: 443 then 80. */
        public Builder pingFallbackPorts(int... ports) {
            Objects.requireNonNull(ports, "pingFallbackPorts");
            if (this.pingFallbackPorts != null) {
                throw new IllegalStateException("pingFallbackPorts is already set");
            }
            if (ports.length == 0) {
                throw new IllegalArgumentException("pingFallbackPorts needs at least one port");
            }
            List<Integer> checked = new ArrayList<>();
            for (int port : ports) {
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("pingFallbackPorts must be 1-65535, was " + port);
                }
                checked.add(port);
            }
            this.pingFallbackPorts = List.copyOf(checked);
            return this;
        }

        /**
         * The DNS server DNS checks ask, as a JNDI DNS URL such as {@code "dns://10.0.0.2"} or
         * {@code "dns://127.0.0.1:5353"}; default: the system's resolvers.
         */
        public Builder dnsServer(String url) {
            Objects.requireNonNull(url, "dnsServer");
            if (this.dnsServer != null) {
                throw new IllegalStateException("dnsServer is already set");
            }
            if (!url.startsWith("dns:")) {
                throw new IllegalArgumentException(
                        "dnsServer must be a dns: URL such as dns://127.0.0.1:53, was " + url);
            }
            this.dnsServer = url;
            return this;
        }

        /**
         * The RDAP service Domain checks ask, as {@code <base>/domain/<host>}; default {@code https://rdap.org},
         * which redirects to each registry's own server.
         */
        public Builder rdapBaseUrl(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "rdapBaseUrl");
            if (this.rdapBaseUrl != null) {
                throw new IllegalStateException("rdapBaseUrl is already set");
            }
            String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null
                    || baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
                throw new IllegalArgumentException(
                        "rdapBaseUrl must be an http:// or https:// URL without query or fragment, was " + baseUrl);
            }
            this.rdapBaseUrl = baseUrl;
            return this;
        }

        /**
         * How long before its registration expires a Domain monitor goes down, so there is time to renew;
         * default 14 days.
         */
        public Builder domainExpiryWarning(Duration warning) {
            Objects.requireNonNull(warning, "domainExpiryWarning");
            if (this.domainExpiryWarning != null) {
                throw new IllegalStateException("domainExpiryWarning is already set");
            }
            if (warning.isNegative()) {
                throw new IllegalArgumentException("domainExpiryWarning must not be negative, was " + warning);
            }
            this.domainExpiryWarning = warning;
            return this;
        }

        /** The clock Domain checks compare expiry dates with; default the system's UTC clock. */
        public Builder clock(Clock clock) {
            Objects.requireNonNull(clock, "clock");
            if (this.clock != null) {
                throw new IllegalStateException("clock is already set");
            }
            this.clock = clock;
            return this;
        }

        /** An immutable executor with these settings. */
        public DefaultCheckExecutor build() {
            return new DefaultCheckExecutor(this);
        }
    }
}
