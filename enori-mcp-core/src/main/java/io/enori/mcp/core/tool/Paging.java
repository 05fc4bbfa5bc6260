package io.enori.mcp.core.tool;

import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Opaque cursors: the store's keyset key, wrapped with the tool's name so a cursor from one list cannot be
 * replayed against another.
 */
public final class Paging {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final String VERSION = "v1";

    private Paging() {
    }

    /** The page request a tool's {@code limit}/{@code cursor} arguments ask for. */
    public static PageRequest request(String toolName, Integer limit, String cursor) {
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit, cursor == null ? null : decode(toolName, cursor));
    }

    /** The cursor for the page after {@code nextKey}, or {@code null} on the last page. */
    public static String cursor(String toolName, String nextKey) {
        if (nextKey == null) {
            return null;
        }
        String plain = VERSION + "|" + toolName + "|" + nextKey;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs a keyset query; a store that rejects the key inside a well-formed cursor (someone crafted one) is
     * answered as a bad cursor, not as an internal error.
     */
    public static <T> Page<T> fetch(Supplier<Page<T>> query) {
        try {
            return query.get();
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static String decode(String toolName, String cursor) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String prefix = VERSION + "|" + toolName + "|";
        if (!plain.startsWith(prefix) || plain.length() == prefix.length()) {
            throw invalid();
        }
        return plain.substring(prefix.length());
    }

    private static InvalidArgument invalid() {
        return new InvalidArgument("cursor", "is not a cursor returned by this tool; omit it to start from the first page");
    }
}
