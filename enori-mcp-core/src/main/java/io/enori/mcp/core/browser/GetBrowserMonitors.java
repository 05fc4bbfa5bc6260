package io.enori.mcp.core.browser;

import io.enori.mcp.api.BrowserMonitor;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;
import io.enori.mcp.core.tool.Paging;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** get_browser_monitors: the account's browser monitors, paged. */
public final class GetBrowserMonitors extends TypedTool<GetBrowserMonitors.Input, GetBrowserMonitors.Output> {
    static final String NAME = "get_browser_monitors";

    record Input(Integer limit, String cursor) {
    }

    record Item(String monitorId, String name, String url, String status, int intervalSeconds, int stepCount,
                String healing, Integer healingStep, Instant lastCheckedAt) {
    }

    record Output(List<Item> monitors, int count, String nextCursor) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class).paging().build();

    private final CoreContext context;

    public GetBrowserMonitors(CoreContext context) {
        super(tool(NAME).title("Browser monitors").group("browser").requires(Scope.MONITORS_READ)
                .annotations(ToolAnnotations.READ)
                .description("List browser monitors: status, interval, step count, healing (healthy, healed or broken "
                        + "at healingStep)."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        var page = Paging.request(NAME, in.limit(), in.cursor());
        List<Item> items = new ArrayList<>();
        String next = null;
        for (BrowserMonitor b : context.storage().browserMonitors().listAll(caller.accountId())) {
            if (page.afterKey() != null && b.monitorId().compareTo(page.afterKey()) <= 0) {
                continue;
            }
            if (items.size() == page.limit()) {
                next = items.get(items.size() - 1).monitorId();
                break;
            }
            Optional<Monitor> m = context.storage().monitors().find(caller.accountId(), b.monitorId());
            m.ifPresent(monitor -> items.add(new Item(monitor.id(), monitor.name(), monitor.target().address(),
                    BrowserViews.status(monitor), monitor.intervalSeconds(), b.steps().size(), b.healing().wireName(),
                    b.healedStep(), monitor.lastCheckedAt())));
        }
        return new Output(items, items.size(), Paging.cursor(NAME, next));
    }
}
