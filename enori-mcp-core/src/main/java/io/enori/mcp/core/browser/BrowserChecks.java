package io.enori.mcp.core.browser;

import io.enori.mcp.api.BrowserCheck;
import io.enori.mcp.api.BrowserMonitor;
import io.enori.mcp.api.BrowserVariable;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.HealingStatus;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.spi.BrowserCheckExecutor;
import io.enori.mcp.api.spi.CheckExecutor;
import io.enori.mcp.api.spi.CheckOutcome;
import io.enori.mcp.core.monitors.CheckRecorder;
import io.enori.mcp.core.tool.CoreContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one browser monitor through the {@link BrowserCheckExecutor}: records the verdict as an ordinary check
 * result (so incidents, stats and SLOs see it), stores the run's details as a {@code bc_} check and updates the
 * monitor's healing state. The scheduler and {@code check_now} both come through here.
 */
public final class BrowserChecks {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserChecks.class);
    static final String NO_EXECUTOR = "No browser check executor is configured on this server; browser monitors "
            + "are stored but not run.";

    private final CoreContext context;
    private final CheckRecorder recorder;
    private final BrowserServices services;

    public BrowserChecks(CoreContext context, CheckRecorder recorder, BrowserServices services) {
        this.context = Objects.requireNonNull(context, "context");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.services = Objects.requireNonNull(services, "services");
    }

    /**
     * @throws CheckExecutor.NotCheckableException when no executor is configured or the browser half is gone
     */
    public CheckRecorder.Recorded run(Monitor monitor) {
        BrowserCheckExecutor executor = services.executor()
                .orElseThrow(() -> new CheckExecutor.NotCheckableException(NO_EXECUTOR));
        BrowserMonitor browser = context.storage().browserMonitors().find(monitor.accountId(), monitor.id())
                .orElseThrow(() -> new CheckExecutor.NotCheckableException("browser monitor " + monitor.id() + " has no steps"));
        Map<String, String> variables = new LinkedHashMap<>();
        for (BrowserVariable v : browser.variables()) {
            variables.put(v.name(), v.value());
        }
        String url = ((io.enori.mcp.api.MonitorTarget.Browser) monitor.target()).url();
        long start = System.nanoTime();
        BrowserCheckExecutor.Run run;
        try {
            run = executor.run(new BrowserCheckExecutor.Request(monitor.id(), url, browser.steps(), variables,
                    Duration.ofMillis(monitor.timeoutMs())));
        } catch (RuntimeException e) {
            LOG.warn("browser executor failed on {}", monitor.id(), e);
            run = new BrowserCheckExecutor.Run(List.of(), null, null, null, List.of(),
                    "The browser executor failed: " + e.getClass().getSimpleName());
        }
        int elapsedMs = (int) Math.min(Integer.MAX_VALUE, Duration.ofNanos(System.nanoTime() - start).toMillis());
        boolean up = run.passed() && !run.steps().isEmpty();
        CheckOutcome outcome = up ? CheckOutcome.up(elapsedMs) : CheckOutcome.down(elapsedMs, reason(run));
        CheckRecorder.Recorded recorded = recorder.record(monitor, outcome);
        context.storage().browserMonitors().insertCheck(new BrowserCheck(context.ids().next("bc_"),
                monitor.accountId(), monitor.id(), recorded.result().id(), up ? CheckStatus.UP : CheckStatus.DOWN,
                run.steps(), run.lcpMs(), run.cls(), run.inpMs(), run.consoleErrors(), run.failureAnalysis(),
                recorded.result().checkedAt()));
        updateHealing(browser, run);
        return recorded;
    }

    private void updateHealing(BrowserMonitor browser, BrowserCheckExecutor.Run run) {
        HealingStatus status = HealingStatus.HEALTHY;
        Integer step = null;
        for (BrowserCheck.StepResult s : run.steps()) {
            if (s.status() == BrowserCheck.StepStatus.FAILED) {
                status = HealingStatus.BROKEN;
                step = s.index();
                break;
            }
            if (s.status() == BrowserCheck.StepStatus.HEALED) {
                status = HealingStatus.HEALED;
                step = s.index();
            }
        }
        if (run.steps().isEmpty()) {
            status = HealingStatus.BROKEN;
        }
        if (status != browser.healing() || !Objects.equals(step, browser.healedStep())) {
            context.storage().browserMonitors().update(browser.withHealing(status, step, context.clock().instant()));
        }
    }

    private static String reason(BrowserCheckExecutor.Run run) {
        if (run.failureAnalysis() != null && !run.failureAnalysis().isBlank()) {
            return run.failureAnalysis();
        }
        return run.steps().stream().filter(s -> s.status() == BrowserCheck.StepStatus.FAILED).findFirst()
                .map(s -> "step " + s.index() + " (" + s.kind() + ") failed" + (s.error() == null ? "" : ": " + s.error()))
                .orElse("the browser run produced no step results");
    }
}
