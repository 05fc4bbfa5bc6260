package io.enori.mcp.core.monitors;

import io.enori.mcp.api.Account;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.EnoriMcpException;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorStatus;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.MonitorType;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.ToolFailure;
import io.enori.mcp.core.tool.TypedTool;
import java.time.Instant;
import java.util.List;

/** create_monitor: a new Website, Ping, Port, DNS, Domain or Job monitor, within the plan's cap. */
public final class CreateMonitor extends TypedTool<CreateMonitor.Input, CreateMonitor.Output> {

    record Input(String type, String name, String url, String keyword, List<Integer> expectedStatusCodes, String host,
                 Integer port, String recordType, String expectedValue, Integer graceSeconds, Integer intervalSeconds,
                 Integer timeoutMs, Integer alertAfterFailures, List<String> channelIds) {
    }

    record Output(MonitorViews.MonitorDetail monitor, String next) {
    }

    private static final InputSpec<Input> INPUT = MonitorSettings.declare(InputSpec.of(Input.class)
            .requiredOneOf("type", MonitorSettings.TYPES, "Monitor type (case-insensitive).")
            .requiredText("name", MonitorSettings.MAX_NAME, "Display name."), true).build();

    private final CoreContext context;

    public CreateMonitor(CoreContext context) {
        super(tool("create_monitor").title("Create monitor").group("monitors").requires(Scope.MONITORS_WRITE)
                .annotations(ToolAnnotations.write())
                .description("Create a monitor. website needs url (optional keyword, expectedStatusCodes); ping and "
                        + "domain need host; port needs host+port; dns needs host+recordType (optional expectedValue); "
                        + "job takes graceSeconds. Starts as pending; use check_now to check at once. Plan limits apply."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        MonitorType type = MonitorType.parse(in.type()).orElseThrow();
        MonitorTarget target = MonitorSettings.target(type, new MonitorSettings.TargetFields(in.url(), in.keyword(),
                in.expectedStatusCodes(), in.host(), in.port(), in.recordType(), in.expectedValue(), in.graceSeconds()));
        MonitorSettings.requireChannels(context, caller.accountId(), in.channelIds());
        Instant now = context.clock().instant();
        Monitor monitor = new Monitor(context.ids().next("mon_"), caller.accountId(), in.name(), target,
                in.intervalSeconds(), in.timeoutMs(), in.alertAfterFailures(), in.channelIds(), false,
                MonitorStatus.PENDING, 0, null, null, null, null, null, now, now);
        // Count-then-insert must not interleave, or two concurrent creates could both pass the cap.
        synchronized (this) {
            Account account = context.storage().accounts().find(caller.accountId())
                    .orElseThrow(() -> new EnoriMcpException("account " + caller.accountId() + " of a valid key is missing"));
            int cap = account.plan().maxMonitors();
            if (context.storage().monitors().count(caller.accountId()) >= cap) {
                throw new ToolFailure(ToolError.planLimit("monitors", cap, account.plan().name()));
            }
            context.storage().monitors().insert(monitor);
        }
        String next = type == MonitorType.JOB
                ? "Have the job POST to heartbeatUrl (…/start, …/fail); JSON body may carry runId, durationMs, "
                + "metrics, message."
                : type == MonitorType.DOMAIN ? "Checked by the scheduler; get_monitor shows its state."
                : "Call check_now with this monitorId to run the first check now.";
        return new Output(MonitorViews.detail(monitor, now, HeartbeatTokens.of(context, monitor)), next);
    }
}
