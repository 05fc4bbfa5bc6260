package io.enori.mcp.core.browser;

import io.enori.mcp.api.BrowserPricing;
import io.enori.mcp.api.spi.BillingGateway;
import io.enori.mcp.api.spi.BrowserCheckExecutor;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the browser tools and the scheduler's browser runs are built with.
 *
 * @param executor       runs browser checks; empty when the host plugged none in (browser monitors then wait
 *                       unchecked, and say so)
 * @param billing        where paid browser monitors are billed
 * @param pricing        price and period of a paid browser monitor, and how cancellations are credited
 * @param generatorFetch timeout of the built-in step generator's page fetch
 */
public record BrowserServices(Optional<BrowserCheckExecutor> executor, BillingGateway billing, BrowserPricing pricing,
                              Duration generatorFetch) {
    public BrowserServices {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(billing, "billing");
        Objects.requireNonNull(pricing, "pricing");
        Objects.requireNonNull(generatorFetch, "generatorFetch");
    }
}
