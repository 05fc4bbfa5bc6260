package io.enori.mcp.core.tool;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Prefixed ids ({@code mon_…}) that sort by creation order: 10 characters of millisecond timestamp in Crockford
 * base32, 4 of a per-millisecond sequence (so ids made in the same millisecond by this process still sort in the
 * order they were made, e.g. timeline entries), then 8 random ones. Stores page and break ties by id.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int TIME_CHARS = 10;
    private static final int SEQUENCE_CHARS = 4;
    private static final int RANDOM_CHARS = 8;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private int sequence;

    public Ids(Clock clock) {
        this.clock = clock;
    }

    public synchronized String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix.length() + TIME_CHARS + SEQUENCE_CHARS + RANDOM_CHARS)
                .append(prefix);
        long millis = clock.millis();
        // A clock that stands still (or steps back) keeps counting within the last millisecond seen.
        if (millis <= lastMillis) {
            millis = lastMillis;
            sequence++;
        } else {
            lastMillis = millis;
            sequence = 0;
        }
        appendBase32(id, millis, TIME_CHARS);
        appendBase32(id, sequence, SEQUENCE_CHARS);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    private static void appendBase32(StringBuilder out, long value, int width) {
        char[] digits = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            digits[i] = ALPHABET[(int) (value & 31)];
            value >>>= 5;
        }
        out.append(digits);
    }
}
