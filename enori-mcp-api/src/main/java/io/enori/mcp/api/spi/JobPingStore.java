package io.enori.mcp.api.spi;

import io.enori.mcp.api.JobPing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Heartbeats of job monitors. Every read and write names the account, so one account can never reach another's
 * pings. "Latest" means greatest {@code receivedAt}, ties broken by the greater id.
 */
public interface JobPingStore {

    /** Stores a ping of an existing monitor of the ping's account, with its metrics, all or nothing. */
    void insert(JobPing ping);

    /** The most recent ping of the monitor, of any kind. */
    Optional<JobPing> latest(String accountId, String monitorId);

    /** The most recent ping of the monitor of one kind. */
    Optional<JobPing> latest(String accountId, String monitorId, JobPing.Kind kind);

    /** The most recent {@link JobPing.Kind#SUCCESS} ping of the monitor, if it ever had one. */
    default Optional<JobPing> lastSuccess(String accountId, String monitorId) {
        return latest(accountId, monitorId, JobPing.Kind.SUCCESS);
    }

    /**
     * The monitor's pings newest first, keyset-paged by time and id.
     *
     * @throws IllegalArgumentException when {@code page.afterKey()} is not a key this store produced
     */
    default Page<JobPing> list(String accountId, String monitorId, PageRequest page) {
        return list(accountId, monitorId, Filter.ALL, page);
    }

    /**
     * Which pings a filtered listing returns: those received in {@code [since, until)}, of one kind and one run
     * when given. Every field may be {@code null}.
     */
    record Filter(Instant since, Instant until, JobPing.Kind kind, String runId) {
        /** No filter at all. */
        public static final Filter ALL = new Filter(null, null, null, null);
    }

    /**
     * The monitor's pings matching {@code filter}, newest first, keyset-paged by time and id.
     *
     * @throws IllegalArgumentException when {@code page.afterKey()} is not a key this store produced
     */
    Page<JobPing> list(String accountId, String monitorId, Filter filter, PageRequest page);

    /** A metric key a monitor's pings reported in a range: how often, and its newest value. */
    record MetricKey(String key, long count, double lastValue, Instant lastAt) {
        public MetricKey {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(lastAt, "lastAt");
        }
    }

    /** The distinct metric keys of the monitor's pings received in {@code [since, until)}, sorted by key. */
    List<MetricKey> metricKeys(String accountId, String monitorId, Instant since, Instant until);

    /** One reported value of a metric. */
    record MetricPoint(Instant t, double value, String runId) {
        public MetricPoint {
            Objects.requireNonNull(t, "t");
        }
    }

    /** How many values of {@code key} the monitor's pings reported in {@code [since, until)}. */
    long countMetricPoints(String accountId, String monitorId, String key, Instant since, Instant until);

    /** The values of {@code key} reported in {@code [since, until)}, oldest first, at most {@code limit}. */
    List<MetricPoint> metricPoints(String accountId, String monitorId, String key, Instant since, Instant until,
                                   int limit);

    /** The values of one metric that fell into one time bucket {@code [start, start + size)}. */
    record MetricBucket(Instant start, long count, double avg, double min, double max) {
        public MetricBucket {
            Objects.requireNonNull(start, "start");
        }
    }

    /**
     * The values of {@code key} reported in {@code [since, until)}, aggregated into buckets of {@code size}
     * aligned to the epoch, oldest first; empty buckets are left out.
     */
    List<MetricBucket> metricBuckets(String accountId, String monitorId, String key, Instant since, Instant until,
                                     Duration size);

    /** The account and monitor a heartbeat token belongs to. */
    record TokenOwner(String accountId, String monitorId) {
        public TokenOwner {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(monitorId, "monitorId");
        }
    }

    /**
     * Gives the monitor its heartbeat token unless it already has one.
     *
     * @return the monitor's token: {@code token} when it had none, else the one it already had
     */
    String ensureToken(String accountId, String monitorId, String token, Instant createdAt);

    /** The monitor's heartbeat token, if it was given one. */
    Optional<String> token(String accountId, String monitorId);

    /**
     * Who a heartbeat token belongs to, across all accounts: this is how an anonymous job's ping is attributed.
     */
    Optional<TokenOwner> findByToken(String token);
}
