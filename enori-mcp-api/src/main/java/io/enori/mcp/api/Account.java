package io.enori.mcp.api;

import java.time.Instant;
import java.util.Objects;

/** A tenant: every monitor, key and result belongs to exactly one account. */
public record Account(String id, String name, Plan plan, Instant createdAt) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
