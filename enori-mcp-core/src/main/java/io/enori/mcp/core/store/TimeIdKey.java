package io.enori.mcp.core.store;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * Where a newest-first page ended: the last item's time (at the stored microsecond precision) and id, encoded
 * as {@code <epoch microseconds>:<id>}.
 */
record TimeIdKey(Instant at, String id) {

    String encode() {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
        return micros + ":" + id;
    }

    /**
     * @param what the listing's items in words, for the message of a key this store did not produce
     * @throws IllegalArgumentException when {@code key} is not an encoded key
     */
    static TimeIdKey parse(String key, String what) {
        int colon = key.indexOf(':');
        if (colon > 0 && colon < key.length() - 1) {
            try {
                long micros = Long.parseLong(key.substring(0, colon));
                Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1_000L);
                return new TimeIdKey(at, key.substring(colon + 1));
            } catch (NumberFormatException | DateTimeException e) {
                // fall through to the uniform message
            }
        }
        throw new IllegalArgumentException("Invalid " + what + " page key '" + key
                + "'; pass the nextKey of the previous page unchanged");
    }
}
