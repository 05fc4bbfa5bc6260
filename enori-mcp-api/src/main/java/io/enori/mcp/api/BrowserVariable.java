package io.enori.mcp.api;

import java.util.Objects;

/**
 * A named value steps may use as <code>{{name}}</code>. A secret one is stored and handed to the executor but
 * never shown by a tool in clear.
 */
public record BrowserVariable(String name, String value, boolean secret) {
    public BrowserVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
