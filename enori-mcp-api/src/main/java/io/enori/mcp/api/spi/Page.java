package io.enori.mcp.api.spi;

import java.util.List;

/**
 * One page of items; {@code nextKey} is {@code null} on the last page.
 */
public record Page<T>(List<T> items, String nextKey) {
    public Page {
        items = List.copyOf(items);
    }
}
