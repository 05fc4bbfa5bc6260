package io.enori.mcp.core.browser;

import io.enori.mcp.api.Account;
import io.enori.mcp.api.BrowserMonitor;
import io.enori.mcp.api.BrowserPricing;
import io.enori.mcp.api.EnoriMcpException;
import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.api.spi.BillingGateway;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.ToolFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and deletes browser monitors together with their billing: the plan's free slots first, then one
 * gateway item per further monitor; a delete cancels the item with a prorated credit. The gateway is called
 * before the database changes, and a failed insert cancels the item it opened, so a failure on either side
 * leaves neither a monitor without its item nor an item without its monitor.
 */
final class BrowserBilling {
    private static final Logger LOG = LoggerFactory.getLogger(BrowserBilling.class);
    static final String BILLING_FAILED = "Billing failed";

    /** How a monitor is paid for. */
    record Charge(boolean free, String itemId, BigDecimal price, String currency, int periodDays) {
    }

    /** What a delete credited; null fields when the monitor used a free slot. */
    record Credit(String itemId, BigDecimal credit, String currency, Long remainingDays, Integer periodDays) {
    }

    private final CoreContext context;
    private final BrowserServices services;
    /** Count-then-insert must not interleave, or two creates could both take the last free slot. */
    private final Object lock = new Object();

    BrowserBilling(CoreContext context, BrowserServices services) {
        this.context = context;
        this.services = services;
    }

    /** Inserts {@code monitor} with the browser half {@code browserFor} builds from its billing item id. */
    Charge create(Monitor monitor, Function<String, BrowserMonitor> browserFor) {
        synchronized (lock) {
            Account account = context.storage().accounts().find(monitor.accountId())
                    .orElseThrow(() -> new EnoriMcpException("account " + monitor.accountId() + " of a valid key is missing"));
            if (context.storage().monitors().count(monitor.accountId()) >= account.plan().maxMonitors()) {
                throw new ToolFailure(ToolError.planLimit("monitors", account.plan().maxMonitors(), account.plan().name()));
            }
            long freeUsed = context.storage().browserMonitors().listAll(monitor.accountId()).stream()
                    .filter(BrowserMonitor::free).count();
            BrowserPricing pricing = services.pricing();
            String itemId = null;
            if (freeUsed >= account.plan().freeBrowserSlots()) {
                try {
                    itemId = services.billing().addItem(new BillingGateway.Charge(monitor.accountId(), monitor.id(),
                            pricing.price(), pricing.currency(), pricing.periodDays(), monitor.createdAt()));
                } catch (RuntimeException e) {
                    LOG.warn("billing gateway refused an item for {}", monitor.id(), e);
                    throw failed("No monitor was created.");
                }
            }
            try {
                context.storage().browserMonitors().insert(monitor, browserFor.apply(itemId));
            } catch (RuntimeException e) {
                if (itemId != null) {
                    cancelQuietly(monitor, itemId, pricing.price());
                }
                throw e;
            }
            return itemId == null ? new Charge(true, null, BigDecimal.ZERO, pricing.currency(), pricing.periodDays())
                    : new Charge(false, itemId, pricing.price(), pricing.currency(), pricing.periodDays());
        }
    }

    /** Cancels the billing item (if any) with its prorated credit, then deletes the monitor. */
    Credit delete(BrowserViews.Found found) {
        BrowserMonitor browser = found.browser();
        Instant now = context.clock().instant();
        Credit credit = new Credit(null, null, null, null, null);
        if (!browser.free()) {
            BrowserPricing pricing = services.pricing();
            Instant start = browser.billedFrom() == null ? found.monitor().createdAt() : browser.billedFrom();
            long remaining = pricing.remainingDays(start, now);
            BigDecimal amount = pricing.proratedCredit(start, now);
            try {
                services.billing().cancelItem(new BillingGateway.Cancellation(browser.accountId(),
                        browser.billingItemId(), browser.monitorId(), amount, pricing.currency(), remaining, now));
            } catch (RuntimeException e) {
                LOG.warn("billing gateway could not cancel {} of {}", browser.billingItemId(), browser.monitorId(), e);
                throw failed("The monitor was not deleted.");
            }
            credit = new Credit(browser.billingItemId(), amount, pricing.currency(), remaining, pricing.periodDays());
        }
        context.storage().browserMonitors().delete(browser.accountId(), browser.monitorId());
        return credit;
    }

    private void cancelQuietly(Monitor monitor, String itemId, BigDecimal fullCredit) {
        try {
            services.billing().cancelItem(new BillingGateway.Cancellation(monitor.accountId(), itemId, monitor.id(),
                    fullCredit, services.pricing().currency(), services.pricing().periodDays(), context.clock().instant()));
        } catch (RuntimeException e) {
            LOG.error("billing item {} of the monitor {} that could not be stored is still open", itemId, monitor.id(), e);
        }
    }

    private static ToolFailure failed(String what) {
        return new ToolFailure(new ToolError(BILLING_FAILED, Map.of("hint",
                "The billing service did not answer. " + what + " Try again later.")));
    }
}
