package io.enori.mcp.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One heartbeat a job monitor received: the job started, succeeded or failed. A job monitor is up while a
 * {@link Kind#SUCCESS} ping arrived within its interval plus grace and no {@link Kind#FAIL} came after it.
 *
 * @param id         the ping's id, {@code png_…}
 * @param runId      the job's own id for one run, tying its start to its end; {@code null} when not sent
 * @param receivedAt when the ping arrived, by the server's clock
 * @param durationMs how long the run took, as the job reported it; {@code null} when not sent
 * @param message    the job's own words, at most {@link #MAX_MESSAGE_LENGTH} characters; {@code null} when not sent
 * @param metrics    numeric values the job reported (at most {@link #MAX_METRICS}, keys
 *                   {@code [a-zA-Z0-9_.-]{1,64}}), sorted by key; empty when none
 */
public record JobPing(String id, String accountId, String monitorId, Kind kind, String runId, Instant receivedAt,
                      Long durationMs, String message, Map<String, Double> metrics) {

    /** The prefix of every ping id. */
    public static final String ID_PREFIX = "png_";

    /** The longest {@code runId} kept. */
    public static final int MAX_RUN_ID_LENGTH = 200;

    /** The longest {@code message} kept. */
    public static final int MAX_MESSAGE_LENGTH = 1000;

    /** The most metrics one ping carries. */
    public static final int MAX_METRICS = 50;

    /** What a metric key looks like. */
    public static final Pattern METRIC_KEY = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");

    /** What the job reported. */
    public enum Kind {
        /** A run began; does not change the monitor's state. */
        START,
        /** A run finished successfully; the monitor is up. */
        SUCCESS,
        /** A run failed; the monitor is down. */
        FAIL;

        /** The lower-case name clients see. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public JobPing {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(monitorId, "monitorId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (!id.startsWith(ID_PREFIX)) {
            throw new IllegalArgumentException("a job ping id starts with " + ID_PREFIX + ": " + id);
        }
        if (runId != null && (runId.isBlank() || runId.length() > MAX_RUN_ID_LENGTH)) {
            throw new IllegalArgumentException("runId must be 1-" + MAX_RUN_ID_LENGTH + " non-blank characters");
        }
        if (durationMs != null && durationMs < 0) {
            throw new IllegalArgumentException("durationMs must be >= 0");
        }
        if (message != null && message.length() > MAX_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("message must be at most " + MAX_MESSAGE_LENGTH + " characters");
        }
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
        if (metrics.size() > MAX_METRICS) {
            throw new IllegalArgumentException("metrics must have at most " + MAX_METRICS + " keys");
        }
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            if (!METRIC_KEY.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("metrics key '" + e.getKey() + "' must match [a-zA-Z0-9_.-]{1,64}");
            }
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("metrics." + e.getKey() + " must be a finite number");
            }
        }
    }

    /** A ping without duration, message or metrics. */
    public JobPing(String id, String accountId, String monitorId, Kind kind, String runId, Instant receivedAt) {
        this(id, accountId, monitorId, kind, runId, receivedAt, null, null, Map.of());
    }
}
