package io.enori.mcp.api.spi;

import io.enori.mcp.api.TraceSpan;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Spans received over OTLP. Every read and write names the account, so one account's spans can never reach
 * another's reads or link to another's checks.
 */
public interface TraceStore {

    /**
     * Stores spans; a span already stored under the same account, trace id and span id (an exporter's retry) is
     * skipped. Returns how many were new.
     */
    int insert(List<TraceSpan> spans);

    /** The check of this account whose trace id this is, as {@code [checkId, monitorId]}. */
    Optional<String[]> checkOfTrace(String accountId, String traceId);

    /** Links the trace's not yet linked spans to a check recorded after they arrived. Returns how many. */
    int linkToCheck(String accountId, String traceId, String monitorId, String checkId);

    /** The trace's spans by start time, at most {@code limit}. */
    List<TraceSpan> spans(String accountId, String traceId, int limit);

    /** How many spans the trace has. */
    int countSpans(String accountId, String traceId);

    /**
     * The monitor's traces newest first (by first span start in {@code [since, until)}), keyset-paged.
     *
     * @throws IllegalArgumentException when {@code page.afterKey()} is not a key this store produced
     */
    Page<TraceSummary> traces(String accountId, String monitorId, Instant since, Instant until, boolean errorsOnly,
                              PageRequest page);

    /** Deletes at most about {@code maxRows} spans received before {@code cutoff}; returns how many went. */
    int purgeReceivedBefore(Instant cutoff, int maxRows);
}
