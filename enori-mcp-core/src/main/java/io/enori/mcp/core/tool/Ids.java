package io.enori.mcp.core.tool;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Prefixed ids ({@code mon_…}) that sort by creation time: 10 characters of millisecond timestamp in Crockford
 * base32, then 12 random ones. Stores page by id, so sortable ids give stable, oldest-first pages.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int TIME_CHARS = 10;
    private static final int RANDOM_CHARS = 12;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Ids(Clock clock) {
        this.clock = clock;
    }

    public String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix.length() + TIME_CHARS + RANDOM_CHARS).append(prefix);
        long millis = clock.millis();
        char[] time = new char[TIME_CHARS];
        for (int i = TIME_CHARS - 1; i >= 0; i--) {
            time[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        id.append(time);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
