package io.enori.mcp.core.browser;

import io.enori.mcp.api.spi.BillingGateway;
import io.enori.mcp.api.spi.BrowserMonitorStore;
import io.enori.mcp.api.spi.Storage;
import io.enori.mcp.core.tool.Ids;
import java.util.Objects;

/**
 * The default {@link BillingGateway}: records items and their cancellations in the database
 * ({@link BrowserMonitorStore#billingItems}), for a host to reconcile with its real billing.
 */
public final class StoredBillingGateway implements BillingGateway {
    private final Storage storage;
    private final Ids ids;

    private StoredBillingGateway(Storage storage, Ids ids) {
        this.storage = storage;
        this.ids = ids;
    }

    public static StoredBillingGateway create(Storage storage, Ids ids) {
        return new StoredBillingGateway(Objects.requireNonNull(storage, "storage"), Objects.requireNonNull(ids, "ids"));
    }

    @Override
    public String addItem(Charge charge) {
        String id = ids.next("bill_");
        storage.browserMonitors().insertBillingItem(new BrowserMonitorStore.BillingItem(id, charge.accountId(),
                charge.monitorId(), charge.price(), charge.currency(), charge.periodDays(), charge.startsAt(), null, null));
        return id;
    }

    @Override
    public void cancelItem(Cancellation cancellation) {
        storage.browserMonitors().cancelBillingItem(cancellation.accountId(), cancellation.itemId(),
                cancellation.credit(), cancellation.at());
    }
}
