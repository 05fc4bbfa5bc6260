package io.enori.mcp.api.spi;

import io.enori.mcp.api.BrowserCheck;
import io.enori.mcp.api.BrowserStep;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the steps of one browser monitor in a real browser (a host plugs in Playwright or similar). The core
 * schedules browser monitors, records each run as an ordinary check result (so incidents and SLOs work) and
 * stores the details. Implementations never throw for a failing page: a failed step is a result.
 */
public interface BrowserCheckExecutor {

    Run run(Request request);

    /**
     * What to run.
     *
     * @param variables every variable, secrets included in clear, for <code>{{name}}</code> substitution
     * @param timeout   the whole run's budget
     */
    record Request(String monitorId, String url, List<BrowserStep> steps, Map<String, String> variables,
                   Duration timeout) {
        public Request {
            Objects.requireNonNull(monitorId, "monitorId");
            Objects.requireNonNull(url, "url");
            steps = List.copyOf(steps);
            variables = Map.copyOf(variables);
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * What happened. The run is up when every step passed or healed.
     *
     * @param lcpMs           Largest Contentful Paint in ms, or {@code null}
     * @param cls             Cumulative Layout Shift, or {@code null}
     * @param inpMs           Interaction to Next Paint in ms, or {@code null}
     * @param failureAnalysis why it failed, in words, when it did (the executor's own analysis)
     */
    record Run(List<BrowserCheck.StepResult> steps, Double lcpMs, Double cls, Double inpMs,
               List<String> consoleErrors, String failureAnalysis) {
        public Run {
            steps = List.copyOf(steps);
            consoleErrors = consoleErrors == null ? List.of() : List.copyOf(consoleErrors);
        }

        public boolean passed() {
            return steps.stream().noneMatch(s -> s.status() == BrowserCheck.StepStatus.FAILED);
        }
    }
}
