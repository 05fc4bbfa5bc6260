package io.enori.mcp.api.spi;

/**
 * A page of a keyset-paged listing.
 *
 * @param limit    how many items at most
 * @param afterKey the store's own key of the last item of the previous page, {@code null} for the first page
 */
public record PageRequest(int limit, String afterKey) {
    public PageRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }
}
