package io.enori.mcp.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One span a monitored service exported over OTLP, as stored for an account.
 *
 * @param parentSpanId   16 lowercase hex digits, {@code null} for a root span
 * @param service        the resource's {@code service.name}, if it had one
 * @param kind           {@code INTERNAL}, {@code SERVER}, {@code CLIENT}, {@code PRODUCER}, {@code CONSUMER} or
 *                       {@code UNSPECIFIED}
 * @param statusCode     {@code UNSET}, {@code OK} or {@code ERROR}
 * @param attributesJson the span's attributes as a JSON object of plain values
 * @param eventsJson     the span's events as a JSON array of {@code {name, time, attributes}}
 * @param monitorId      the monitor the span is linked to, if any (same account)
 * @param checkId        the check whose trace the span joined, if any (same account)
 * @param receivedAt     when the receiver stored it; retention counts from here
 */
public record TraceSpan(String accountId, String traceId, String spanId, String parentSpanId, String name,
                        String service, String kind, Instant startedAt, Instant endedAt, String statusCode,
                        String statusMessage, String attributesJson, String eventsJson, String monitorId,
                        String checkId, Instant receivedAt) {
    public TraceSpan {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (traceId == null || !traceId.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("traceId must be 32 lowercase hex digits");
        }
        if (spanId == null || !spanId.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("spanId must be 16 lowercase hex digits");
        }
        if (parentSpanId != null && !parentSpanId.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("parentSpanId must be 16 lowercase hex digits");
        }
        attributesJson = attributesJson == null ? "{}" : attributesJson;
        eventsJson = eventsJson == null ? "[]" : eventsJson;
    }

    /** This span linked to a monitor and, if known, the check that started its trace. */
    public TraceSpan linkedTo(String monitorId, String checkId) {
        return new TraceSpan(accountId, traceId, spanId, parentSpanId, name, service, kind, startedAt, endedAt,
                statusCode, statusMessage, attributesJson, eventsJson, monitorId, checkId, receivedAt);
    }
}
