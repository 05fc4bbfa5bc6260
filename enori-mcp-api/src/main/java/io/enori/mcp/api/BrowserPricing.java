package io.enori.mcp.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one browser monitor beyond the free slots costs per billing period, and how a cancellation is credited:
 * credit = whole days left in the current period / period length in days × price, rounded half-even to cents.
 * Periods run back to back from the item's start.
 */
public record BrowserPricing(BigDecimal price, String currency, int periodDays) {

    /** 9.00 USD per 30-day period. */
    public static final BrowserPricing DEFAULT = new BrowserPricing(new BigDecimal("9.00"), "USD", 30);

    public BrowserPricing {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(currency, "currency");
        if (price.signum() < 0) {
            throw new IllegalArgumentException("price must be >= 0");
        }
        if (periodDays < 1) {
            throw new IllegalArgumentException("periodDays must be >= 1");
        }
    }

    /** Whole days left in the period that contains {@code at}, for an item started at {@code start}. */
    public long remainingDays(Instant start, Instant at) {
        long periodSeconds = Duration.ofDays(periodDays).getSeconds();
        long elapsed = Math.max(0, Duration.between(start, at).getSeconds());
        long intoPeriod = elapsed % periodSeconds;
        return (periodSeconds - intoPeriod) / Duration.ofDays(1).getSeconds();
    }

    /** The credit for cancelling at {@code at} an item started at {@code start}. */
    public BigDecimal proratedCredit(Instant start, Instant at) {
        return price.multiply(BigDecimal.valueOf(remainingDays(start, at)))
                .divide(BigDecimal.valueOf(periodDays), 2, RoundingMode.HALF_EVEN);
    }
}
