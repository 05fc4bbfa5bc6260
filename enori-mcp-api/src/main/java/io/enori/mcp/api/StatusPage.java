package io.enori.mcp.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A public page showing the health of some monitors, each as a named component.
 *
 * @param slug       the page's public address segment (lower-case letters, digits and hyphens), or {@code null}
 * @param components in display order; each names one monitor of the same account
 */
public record StatusPage(String id, String accountId, String name, String slug, List<Component> components,
                         Instant createdAt) {

    /** The most components one page may show. */
    public static final int MAX_COMPONENTS = 100;
    public static final int MAX_NAME = 200;

    /** One line of a status page: a display name for a monitor. */
    public record Component(String name, String monitorId) {
        public Component {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(monitorId, "monitorId");
            if (name.isBlank() || name.length() > MAX_NAME) {
                throw new IllegalArgumentException("a component name is 1-" + MAX_NAME + " characters");
            }
        }
    }

    public StatusPage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a status page name is 1-" + MAX_NAME + " characters");
        }
        if (slug != null && !slug.matches("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")) {
            throw new IllegalArgumentException("a slug is 1-64 lower-case letters, digits and inner hyphens: " + slug);
        }
        components = components == null ? List.of() : List.copyOf(components);
        if (components.size() > MAX_COMPONENTS) {
            throw new IllegalArgumentException("a status page has at most " + MAX_COMPONENTS + " components");
        }
    }
}
