package io.enori.mcp.core.browser;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.InputSpec;
import io.enori.mcp.core.tool.TypedTool;
import java.math.BigDecimal;

/** delete_browser_monitor: permanently deletes a browser monitor and cancels its billing item with credit. */
public final class DeleteBrowserMonitor extends TypedTool<DeleteBrowserMonitor.Input, DeleteBrowserMonitor.Output> {

    record Input(String monitorId) {
    }

    record Output(boolean deleted, String monitorId, String name, String billingItemId, BigDecimal credit,
                  String currency, Long remainingDays, String note) {
    }

    private static final InputSpec<Input> INPUT = InputSpec.of(Input.class)
            .requiredId("monitorId", "mon_", "The browser monitor.")
            .build();

    private final CoreContext context;
    private final BrowserBilling billing;

    public DeleteBrowserMonitor(CoreContext context, BrowserServices services) {
        super(tool("delete_browser_monitor").title("Delete browser monitor").group("browser")
                .requires(Scope.MONITORS_WRITE).annotations(new ToolAnnotations(false, true, true, false))
                .description("Permanently delete a browser monitor and its checks; cancels its billing item with "
                        + "prorated credit (in result)."),
                INPUT, Output.class);
        this.context = context;
        this.billing = new BrowserBilling(context, services);
    }

    @Override
    protected Output handle(Caller caller, Input in) {
        BrowserViews.Found found = BrowserViews.require(context, caller, in.monitorId());
        BrowserBilling.Credit c = billing.delete(found);
        String note = c.itemId() == null ? "It used a free slot; nothing to credit."
                : "Credited " + c.credit().toPlainString() + " " + c.currency() + " for " + c.remainingDays() + " of "
                + c.periodDays() + " days left in the period.";
        return new Output(true, found.monitor().id(), found.monitor().name(), c.itemId(), c.credit(), c.currency(),
                c.remainingDays(), note);
    }
}
