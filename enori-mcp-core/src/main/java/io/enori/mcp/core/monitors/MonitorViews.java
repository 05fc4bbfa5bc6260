package io.enori.mcp.core.monitors;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorStatus;
import io.enori.mcp.api.MonitorTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/** How monitors and check results look to a client. */
final class MonitorViews {
    private MonitorViews() {
    }

    /** One line of a monitor list. */
    record MonitorSummary(String id, String name, String type, String status, String address, int intervalSeconds,
                          Integer lastResponseTimeMs, Instant lastCheckedAt) {
    }

    /** TLS certificate seen by the last https check. */
    record Ssl(Instant expiresAt, long daysLeft) {
    }

    /** Domain registration read over RDAP by the last Domain check. */
    record DomainRegistration(Instant expiresAt, long daysLeft) {
    }

    /** Everything about one monitor: configuration, state, TLS, domain registration and alert settings. */
    record MonitorDetail(String id, String name, String type, String status, boolean paused, String address,
                         String url, String keyword, List<Integer> expectedStatusCodes, String host, Integer port,
                         String recordType, String expectedValue, Integer graceSeconds, int intervalSeconds,
                         int timeoutMs, int alertAfterFailures, List<String> channelIds, int consecutiveFailures,
                         Instant lastCheckedAt, Integer lastResponseTimeMs, Instant lastSuccessAt, Ssl ssl,
                         DomainRegistration domainRegistration, Instant createdAt, Instant updatedAt,
                         String heartbeatUrl) {
    }

    /** One stored check. */
    record CheckView(String id, String status, Integer responseTimeMs, Integer statusCode, String error,
                     Boolean contentMatched, OffsetDateTime checkedAt, String traceId) {
    }

    /** What clients see as status: paused wins over the last check's verdict. */
    static String reportedStatus(Monitor m) {
        return (m.paused() ? MonitorStatus.PAUSED : m.status()).wireName();
    }

    static MonitorSummary summary(Monitor m) {
        return new MonitorSummary(m.id(), m.name(), m.type().wireName(), reportedStatus(m), m.target().address(),
                m.intervalSeconds(), m.lastResponseTimeMs(), m.lastCheckedAt());
    }

    /** @param heartbeatUrl where a job monitor's job reports (url, url/start, url/fail); null for others */
    static MonitorDetail detail(Monitor m, Instant now, String heartbeatUrl) {
        MonitorTarget t = m.target();
        MonitorTarget.Website web = t instanceof MonitorTarget.Website w ? w : null;
        MonitorTarget.Dns dns = t instanceof MonitorTarget.Dns d ? d : null;
        Integer port = t instanceof MonitorTarget.Port p ? p.port() : null;
        Integer grace = t instanceof MonitorTarget.Job j ? j.graceSeconds() : null;
        Ssl ssl = m.sslExpiresAt() == null ? null
                : new Ssl(m.sslExpiresAt(), Duration.between(now, m.sslExpiresAt()).toDays());
        DomainRegistration registration = m.domainExpiresAt() == null ? null
                : new DomainRegistration(m.domainExpiresAt(), Duration.between(now, m.domainExpiresAt()).toDays());
        return new MonitorDetail(m.id(), m.name(), m.type().wireName(), reportedStatus(m), m.paused(), t.address(),
                web != null ? web.url() : t instanceof MonitorTarget.Browser b ? b.url() : null,
                web == null ? null : web.keyword(),
                web == null ? null : web.expectedStatusCodes(), host(t), port,
                dns == null ? null : dns.recordType().name(), dns == null ? null : dns.expectedValue(), grace,
                m.intervalSeconds(), m.timeoutMs(), m.alertAfterFailures(), m.channelIds(), m.consecutiveFailures(),
                m.lastCheckedAt(), m.lastResponseTimeMs(), m.lastSuccessAt(), ssl, registration, m.createdAt(),
                m.updatedAt(), heartbeatUrl);
    }

    static CheckView check(CheckResult r, Function<Instant, OffsetDateTime> local) {
        return new CheckView(r.id(), r.status().wireName(), r.responseTimeMs(), r.statusCode(), r.error(),
                r.contentMatched(), local.apply(r.checkedAt()), r.traceId());
    }

    static String host(MonitorTarget t) {
        if (t instanceof MonitorTarget.Ping p) {
            return p.host();
        }
        if (t instanceof MonitorTarget.Port p) {
            return p.host();
        }
        if (t instanceof MonitorTarget.Dns d) {
            return d.host();
        }
        if (t instanceof MonitorTarget.Domain d) {
            return d.host();
        }
        return null;
    }

    /** Rounds for display; storage and math keep full precision. */
    static Double round1(Double value) {
        return value == null ? null : Math.round(value * 10.0) / 10.0;
    }
}
