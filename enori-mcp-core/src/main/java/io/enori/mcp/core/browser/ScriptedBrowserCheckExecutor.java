package io.enori.mcp.core.browser;

import io.enori.mcp.api.BrowserCheck;
import io.enori.mcp.api.BrowserStep;
import io.enori.mcp.api.spi.BrowserCheckExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link BrowserCheckExecutor} for tests (ours and hosts'): replays scripted runs in order, and once they are
 * used up passes every step. Records each request it was given.
 *
 * <pre>{@code
 * ScriptedBrowserCheckExecutor browser = new ScriptedBrowserCheckExecutor()
 *         .thenFailAt(2, "selector #buy not found")
 *         .thenPass(1800.0, 0.05);
 * }</pre>
 */
public final class ScriptedBrowserCheckExecutor implements BrowserCheckExecutor {

    /** One scripted outcome: step {@code failAt} fails (or none, -1), step {@code healAt} heals (or -1). */
    private record Script(int failAt, String error, int healAt, Double lcpMs, Double cls, List<String> console) {
    }

    private final ConcurrentLinkedQueue<Script> scripts = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** Next run passes every step with these vitals. */
    public ScriptedBrowserCheckExecutor thenPass(Double lcpMs, Double cls) {
        scripts.add(new Script(-1, null, -1, lcpMs, cls, List.of()));
        return this;
    }

    /** Next run fails at step {@code index} with {@code error} (later steps are skipped). */
    public ScriptedBrowserCheckExecutor thenFailAt(int index, String error) {
        scripts.add(new Script(index, Objects.requireNonNull(error, "error"), -1, null, null,
                List.of("Uncaught TypeError: " + error)));
        return this;
    }

    /** Next run passes after repairing step {@code index}'s selector. */
    public ScriptedBrowserCheckExecutor thenHealAt(int index, Double lcpMs, Double cls) {
        scripts.add(new Script(-1, null, index, lcpMs, cls, List.of()));
        return this;
    }

    /** Every request run so far, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public Run run(Request request) {
        requests.add(request);
        Script script = scripts.poll();
        if (script == null) {
            script = new Script(-1, null, -1, 1200.0, 0.01, List.of());
        }
        List<BrowserCheck.StepResult> results = new ArrayList<>();
        List<BrowserStep> steps = request.steps();
        for (int i = 0; i < steps.size(); i++) {
            BrowserCheck.StepStatus status = i == script.failAt() ? BrowserCheck.StepStatus.FAILED
                    : script.failAt() >= 0 && i > script.failAt() ? BrowserCheck.StepStatus.SKIPPED
                    : i == script.healAt() ? BrowserCheck.StepStatus.HEALED : BrowserCheck.StepStatus.PASSED;
            results.add(new BrowserCheck.StepResult(i, steps.get(i).kind().wireName(), status,
                    status == BrowserCheck.StepStatus.SKIPPED ? 0 : 100,
                    status == BrowserCheck.StepStatus.FAILED ? script.error() : null,
                    steps.get(i).kind() == BrowserStep.Kind.SCREENSHOT ? "screenshots/" + request.monitorId() + "/" + i
                            : null));
        }
        String analysis = script.failAt() >= 0 ? "Step " + script.failAt() + " failed: " + script.error() : null;
        return new Run(results, script.lcpMs(), script.cls(), script.failAt() >= 0 ? null : 80.0, script.console(),
                analysis);
    }
}
