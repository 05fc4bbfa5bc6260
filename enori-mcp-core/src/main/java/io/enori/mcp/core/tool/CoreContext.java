package io.enori.mcp.core.tool;

import io.enori.mcp.api.Plan;
import io.enori.mcp.api.spi.CheckExecutor;
import io.enori.mcp.api.spi.Storage;
import java.time.Clock;
import java.util.Objects;

/**
 * What tools are built with: storage, the injected clock (no tool reads the system clock), id generation,
 * the check executor and settings.
 *
 * @param publicBaseUrl where share links point, without a trailing slash
 */
public record CoreContext(Storage storage, Clock clock, Ids ids, CheckExecutor checks, Plan defaultPlan,
                          String publicBaseUrl) {
    public CoreContext {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(defaultPlan, "defaultPlan");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    }
}
