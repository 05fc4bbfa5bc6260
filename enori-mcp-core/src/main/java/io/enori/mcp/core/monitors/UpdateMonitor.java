package io.enori.mcp.core.monitors;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.InvalidArgument;
import io.enori.mcp.core.tool.TypedTool;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** update_monitor: PATCH semantics; only the fields passed change, validated like create_monitor. */
public final class UpdateMonitor extends TypedTool<UpdateMonitor.Input, UpdateMonitor.Output> {

    record Input(String monitorId, String name, String url, String keyword, List<Integer> expectedStatusCodes,
                 String host, Integer port, String recordType, String expectedValue, Integer graceSeconds,
                 Integer intervalSeconds, Integer timeoutMs, Integer alertAfterFailures, List<String> channelIds) {
    }

    record Output(MonitorViews.MonitorDetail monitor, List<String> changed) {
    }

    private static final InputSpec<Input> INPUT = MonitorSettings.declare(InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The monitor to change.")
            .text("name", MonitorSettings.MAX_NAME, "New display name."), false).build();

    private final CoreContext context;

    public UpdateMonitor(CoreContext context) {
        super(tool("update_monitor").title("Update monitor").group("monitors").requires(Scope.MONITORS_WRITE)
                .annotations(ToolAnnotations.idempotentWrite())
                .description("Change a monitor's settings. PATCH-style: only fields you pass change; the type cannot "
                        + "change. Returns the monitor and the names of the fields that changed."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        return MonitorLocks.withLock(in.monitorId(), () -> update(caller, in));
    }

    private Output update(Caller caller, Input in) {
        Monitor current = MonitorLookup.require(context, caller, in.monitorId());
        MonitorSettings.requireChannels(context, caller.accountId(), in.channelIds());
        MonitorSettings.TargetFields patch = new MonitorSettings.TargetFields(in.url(), in.keyword(),
                in.expectedStatusCodes(), in.host(), in.port(), in.recordType(), in.expectedValue(), in.graceSeconds());
        MonitorTarget target = MonitorSettings.target(current.type(),
                MonitorSettings.TargetFields.of(current.target()).overlay(patch));
        Monitor updated = new Monitor(current.id(), current.accountId(), pick(in.name(), current.name()), target,
                pick(in.intervalSeconds(), current.intervalSeconds()), pick(in.timeoutMs(), current.timeoutMs()),
                pick(in.alertAfterFailures(), current.alertAfterFailures()), pick(in.channelIds(), current.channelIds()),
                current.paused(), current.status(), current.consecutiveFailures(), current.lastCheckedAt(),
                current.lastResponseTimeMs(), current.lastSuccessAt(), current.sslExpiresAt(),
                current.domainExpiresAt(), current.createdAt(),
                context.clock().instant());
        List<String> changed = changedFields(current, updated);
        if (changed.isEmpty()) {
            if (allNull(in)) {
                throw new InvalidArgument("monitorId", "was given without any field to change; pass at least one of "
                        + "name, url, keyword, expectedStatusCodes, host, port, recordType, expectedValue, graceSeconds, "
                        + "intervalSeconds, timeoutMs, alertAfterFailures, channelIds");
            }
            return new Output(MonitorViews.detail(current, context.clock().instant(), HeartbeatTokens.of(context, current)), changed);
        }
        context.storage().monitors().updateConfig(updated);
        return new Output(MonitorViews.detail(updated, context.clock().instant(), HeartbeatTokens.of(context, updated)), changed);
    }

    private static List<String> changedFields(Monitor before, Monitor after) {
        List<String> changed = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            changed.add("name");
        }
        MonitorSettings.TargetFields b = MonitorSettings.TargetFields.of(before.target());
        MonitorSettings.TargetFields a = MonitorSettings.TargetFields.of(after.target());
        addIf(changed, "url", b.url(), a.url());
        addIf(changed, "keyword", b.keyword(), a.keyword());
        addIf(changed, "expectedStatusCodes", b.expectedStatusCodes(), a.expectedStatusCodes());
        addIf(changed, "host", b.host(), a.host());
        addIf(changed, "port", b.port(), a.port());
        addIf(changed, "recordType", b.recordType(), a.recordType());
        addIf(changed, "expectedValue", b.expectedValue(), a.expectedValue());
        addIf(changed, "graceSeconds", b.graceSeconds(), a.graceSeconds());
        addIf(changed, "intervalSeconds", before.intervalSeconds(), after.intervalSeconds());
        addIf(changed, "timeoutMs", before.timeoutMs(), after.timeoutMs());
        addIf(changed, "alertAfterFailures", before.alertAfterFailures(), after.alertAfterFailures());
        addIf(changed, "channelIds", before.channelIds(), after.channelIds());
        return changed;
    }

    private static void addIf(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private static boolean allNull(Input in) {
        return in.name() == null && in.url() == null && in.keyword() == null && in.expectedStatusCodes() == null
                && in.host() == null && in.port() == null && in.recordType() == null && in.expectedValue() == null
                && in.graceSeconds() == null && in.intervalSeconds() == null && in.timeoutMs() == null
                && in.alertAfterFailures() == null && in.channelIds() == null;
    }

    private static <T> T pick(T patched, T current) {
        return patched != null ? patched : current;
    }
}
