package io.enori.mcp.core.traces;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.TraceSpan;
import io.enori.mcp.core.tool.CoreContext;
import io.enori.mcp.core.tool.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The OTLP/HTTP trace receiver's logic, for a transport to call with an authenticated caller and the request
 * body: checks the scope, parses OTLP JSON, links spans to checks and monitors of the caller's account only, stores
 * them and runs the (throttled, bounded) retention purge. The transport only maps the {@link Result} to HTTP.
 *
 * <p>Ingest needs {@code monitors:write}: it writes into the account, and a read-only key (the kind handed to
 * dashboards) should not be able to inject spans into other people's traces.
 */
public final class TraceIngest {

    /** Spans one request may carry; an exporter's default batch is 512. */
    public static final int MAX_SPANS_PER_REQUEST = 1000;
    public static final Scope REQUIRED_SCOPE = Scope.MONITORS_WRITE;

    /** What to answer. */
    public sealed interface Result {
        /** 200 with the OTLP partial-success body. */
        record Accepted(int storedSpans, int rejectedSpans, String errorMessage) implements Result {
            /** {@code {}} or {@code {"partialSuccess": {"rejectedSpans": n, "errorMessage": ...}}}. */
            public Map<String, Object> body() {
                if (rejectedSpans == 0 && errorMessage == null) {
                    return Map.of();
                }
                Map<String, Object> partial = new java.util.LinkedHashMap<>();
                partial.put("rejectedSpans", rejectedSpans);
                partial.put("errorMessage", errorMessage);
                return Map.of("partialSuccess", partial);
            }
        }

        /** The request is refused whole with this HTTP status (400, 403, 413). */
        record Refused(int httpStatus, String message) implements Result {
        }
    }

    private final CoreContext context;
    private final TraceRetention retention;

    public TraceIngest(CoreContext context, Duration retention) {
        this.context = Objects.requireNonNull(context, "context");
        this.retention = new TraceRetention(context, retention);
    }

    /** How long spans are kept. */
    /**
     * Deletes spans past the retention (a bounded batch, at most once a minute). Ingest does this too; the started
     * core's housekeeping calls it so spans also expire on a server that stops receiving them.
     */
    public int purgeExpired() {
        return retention.purgeIfDue();
    }

    public Duration retention() {
        return retention.retention();
    }

    /** Ingests an OTLP/HTTP JSON body ({@code Content-Type: application/json}). */
    public Result ingestJson(Caller caller, byte[] body) {
        Objects.requireNonNull(caller, "caller");
        if (!caller.isAuthenticated()) {
            return new Result.Refused(401, "Authentication required");
        }
        if (!caller.has(REQUIRED_SCOPE)) {
            return new Result.Refused(403, "Insufficient scope: sending spans needs an API key with "
                    + REQUIRED_SCOPE.wireName());
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return new Result.Refused(400, "The body is not valid JSON (OTLP/HTTP JSON encoding expected)");
        } catch (IOException e) {
            return new Result.Refused(400, "The body could not be read");
        }
        if (root == null || root.isMissingNode()) {
            return new Result.Refused(400, "The body is empty; send an OTLP ExportTraceServiceRequest");
        }
        int count = OtlpJson.countSpans(root);
        if (count > MAX_SPANS_PER_REQUEST) {
            return new Result.Refused(413, "Too many spans: " + count + " in one request, at most "
                    + MAX_SPANS_PER_REQUEST + "; lower the exporter's batch size (e.g. OTEL_BSP_MAX_EXPORT_BATCH_SIZE)");
        }
        Instant now = context.clock().instant();
        OtlpJson.Parsed parsed;
        try {
            parsed = OtlpJson.parse(root, caller.accountId(), now);
        } catch (OtlpJson.Malformed e) {
            return new Result.Refused(400, "Not an OTLP trace export: " + e.getMessage());
        }
        List<TraceSpan> spans = link(caller.accountId(), parsed.spans());
        int stored = context.storage().traces().insert(spans);
        linkChecksRecordedMeanwhile(caller.accountId(), spans);
        retention.purgeIfDue();
        String message = parsed.rejected() == 0 ? null
                : parsed.rejected() + " span(s) rejected; first: " + parsed.firstProblem();
        return new Result.Accepted(stored, parsed.rejected(), message);
    }

    /**
     * A check recorded between this request's lookup and its insert linked nothing (these spans did not exist yet),
     * so look again once they are stored. Either this or the check's own linking sees the other's row.
     */
    private void linkChecksRecordedMeanwhile(String accountId, List<TraceSpan> spans) {
        spans.stream().filter(span -> span.checkId() == null).map(TraceSpan::traceId).distinct()
                .forEach(traceId -> context.storage().traces().checkOfTrace(accountId, traceId).ifPresent(check ->
                        context.storage().traces().linkToCheck(accountId, traceId, check[1], check[0])));
    }

    /**
     * A span joins the check whose trace id it carries; otherwise the monitor its resource names, if that monitor
     * exists in the caller's account. Lookups are per distinct trace / monitor id of the request.
     */
    private List<TraceSpan> link(String accountId, List<OtlpJson.Claimed> claimed) {
        Map<String, Optional<String[]>> checks = new HashMap<>();
        Map<String, Boolean> monitors = new HashMap<>();
        List<TraceSpan> linked = new ArrayList<>(claimed.size());
        for (OtlpJson.Claimed c : claimed) {
            TraceSpan span = c.span();
            Optional<String[]> check = checks.computeIfAbsent(span.traceId(),
                    t -> context.storage().traces().checkOfTrace(accountId, t));
            if (check.isPresent()) {
                span = span.linkedTo(check.get()[1], check.get()[0]);
            } else if (c.claimedMonitorId() != null && monitors.computeIfAbsent(c.claimedMonitorId(),
                    m -> context.storage().monitors().find(accountId, m).isPresent())) {
                span = span.linkedTo(c.claimedMonitorId(), null);
            }
            linked.add(span);
        }
        return linked;
    }
}
