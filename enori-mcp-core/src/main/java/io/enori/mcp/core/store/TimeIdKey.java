package io.enori.mcp.core.store;

import io.enori.mcp.api.spi.Page;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.statement.Query;

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

    /**
     * Binds the optional half-open range ({@code :since}, {@code :until}) and the page start ({@code :afterAt},
     * {@code :afterId}) that a newest-first listing's WHERE clause names when they are present.
     */
    static void bindWindow(Query query, Instant since, Instant until, TimeIdKey after) {
        if (since != null) {
            query.bind("since", Sql.instant(since));
        }
        if (until != null) {
            query.bind("until", Sql.instant(until));
        }
        if (after != null) {
            query.bind("afterAt", Sql.instant(after.at())).bind("afterId", after.id());
        }
    }

    /** A page from rows fetched with {@code LIMIT limit + 1}: the extra row only says another page exists. */
    static <T> Page<T> pageOf(List<T> rows, int limit, Function<T, TimeIdKey> keyOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, keyOf.apply(items.get(items.size() - 1)).encode());
    }
}
