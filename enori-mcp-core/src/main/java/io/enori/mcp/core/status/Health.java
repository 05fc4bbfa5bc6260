package io.enori.mcp.core.status;

import java.util.Locale;

/** A status page component's health, mildest first: a page's overall status is its worst component's. */
enum Health {
    /** Up, no active incident. */
    OPERATIONAL,
    /** Monitoring is paused; health unknown. */
    PAUSED,
    /** Never checked yet. */
    PENDING,
    /** Covered by an active maintenance window. */
    UNDER_MAINTENANCE,
    /** Failing below the incident threshold, or recovering while its incident is still open. */
    DEGRADED,
    /** Down with an active incident. */
    MAJOR_OUTAGE;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Words for a summary line, e.g. {@code major outage}. */
    String words() {
        return wireName().replace('_', ' ');
    }

    Health worse(Health other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
