package io.enori.mcp.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One heartbeat a job monitor received: the job started, succeeded or failed. A job monitor is up while a
 * {@link Kind#SUCCESS} ping arrived within its interval plus grace and no {@link Kind#FAIL} came after it.
 *
 * @param id         the ping's id, {@code png_…}
 * @param runId      the job's own id for one run, tying its start to its end; {@code null} when not sent
 * @param receivedAt when the ping arrived, by the server's clock
 */
public record JobPing(String id, String accountId, String monitorId, Kind kind, String runId, Instant receivedAt) {

    /** The prefix of every ping id. */
    public static final String ID_PREFIX = "png_";

    /** The longest {@code runId} kept. */
    public static final int MAX_RUN_ID_LENGTH = 200;

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
    }
}
