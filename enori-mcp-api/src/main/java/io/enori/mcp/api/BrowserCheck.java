package io.enori.mcp.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One run of a browser monitor, as stored beside its ordinary {@link CheckResult} (same verdict and time).
 *
 * @param id            {@code bc_…}
 * @param checkResultId the ordinary check result this run was recorded as
 * @param lcpMs         Largest Contentful Paint, if measured
 * @param cls           Cumulative Layout Shift, if measured
 * @param inpMs         Interaction to Next Paint, if measured
 */
public record BrowserCheck(String id, String accountId, String monitorId, String checkResultId, CheckStatus status,
                           List<StepResult> steps, Double lcpMs, Double cls, Double inpMs, List<String> consoleErrors,
                           String failureAnalysis, Instant checkedAt) {
    public BrowserCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(monitorId, "monitorId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkedAt, "checkedAt");
        steps = steps == null ? List.of() : List.copyOf(steps);
        consoleErrors = consoleErrors == null ? List.of() : List.copyOf(consoleErrors);
    }

    /**
     * How one step went.
     *
     * @param index         0-based position in the monitor's steps
     * @param status        passed, failed, skipped or healed
     * @param screenshotRef where the executor put a screenshot, if it took one
     */
    public record StepResult(int index, String kind, StepStatus status, int durationMs, String error,
                             String screenshotRef) {
        public StepResult {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(status, "status");
        }
    }

    /** A step's verdict; {@code HEALED} passed after the executor repaired its selector. */
    public enum StepStatus {
        PASSED, FAILED, SKIPPED, HEALED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
