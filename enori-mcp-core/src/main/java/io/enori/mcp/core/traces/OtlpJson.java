package io.enori.mcp.core.traces;

import com.fasterxml.jackson.databind.JsonNode;
import io.enori.mcp.api.TraceSpan;
import io.enori.mcp.core.tool.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an OTLP/HTTP JSON {@code ExportTraceServiceRequest} ({@code resourceSpans → scopeSpans → spans}) into
 * spans of one account. Per the OTLP JSON encoding, ids are hex strings, enums integers (their names are
 * accepted too), 64-bit integers decimal strings or numbers, and field names lowerCamelCase (the proto's
 * snake_case names are accepted too). A span that cannot be stored (bad ids, no start time) is rejected alone,
 * counted for the partial-success answer; a request whose shape is wrong is refused whole.
 */
final class OtlpJson {

    /** Longest attribute string kept on write; reads cut further (see {@link TraceViews}). */
    static final int MAX_STORED_VALUE_CHARS = 4096;
    static final int MAX_ATTRIBUTES = 128;
    static final int MAX_EVENTS = 128;
    static final String MONITOR_ATTRIBUTE = "enori.monitor.id";

    private static final String[] KINDS = {"UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"};
    private static final String[] STATUSES = {"UNSET", "OK", "ERROR"};

    /** A span, and the monitor its resource named in {@code enori.monitor.id} (unchecked), if any. */
    record Claimed(TraceSpan span, String claimedMonitorId) {
    }

    /** @param firstProblem why the first rejected span was rejected */
    record Parsed(List<Claimed> spans, int rejected, String firstProblem) {
    }

    /** The request's shape is wrong: answered 400 as a whole. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private OtlpJson() {
    }

    /** Spans in the request, counted before anything is parsed so an oversized request is refused cheaply. */
    static int countSpans(JsonNode root) {
        int count = 0;
        for (JsonNode resource : field(root, "resourceSpans", "resource_spans")) {
            for (JsonNode scope : field(resource, "scopeSpans", "scope_spans")) {
                count += field(scope, "spans", "spans").size();
            }
        }
        return count;
    }

    static Parsed parse(JsonNode root, String accountId, Instant receivedAt) throws Malformed {
        if (root == null || !root.isObject()) {
            throw new Malformed("the body must be a JSON object with resourceSpans (OTLP ExportTraceServiceRequest)");
        }
        JsonNode resources = field(root, "resourceSpans", "resource_spans");
        if (!resources.isMissingNode() && !resources.isArray()) {
            throw new Malformed("resourceSpans must be an array");
        }
        List<Claimed> spans = new ArrayList<>();
        int rejected = 0;
        String firstProblem = null;
        for (JsonNode resource : resources) {
            Map<String, Object> resourceAttributes = attributes(field(resource.path("resource"), "attributes",
                    "attributes"));
            String service = text(resourceAttributes.get("service.name"), 256);
            String claimed = text(resourceAttributes.get(MONITOR_ATTRIBUTE), 64);
            JsonNode scopes = field(resource, "scopeSpans", "scope_spans");
            if (!scopes.isMissingNode() && !scopes.isArray()) {
                throw new Malformed("scopeSpans must be an array");
            }
            for (JsonNode scope : scopes) {
                JsonNode list = field(scope, "spans", "spans");
                if (!list.isMissingNode() && !list.isArray()) {
                    throw new Malformed("spans must be an array");
                }
                for (JsonNode span : list) {
                    try {
                        spans.add(new Claimed(span(span, accountId, service, receivedAt), claimed));
                    } catch (IllegalArgumentException e) {
                        rejected++;
                        if (firstProblem == null) {
                            firstProblem = e.getMessage();
                        }
                    }
                }
            }
        }
        return new Parsed(spans, rejected, firstProblem);
    }

    private static TraceSpan span(JsonNode span, String accountId, String service, Instant receivedAt) {
        String traceId = id(field(span, "traceId", "trace_id"), 32, "traceId", false);
        String spanId = id(field(span, "spanId", "span_id"), 16, "spanId", false);
        String parent = id(field(span, "parentSpanId", "parent_span_id"), 16, "parentSpanId", true);
        Instant start = nanos(field(span, "startTimeUnixNano", "start_time_unix_nano"));
        if (start == null) {
            throw new IllegalArgumentException("span " + spanId + ": startTimeUnixNano is missing");
        }
        Instant end = nanos(field(span, "endTimeUnixNano", "end_time_unix_nano"));
        if (end == null || end.isBefore(start)) {
            end = start;
        }
        String name = span.path("name").asText("");
        name = name.isEmpty() ? "(unnamed)" : cut(name, 1000);
        JsonNode status = span.path("status");
        String statusMessage = status.path("message").asText(null);
        return new TraceSpan(accountId, traceId, spanId, parent, name, service,
                enumName(span.path("kind"), KINDS, "SPAN_KIND_"), start, end,
                enumName(status.path("code"), STATUSES, "STATUS_CODE_"),
                statusMessage == null || statusMessage.isEmpty() ? null : cut(statusMessage, 2000),
                Json.write(attributes(span.path("attributes"))), Json.write(events(span.path("events"))), null,
                null, receivedAt);
    }

    private static List<Map<String, Object>> events(JsonNode events) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode event : events) {
            if (out.size() == MAX_EVENTS) {
                break;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", cut(event.path("name").asText(""), 1000));
            Instant at = nanos(field(event, "timeUnixNano", "time_unix_nano"));
            e.put("time", at == null ? null : at.toString());
            e.put("attributes", attributes(event.path("attributes")));
            out.add(e);
        }
        return out;
    }

    /** OTLP {@code KeyValue} list → a JSON object of plain values (later keys win, as in the SDKs). */
    static Map<String, Object> attributes(JsonNode keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (JsonNode kv : keyValues) {
            String key = kv.path("key").asText(null);
            if (key == null || (out.size() >= MAX_ATTRIBUTES && !out.containsKey(key))) {
                continue;
            }
            out.put(key, value(kv.path("value")));
        }
        return out;
    }

    /** An OTLP {@code AnyValue} as a plain JSON value. */
    private static Object value(JsonNode any) {
        if (any.has("stringValue") || any.has("string_value")) {
            return cut(field(any, "stringValue", "string_value").asText(), MAX_STORED_VALUE_CHARS);
        }
        if (any.has("boolValue") || any.has("bool_value")) {
            return field(any, "boolValue", "bool_value").asBoolean();
        }
        if (any.has("intValue") || any.has("int_value")) {
            JsonNode v = field(any, "intValue", "int_value");
            try {
                return Long.parseLong(v.asText().strip());
            } catch (NumberFormatException e) {
                return cut(v.asText(), MAX_STORED_VALUE_CHARS);
            }
        }
        if (any.has("doubleValue") || any.has("double_value")) {
            JsonNode v = field(any, "doubleValue", "double_value");
            return v.isNumber() ? v.asDouble() : cut(v.asText(), MAX_STORED_VALUE_CHARS);
        }
        if (any.has("arrayValue") || any.has("array_value")) {
            List<Object> values = new ArrayList<>();
            for (JsonNode v : field(any, "arrayValue", "array_value").path("values")) {
                if (values.size() < MAX_ATTRIBUTES) {
                    values.add(value(v));
                }
            }
            return values;
        }
        if (any.has("kvlistValue") || any.has("kvlist_value")) {
            return attributes(field(any, "kvlistValue", "kvlist_value").path("values"));
        }
        if (any.has("bytesValue") || any.has("bytes_value")) {
            return cut(field(any, "bytesValue", "bytes_value").asText(), MAX_STORED_VALUE_CHARS);
        }
        return null;
    }

    private static String id(JsonNode node, int hexDigits, String field, boolean optional) {
        String raw = node.isTextual() ? node.asText().strip() : "";
        if (raw.isEmpty() && optional) {
            return null;
        }
        String hex = raw.toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{" + hexDigits + "}") || hex.chars().allMatch(c -> c == '0')) {
            if (optional && hex.chars().allMatch(c -> c == '0') && hex.length() == hexDigits) {
                return null;
            }
            throw new IllegalArgumentException(field + " '" + TraceViews.abbreviate(raw, 40) + "' is not "
                    + hexDigits + " hex digits (OTLP/JSON encodes ids as hex, not base64)");
        }
        return hex;
    }

    private static Instant nanos(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            long nanos = node.isNumber() ? node.longValue() : Long.parseUnsignedLong(node.asText().strip());
            return nanos <= 0 ? null : Instant.ofEpochSecond(0, nanos);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timestamp '" + TraceViews.abbreviate(node.asText(), 40)
                    + "' is not unix nanoseconds");
        }
    }

    private static String enumName(JsonNode node, String[] names, String prefix) {
        if (node.isNumber() && node.asInt() >= 0 && node.asInt() < names.length) {
            return names[node.asInt()];
        }
        String text = node.asText("").toUpperCase(Locale.ROOT);
        text = text.startsWith(prefix) ? text.substring(prefix.length()) : text;
        for (String name : names) {
            if (name.equals(text)) {
                return name;
            }
        }
        return names[0];
    }

    private static JsonNode field(JsonNode node, String camel, String snake) {
        JsonNode value = node.path(camel);
        return value.isMissingNode() ? node.path(snake) : value;
    }

    private static String text(Object value, int max) {
        return value == null ? null : cut(String.valueOf(value), max);
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…[truncated " + (s.length() - max) + " chars]";
    }
}
