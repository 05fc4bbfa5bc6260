package io.enori.mcp.api.spi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Where paid browser monitors are billed. The account's free browser slots (its plan's
 * {@code freeBrowserSlots}) cost nothing; each further browser monitor opens an item here, and deleting it
 * cancels the item with a prorated credit the core computes. The default gateway records items in the database.
 * A method that throws makes the calling tool fail without leaving a half-created or half-deleted monitor.
 */
public interface BillingGateway {

    /** Opens a recurring item; returns the gateway's id for it. */
    String addItem(Charge charge);

    /** Cancels an item and grants {@code credit}. */
    void cancelItem(Cancellation cancellation);

    /** A recurring charge for one browser monitor, starting at {@code startsAt}. */
    record Charge(String accountId, String monitorId, BigDecimal price, String currency, int periodDays,
                  Instant startsAt) {
        public Charge {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(monitorId, "monitorId");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(startsAt, "startsAt");
        }
    }

    /** The end of an item, with the credit for the unused part of its current period. */
    record Cancellation(String accountId, String itemId, String monitorId, BigDecimal credit, String currency,
                        long remainingDays, Instant at) {
        public Cancellation {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(credit, "credit");
            Objects.requireNonNull(at, "at");
        }
    }
}
