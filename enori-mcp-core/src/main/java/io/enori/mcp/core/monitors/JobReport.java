package io.enori.mcp.core.monitors;

import io.enori.mcp.api.JobPing;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a job may say with a heartbeat, beyond its kind: all optional. Validated as a whole before anything is
 * stored, so a bad report stores nothing.
 *
 * @param runId      the job's id for one run, tying a sharded run's pings together; 1–{@value #MAX_RUN_ID} chars
 * @param durationMs how long the run took, {@code >= 0}
 * @param metrics    at most {@value JobPing#MAX_METRICS} finite numbers under keys {@code [a-zA-Z0-9_.-]{1,64}}
 * @param message    free text, at most {@value JobPing#MAX_MESSAGE_LENGTH} characters
 */
public record JobReport(String runId, Long durationMs, Map<String, Double> metrics, String message) {

    /** The longest {@code runId} a heartbeat may send. */
    public static final int MAX_RUN_ID = 100;

    /** A heartbeat that says nothing beyond its kind. */
    public static final JobReport EMPTY = new JobReport(null, null, Map.of(), null);

    /** A report field that is missing its mark; the message names the field. */
    public static final class Invalid extends IllegalArgumentException {
        private final String field;

        Invalid(String field, String problem) {
            super(field + " " + problem);
            this.field = field;
        }

        /** The offending field, e.g. {@code metrics.rows} or {@code durationMs}. */
        public String field() {
            return field;
        }
    }

    /** A problem found before the fields could be read, e.g. a body that is not a JSON object. */
    public static Invalid fromJsonProblem(String field, String problem) {
        return new Invalid(field, problem);
    }

    public JobReport {
        if (runId != null && (runId.isBlank() || runId.length() > MAX_RUN_ID)) {
            throw new Invalid("runId", "must be 1-" + MAX_RUN_ID + " non-blank characters");
        }
        if (durationMs != null && durationMs < 0) {
            throw new Invalid("durationMs", "must be >= 0");
        }
        if (message != null && message.length() > JobPing.MAX_MESSAGE_LENGTH) {
            throw new Invalid("message", "must be at most " + JobPing.MAX_MESSAGE_LENGTH + " characters");
        }
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
        if (metrics.size() > JobPing.MAX_METRICS) {
            throw new Invalid("metrics", "must have at most " + JobPing.MAX_METRICS + " keys (got " + metrics.size()
                    + ")");
        }
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            if (!JobPing.METRIC_KEY.matcher(e.getKey()).matches()) {
                throw new Invalid("metrics", "keys must match [a-zA-Z0-9_.-]{1,64} (got '" + abbreviate(e.getKey())
                        + "')");
            }
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new Invalid("metrics." + e.getKey(), "must be a finite number");
            }
        }
    }

    /**
     * Reads a heartbeat's JSON object: {@code runId} (string), {@code durationMs} (integer), {@code metrics}
     * (object of numbers), {@code message} (string). Unknown fields are rejected by name.
     *
     * @throws Invalid naming the first field that is wrong
     */
    public static JobReport fromJson(Map<String, ?> body) {
        if (body == null || body.isEmpty()) {
            return EMPTY;
        }
        for (String key : body.keySet()) {
            if (!key.equals("runId") && !key.equals("durationMs") && !key.equals("metrics") && !key.equals("message")) {
                throw new Invalid(abbreviate(key), "is not a known field; allowed: runId, durationMs, metrics, message");
            }
        }
        return new JobReport(text(body, "runId"), duration(body.get("durationMs")), metrics(body.get("metrics")),
                text(body, "message"));
    }

    private static String text(Map<String, ?> body, String field) {
        Object value = body.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new Invalid(field, "must be a string");
    }

    private static Long duration(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && (value instanceof Integer || value instanceof Long
                || value instanceof java.math.BigInteger || n.doubleValue() == Math.rint(n.doubleValue()))) {
            if (n.doubleValue() > Long.MAX_VALUE) {
                throw new Invalid("durationMs", "is too large");
            }
            return n.longValue();
        }
        throw new Invalid("durationMs", "must be a whole number of milliseconds >= 0");
    }

    private static Map<String, Double> metrics(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new Invalid("metrics", "must be an object of numbers, e.g. {\"rows\": 1200}");
        }
        if (map.size() > JobPing.MAX_METRICS) {
            throw new Invalid("metrics", "must have at most " + JobPing.MAX_METRICS + " keys (got " + map.size() + ")");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Number n)) {
                throw new Invalid("metrics." + abbreviate(key), "must be a number");
            }
            out.put(key, n.doubleValue());
        }
        return out;
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
