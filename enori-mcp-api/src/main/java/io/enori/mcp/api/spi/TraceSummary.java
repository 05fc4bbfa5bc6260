package io.enori.mcp.api.spi;

import java.time.Instant;

/**
 * One trace of a monitor, aggregated over its stored spans.
 *
 * @param rootService   the service of the earliest span whose parent is not stored (the entry point)
 * @param rootOperation that span's name
 * @param startedAt     the earliest span start
 * @param endedAt       the latest span end
 * @param error         whether any span has status ERROR
 * @param checkId       the check that started the trace, if the trace links to one
 */
public record TraceSummary(String traceId, String rootService, String rootOperation, Instant startedAt,
                           Instant endedAt, int spanCount, boolean error, String checkId) {
}
