package io.enori.mcp.core.store;

import io.enori.mcp.api.Account;
import io.enori.mcp.api.ApiKey;
import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.Incident;
import io.enori.mcp.api.IncidentEvent;
import io.enori.mcp.api.IncidentStatus;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorStatus;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.Plan;
import io.enori.mcp.api.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Valid records for the storage contract. Instants carry microseconds on purpose: stores keep microseconds,
 * so whole records must compare equal after a round trip.
 */
final class Fixtures {

    static final String A = "acc_A";
    static final String B = "acc_B";
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456Z");
    static final Plan PLAN = new Plan("team", 10, 2, 3, 1);

    private Fixtures() {
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static Instant atMillis(long millis) {
        return T0.plus(Duration.ofMillis(millis));
    }

    static Account account(String id, String name, Instant createdAt) {
        return new Account(id, name, PLAN, createdAt);
    }

    static String monitorId(int n) {
        return String.format("mon_%04d", n);
    }

    static MonitorTarget.Website website() {
        return new MonitorTarget.Website("https://example.com/health", "ok", List.of(200, 204));
    }

    /** A never-checked, unpaused monitor. */
    static Monitor monitor(String accountId, String id, String name, MonitorTarget target) {
        return new Monitor(id, accountId, name, target, 60, 5_000, 2, List.of("ch_1", "ch_2"), false,
                MonitorStatus.PENDING, 0, null, null, null, null, null, T0, T0);
    }

    static Monitor monitor(String accountId, String id) {
        return monitor(accountId, id, "Monitor " + id, website());
    }

    static Monitor withState(Monitor m, MonitorStatus status, int failures, Instant lastCheckedAt,
                             Integer lastResponseMs, Instant lastSuccessAt, Instant sslExpiresAt) {
        return new Monitor(m.id(), m.accountId(), m.name(), m.target(), m.intervalSeconds(), m.timeoutMs(),
                m.alertAfterFailures(), m.channelIds(), m.paused(), status, failures, lastCheckedAt, lastResponseMs,
                lastSuccessAt, sslExpiresAt, m.domainExpiresAt(), m.createdAt(), m.updatedAt());
    }

    static Monitor withDomainExpiry(Monitor m, Instant domainExpiresAt) {
        return new Monitor(m.id(), m.accountId(), m.name(), m.target(), m.intervalSeconds(), m.timeoutMs(),
                m.alertAfterFailures(), m.channelIds(), m.paused(), m.status(), m.consecutiveFailures(),
                m.lastCheckedAt(), m.lastResponseTimeMs(), m.lastSuccessAt(), m.sslExpiresAt(), domainExpiresAt,
                m.createdAt(), m.updatedAt());
    }

    static Monitor withConfig(Monitor m, String name, MonitorTarget target, int intervalSeconds, int timeoutMs,
                              int alertAfterFailures, List<String> channelIds, boolean paused, Instant updatedAt) {
        return new Monitor(m.id(), m.accountId(), name, target, intervalSeconds, timeoutMs, alertAfterFailures,
                channelIds, paused, m.status(), m.consecutiveFailures(), m.lastCheckedAt(), m.lastResponseTimeMs(),
                m.lastSuccessAt(), m.sslExpiresAt(), m.domainExpiresAt(), m.createdAt(), updatedAt);
    }

    static Monitor paused(Monitor m, MonitorStatus checkedStatus) {
        Monitor withStatus = withState(m, checkedStatus, 0, null, null, null, null);
        return withConfig(withStatus, m.name(), m.target(), m.intervalSeconds(), m.timeoutMs(),
                m.alertAfterFailures(), m.channelIds(), true, m.updatedAt());
    }

    static CheckResult check(String accountId, String monitorId, String id, CheckStatus status, Integer responseMs,
                             Instant checkedAt) {
        return new CheckResult(id, accountId, monitorId, status, responseMs, status == CheckStatus.UP ? 200 : null,
                status == CheckStatus.UP ? null : "connection refused", null, null, null, checkedAt);
    }

    static ApiKey key(String id, String accountId, String secretHash, Instant createdAt) {
        return new ApiKey(id, accountId, "key " + id, "enk_" + id, secretHash,
                Set.of(Scope.MONITORS_READ, Scope.MONITORS_WRITE), createdAt, null);
    }

    /** An open incident that nobody has touched since it started. */
    static Incident incident(String accountId, String id, String monitorId, Instant startedAt) {
        return new Incident(id, accountId, monitorId, IncidentStatus.OPEN, "connection refused", startedAt, null,
                null, null, null, null, startedAt);
    }

    static Incident acknowledged(Incident i, String by, Instant at) {
        return new Incident(i.id(), i.accountId(), i.monitorId(), IncidentStatus.ACKNOWLEDGED, i.cause(),
                i.startedAt(), at, by, null, null, null, at);
    }

    /** Resolved by {@code by}, or by recovery when {@code by} is {@code null}; an acknowledgement is kept. */
    static Incident resolved(Incident i, String by, String note, Instant at) {
        return new Incident(i.id(), i.accountId(), i.monitorId(), IncidentStatus.RESOLVED, i.cause(),
                i.startedAt(), i.acknowledgedAt(), i.acknowledgedBy(), at, by, note, at);
    }

    /** The timeline entry {@code <incident id>_<kind>} for a change of {@code incident}. */
    static IncidentEvent event(Incident incident, IncidentEvent.Kind kind, String author, Instant at) {
        return new IncidentEvent(incident.id() + "_" + kind.wireName(), incident.accountId(), incident.id(), kind,
                kind.wireName() + " by " + author, author, at);
    }
}
