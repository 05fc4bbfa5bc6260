package io.enori.mcp.api;

import java.util.Objects;

/**
 * Creating one more would exceed a cap of the account's plan. Thrown by the core's Java facades (e.g. status
 * pages); tools answer the same situation with {@link ToolError#planLimit}, whose wording this shares.
 */
public final class PlanLimitException extends EnoriMcpException {
    private final String cap;
    private final int limit;
    private final String planName;

    /**
     * @param cap      which cap, as tools name it (e.g. {@code status_pages})
     * @param limit    the cap's value on the plan
     * @param planName the plan's name
     */
    public PlanLimitException(String cap, int limit, String planName) {
        super(ToolError.PLAN_LIMIT_REACHED + ": " + Objects.requireNonNull(cap, "cap") + " (limit " + limit
                + " on plan " + planName + ")");
        this.cap = cap;
        this.limit = limit;
        this.planName = planName;
    }

    /** The cap that was reached, e.g. {@code status_pages}. */
    public String cap() {
        return cap;
    }

    /** The cap's value on the plan. */
    public int limit() {
        return limit;
    }

    /** The plan's name. */
    public String planName() {
        return planName;
    }

    /** The same answer as a tool error result. */
    public ToolError toToolError() {
        return ToolError.planLimit(cap, limit, planName);
    }
}
