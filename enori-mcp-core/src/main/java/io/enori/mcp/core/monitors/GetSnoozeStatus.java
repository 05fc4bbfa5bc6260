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
import java.util.List;

/** get_snooze_status: whether the caller's alerts on a monitor are snoozed, and until when. */
public final class GetSnoozeStatus extends TypedTool<GetSnoozeStatus.Input, GetSnoozeStatus.Output> {

    record Input(String monitorId) {
    }

    record Output(String monitorId, boolean snoozed, Instant until, Long remainingMinutes, int othersSnoozed) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The monitor.")
            .build();

    private final CoreContext context;

    public GetSnoozeStatus(CoreContext context) {
        super(tool("get_snooze_status").title("Snooze status").group("monitors").requires(Scope.MONITORS_READ)
                .annotations(ToolAnnotations.READ)
                .description("Whether your alerts on a monitor are snoozed, until when, and how many other people "
                        + "on the account have snoozed it."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Monitor monitor = MonitorLookup.require(context, caller, in.monitorId());
        Instant now = context.clock().instant();
        List<Snooze> active = context.storage().snoozes().listForMonitor(caller.accountId(), monitor.id()).stream()
                .filter(s -> s.isActiveAt(now)).toList();
        Snooze mine = active.stream().filter(s -> s.principalId().equals(caller.principalId())).findFirst().orElse(null);
        int others = active.size() - (mine == null ? 0 : 1);
        if (mine == null) {
            return new Output(monitor.id(), false, null, null, others);
        }
        long remaining = (Duration.between(now, mine.until()).toSeconds() + 59) / 60;
        return new Output(monitor.id(), true, mine.until(), remaining, others);
    }
}
