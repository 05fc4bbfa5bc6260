package io.enori.mcp.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The browser half of a {@link MonitorType#BROWSER} monitor: its steps, variables, healing state and the
 * billing item it is paid by. Status, interval and checks live on the {@link Monitor} with the same id.
 *
 * @param healedStep    the step (0-based) the last run repaired ({@code HEALED}) or failed at ({@code BROKEN});
 *                      {@code null} when {@code HEALTHY}
 * @param billingItemId the gateway's item paying for this monitor; {@code null} when it uses a free slot
 * @param billedFrom    when its billing item started (the billing periods count from here)
 */
public record BrowserMonitor(String monitorId, String accountId, List<BrowserStep> steps,
                             List<BrowserVariable> variables, HealingStatus healing, Integer healedStep,
                             String billingItemId, Instant billedFrom, Instant updatedAt) {
    public BrowserMonitor {
        Objects.requireNonNull(monitorId, "monitorId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(healing, "healing");
        Objects.requireNonNull(updatedAt, "updatedAt");
        steps = List.copyOf(steps);
        variables = variables == null ? List.of() : List.copyOf(variables);
        if (steps.size() > BrowserStep.MAX_STEPS) {
            throw new IllegalArgumentException("at most " + BrowserStep.MAX_STEPS + " steps");
        }
    }

    /** Whether it occupies a free browser slot rather than a billing item. */
    public boolean free() {
        return billingItemId == null;
    }

    public BrowserMonitor withSteps(List<BrowserStep> newSteps, Instant at) {
        return new BrowserMonitor(monitorId, accountId, newSteps, variables, HealingStatus.HEALTHY, null,
                billingItemId, billedFrom, at);
    }

    public BrowserMonitor withHealing(HealingStatus status, Integer step, Instant at) {
        return new BrowserMonitor(monitorId, accountId, steps, variables, status, step, billingItemId, billedFrom, at);
    }
}
