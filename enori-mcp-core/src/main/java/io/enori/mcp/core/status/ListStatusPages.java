package io.enori.mcp.core.status;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.StatusPage;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.Paging;
import io.enori.mcp.core.tool.TypedTool;
import java.util.List;
import java.util.stream.Collectors;

/** list_status_pages: the account's status pages, oldest first, each with its overall status. */
public final class ListStatusPages extends TypedTool<ListStatusPages.Input, ListStatusPages.Output> {
    static final String NAME = "list_status_pages";

    record Input(Integer limit, String cursor) {
    }

    record PageSummary(String id, String name, String slug, int componentCount, String overallStatus,
                       String summary) {
    }

    record Output(List<PageSummary> statusPages, int count, String nextCursor, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class).paging().build();

    private final CoreContext context;

    public ListStatusPages(CoreContext context) {
        super(tool(NAME).title("List status pages").group("status").requires(Scope.STATUS_PAGES_READ)
                        .annotations(ToolAnnotations.READ)
                        .description("Status pages with component count and overall status (the worst component's). "
                                + "get_status_page shows each component."),
                INPUT, Output.class);
        this.context = context;
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        Page<StatusPage> page = Paging.fetch(() -> context.storage().statusPages().list(caller.accountId(),
                Paging.request(NAME, in.limit(), in.cursor())));
        HealthSnapshot snapshot = page.items().stream().anyMatch(p -> !p.components().isEmpty())
                ? HealthSnapshot.load(context, caller.accountId()) : null;
        List<PageSummary> pages = page.items().stream().map(p -> {
            StatusViews.Overall overall = StatusViews.overall(p, snapshot);
            return new PageSummary(p.id(), p.name(), p.slug(), p.components().size(), overall.health().wireName(),
                    overall.summary());
        }).collect(Collectors.toList());
        String note = pages.isEmpty() && in.cursor() == null
                ? "No status pages yet; they are created by the host application, not through these tools." : null;
        return new Output(pages, pages.size(), Paging.cursor(NAME, page.nextKey()), note);
    }
}
