package io.enori.mcp.core.monitors;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.Snooze;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;
import java.time.Duration;
import java.time.Instant;

/** snooze_monitor: silences the caller's own alerts on one monitor for 30 min to 72 h. */
public final class SnoozeMonitor extends TypedTool<SnoozeMonitor.Input, SnoozeMonitor.Output> {
    static final int MIN_MINUTES = 30;
    static final int MAX_MINUTES = 4320;

    record Input(String monitorId, Integer durationMinutes) {
    }

    record Output(String monitorId, boolean snoozed, Instant until, int durationMinutes, String appliesTo) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The monitor to snooze.")
            .requiredInteger("durationMinutes", MIN_MINUTES, MAX_MINUTES, "How long, 30 min to 72 h.")
            .build();

    private final CoreContext context;

    public SnoozeMonitor(CoreContext context) {
        super(tool("snooze_monitor").title("Snooze monitor").group("monitors").requires(Scope.MONITORS_WRITE)
                .annotations(ToolAnnotations.idempotentWrite())
                .description("Silence YOUR alerts for one monitor for 30 min to 72 h. Checks continue, incidents stay "
                        + "open and teammates are still notified. Snoozing again replaces the end time."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Monitor monitor = MonitorLookup.require(context, caller, in.monitorId());
        Instant now = context.clock().instant();
        Instant until = now.plus(Duration.ofMinutes(in.durationMinutes()));
        context.storage().snoozes().upsert(new Snooze(caller.accountId(), monitor.id(), caller.principalId(), until, now));
        return new Output(monitor.id(), true, until, in.durationMinutes(),
                "Only your alerts (" + caller.principalId() + "); others on the account are still notified.");
    }
}
