package io.enori.mcp.core.tool;

import io.enori.mcp.api.Plan;
import io.enori.mcp.api.spi.CheckExecutor;
import io.enori.mcp.api.spi.Storage;
import io.enori.mcp.core.incidents.IncidentEvents;
import java.time.Clock;
import java.util.Objects;

/**
 * What tools are built with: storage, the injected clock (no tool reads the system clock), id generation,
 * the check executor, settings, and where incident changes are announced.
 *
 * @param publicBaseUrl where share links point, without a trailing slash
 */
public record CoreContext(Storage storage, Clock clock, Ids ids, CheckExecutor checks, Plan defaultPlan,
                          String publicBaseUrl, IncidentEvents incidentEvents) {
    public CoreContext {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(checks, "checks");
        Objects.requireNonNull(defaultPlan, "defaultPlan");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(incidentEvents, "incidentEvents");
    }

    /** A context whose incident changes reach nobody yet; subscribe through {@link #incidentEvents()}. */
    public CoreContext(Storage storage, Clock clock, Ids ids, CheckExecutor checks, Plan defaultPlan,
                       String publicBaseUrl) {
        this(storage, clock, ids, checks, defaultPlan, publicBaseUrl, new IncidentEvents());
    }
}
