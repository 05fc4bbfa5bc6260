package io.enori.mcp.core.alerts;

import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.Paging;
import io.enori.mcp.core.tool.TypedTool;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** list_alert_channels: the account's channels, secrets masked, with how many monitors use each. */
public final class ListAlertChannels extends TypedTool<ListAlertChannels.Input, ListAlertChannels.Output> {
    static final String NAME = "list_alert_channels";

    record Input(Integer limit, String cursor) {
    }

    /**
     * @param ownerPrincipalId whose notifications it carries (that principal's snooze silences it); null = shared
     */
    record ChannelView(String id, String type, String name, String target, String ownerPrincipalId, boolean shared,
                       int monitorCount, OffsetDateTime createdAt) {
    }

    record Output(List<ChannelView> channels, int count, String nextCursor, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class).paging().build();

    private final CoreContext context;

    public ListAlertChannels(CoreContext context) {
        super(tool(NAME).title("List alert channels").group("alerts").requires(Scope.ALERTS_READ)
                .annotations(ToolAnnotations.READ)
                .description("Alert channels (email, slack, discord, teams, webhook): id (ch_…, for a monitor's "
                        + "channelIds), name, target (webhook URLs masked), owner (null = shared team channel) and "
                        + "how many monitors use it. Oldest first."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Page<AlertChannel> page = Paging.fetch(() -> context.storage().alertChannels().list(caller.accountId(),
                Paging.request(NAME, in.limit(), in.cursor())));
        Map<String, Integer> usage = new HashMap<>();
        if (!page.items().isEmpty()) {
            for (Monitor monitor : context.storage().monitors().listAll(caller.accountId())) {
                for (String channelId : monitor.channelIds()) {
                    usage.merge(channelId, 1, Integer::sum);
                }
            }
        }
        List<ChannelView> views = page.items().stream().map(c -> new ChannelView(c.id(), c.type().wireName(),
                        c.name(), AlertViews.maskedTarget(c), c.ownerPrincipalId(), c.isShared(),
                        usage.getOrDefault(c.id(), 0), c.createdAt().atOffset(ZoneOffset.UTC)))
                .collect(Collectors.toList());
        String note = views.isEmpty() && in.cursor() == null
                ? "No alert channels yet; they are created by the account's administrator, not through MCP." : null;
        return new Output(views, views.size(), Paging.cursor(NAME, page.nextKey()), note);
    }
}
