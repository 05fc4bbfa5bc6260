package io.enori.mcp.core.alerts;

import io.enori.mcp.api.Alert;
import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.spi.AlertFilter;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.Paging;
import io.enori.mcp.core.tool.TimeRange;
import io.enori.mcp.core.tool.TypedTool;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** list_alerts: alerts made in a range, newest first, with what became of each. */
public final class ListAlerts extends TypedTool<ListAlerts.Input, ListAlerts.Output> {
    static final String NAME = "list_alerts";
    static final List<String> STATUSES = Arrays.stream(Alert.Status.values()).map(Alert.Status::wireName)
            .collect(Collectors.toList());

    record Input(String monitorId, String status, String since, String until, String tz, Integer limit,
                 String cursor) {
    }

    /** {@code name} is null when the channel was deleted since. */
    record ChannelRef(String id, String type, String name) {
    }

    record MonitorRef(String id, String name) {
    }

    record AlertView(String id, String event, String status, String reason, int attempts, ChannelRef channel,
                     MonitorRef monitor, String incidentId, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                     OffsetDateTime deliveredAt) {
    }

    record Output(OffsetDateTime since, OffsetDateTime until, String tz, List<AlertView> alerts, int count,
                  String nextCursor, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .id("monitorId", "mon_", "Only this monitor's alerts.")
            .oneOf("status", STATUSES, null, "Only alerts in this state.")
            .timeRange()
            .paging()
            .build();

    private final CoreContext context;

    public ListAlerts(CoreContext context) {
        super(tool(NAME).title("List alerts").group("alerts").requires(Scope.ALERTS_READ)
                .annotations(ToolAnnotations.READ)
                .description("Alerts sent for incidents opening or resolving in since/until (default last 24 h), "
                        + "newest first: channel, monitor, event, status (delivered, failed, suppressed, "
                        + "undeliverable, pending) and why, attempts. Filter by monitorId or status."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        TimeRange range = TimeRange.resolve(in.since(), in.until(), in.tz(), context.clock());
        AlertFilter filter = new AlertFilter(in.monitorId(),
                in.status() == null ? null : Alert.Status.valueOf(in.status().toUpperCase(Locale.ROOT)));
        Page<Alert> page = Paging.fetch(() -> context.storage().alerts().list(caller.accountId(), filter,
                range.since(), range.until(), Paging.request(NAME, in.limit(), in.cursor())));
        Map<String, Optional<AlertChannel>> channels = new HashMap<>();
        Map<String, Optional<Monitor>> monitors = new HashMap<>();
        List<AlertView> views = page.items().stream().map(a -> {
            Optional<AlertChannel> channel = channels.computeIfAbsent(a.channelId(),
                    id -> context.storage().alertChannels().find(caller.accountId(), id));
            Optional<Monitor> monitor = monitors.computeIfAbsent(a.monitorId(),
                    id -> context.storage().monitors().find(caller.accountId(), id));
            return new AlertView(a.id(), a.event().wireName(), a.status().wireName(), a.reason(), a.attempts(),
                    new ChannelRef(a.channelId(), a.channelType().wireName(),
                            channel.map(AlertChannel::name).orElse(null)),
                    new MonitorRef(a.monitorId(), monitor.map(Monitor::name).orElse(null)), a.incidentId(),
                    range.local(a.createdAt()), range.local(a.updatedAt()), range.local(a.deliveredAt()));
        }).collect(Collectors.toList());
        String note = views.isEmpty() && in.cursor() == null ? emptyNote(caller, in) : null;
        return new Output(range.sinceLocal(), range.untilLocal(), range.zoneId(), views, views.size(),
                Paging.cursor(NAME, page.nextKey()), note);
    }

    private String emptyNote(Caller caller, Input in) {
        if (context.storage().alertChannels().list(caller.accountId(), Paging.request(NAME, 1, null)).items()
                .isEmpty()) {
            return "No alerts: this account has no alert channels yet, so incidents notify nobody.";
        }
        if (in.monitorId() != null || in.status() != null) {
            return "No alerts match these filters in this range.";
        }
        return "No alerts in this range: alerts are made when an incident opens or resolves on a monitor with "
                + "channelIds.";
    }
}
