package io.enori.mcp.core.browser;

import io.enori.mcp.api.BrowserCheck;
import io.enori.mcp.api.BrowserMonitor;
import io.enori.mcp.api.BrowserStep;
import io.enori.mcp.api.BrowserVariable;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorStatus;
import io.enori.mcp.api.MonitorType;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.ToolFailure;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Shapes shared by the browser tools, and the lookup of a browser monitor in the caller's account. */
final class BrowserViews {
    /** How a secret variable's value is shown. */
    static final String MASK = "••••";

    private BrowserViews() {
    }

    /** One step as clients send and see it; unused fields are null. */
    record StepView(String kind, String selector, String url, String value, String key, String text, Integer ms) {
    }

    /** A variable; a secret one's value is {@link #MASK}. */
    record VariableView(String name, String value, boolean secret) {
    }

    /** One step's outcome in a check. */
    record StepResultView(int index, String kind, String status, int durationMs, String error, String screenshotRef) {
    }

    /** A browser monitor with its browser half. */
    record Found(Monitor monitor, BrowserMonitor browser) {
    }

    static List<StepView> steps(List<BrowserStep> steps) {
        return steps.stream().map(s -> new StepView(s.kind().wireName(), s.selector(), s.url(), s.value(), s.key(),
                s.text(), s.ms())).collect(Collectors.toList());
    }

    static List<VariableView> variables(List<BrowserVariable> variables) {
        return variables.stream().map(v -> new VariableView(v.name(), v.secret() ? MASK : v.value(), v.secret()))
                .collect(Collectors.toList());
    }

    static List<StepResultView> results(List<BrowserCheck.StepResult> results) {
        return results.stream().map(r -> new StepResultView(r.index(), r.kind(), r.status().wireName(), r.durationMs(),
                r.error(), r.screenshotRef())).collect(Collectors.toList());
    }

    /** Raw step maps for {@link BrowserSteps#parse}, from steps already built (e.g. generated ones). */
    static List<Map<String, Object>> raw(List<StepView> steps) {
        return steps.stream().map(s -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("kind", s.kind());
            m.put("selector", s.selector());
            m.put("url", s.url());
            m.put("value", s.value());
            m.put("key", s.key());
            m.put("text", s.text());
            m.put("ms", s.ms());
            return m;
        }).collect(Collectors.toList());
    }

    static String status(Monitor m) {
        return (m.paused() ? MonitorStatus.PAUSED : m.status()).wireName();
    }

    /** The caller's browser monitor, or {@code Monitor not found} (also for another type's monitor, with a hint). */
    static Found require(CoreContext context, Caller caller, String monitorId) {
        Monitor monitor = context.storage().monitors().find(caller.accountId(), monitorId)
                .orElseThrow(() -> new ToolFailure(ToolError.notFound(ToolError.MONITOR_NOT_FOUND, "monitorId", monitorId)));
        if (monitor.type() != MonitorType.BROWSER) {
            throw new ToolFailure(new ToolError(ToolError.MONITOR_NOT_FOUND, Map.of("monitorId", monitorId,
                    "hint", "This is a " + monitor.type().wireName() + " monitor, not a browser monitor; "
                            + "see get_browser_monitors.")));
        }
        BrowserMonitor browser = context.storage().browserMonitors().find(caller.accountId(), monitorId)
                .orElseThrow(() -> new ToolFailure(ToolError.notFound(ToolError.MONITOR_NOT_FOUND, "monitorId", monitorId)));
        return new Found(monitor, browser);
    }
}
