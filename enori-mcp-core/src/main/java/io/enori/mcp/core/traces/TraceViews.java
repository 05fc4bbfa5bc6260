package io.enori.mcp.core.traces;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.enori.mcp.api.EnoriMcpException;
import io.enori.mcp.api.TraceSpan;
import io.enori.mcp.core.tool.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How spans are shown to a model: times with offset, durations in ms, long attribute values cut. */
final class TraceViews {

    /** Attribute values longer than this are cut on read, with a marker saying how much was left out. */
    static final int MAX_SHOWN_VALUE_CHARS = 256;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() { };

    private TraceViews() {
    }

    /**
     * @param status {@code UNSET}, {@code OK} or {@code ERROR}, followed by {@code ": <message>"} when the span set one
     * @param events {@code {name, time, attributes}} each; an untyped list keeps the tool's schema small
     */
    record SpanView(String spanId, String parentSpanId, String name, String service, String kind,
                    OffsetDateTime start, long durationMs, String status, Map<String, Object> attributes,
                    List<Map<String, Object>> events) {
    }

    static SpanView span(TraceSpan s) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (Map<String, Object> e : read(s.eventsJson(), LIST)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> attributes = e.get("attributes") instanceof Map<?, ?> m
                    ? (Map<String, Object>) m : Map.of();
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("name", e.get("name"));
            // Stored as an instant; shown with its offset like every other time.
            event.put("time", e.get("time") == null ? null : utc(Instant.parse(e.get("time").toString())).toString());
            event.put("attributes", shown(attributes));
            events.add(event);
        }
        String status = s.statusMessage() == null ? s.statusCode() : s.statusCode() + ": " + s.statusMessage();
        return new SpanView(s.spanId(), s.parentSpanId(), s.name(), s.service(), s.kind(), utc(s.startedAt()),
                durationMs(s.startedAt(), s.endedAt()), status, shown(read(s.attributesJson(), MAP)), events);
    }

    static long durationMs(Instant start, Instant end) {
        return Duration.between(start, end).toMillis();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Attribute values with long strings (also inside lists and maps) cut to {@link #MAX_SHOWN_VALUE_CHARS}. */
    static Map<String, Object> shown(Map<String, Object> attributes) {
        Map<String, Object> out = new LinkedHashMap<>();
        attributes.forEach((k, v) -> out.put(k, shownValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object shownValue(Object value) {
        if (value instanceof String s) {
            return OtlpJson.cut(s, MAX_SHOWN_VALUE_CHARS);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(TraceViews::shownValue).toList();
        }
        if (value instanceof Map<?, ?> map) {
            return shown((Map<String, Object>) map);
        }
        return value;
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new EnoriMcpException("stored span JSON is unreadable", e);
        }
    }
}
