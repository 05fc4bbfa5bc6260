package io.enori.mcp.core.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.enori.mcp.api.TraceSpan;
import io.enori.mcp.core.tool.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpJsonTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static JsonNode tree(String json) throws Exception {
        return Json.mapper().readTree(json.replace('\'', '"'));
    }

    private static OtlpJson.Parsed parse(String json) throws Exception {
        return OtlpJson.parse(tree(json), "acc_1", NOW);
    }

    private static Map<String, Object> attributes(TraceSpan span) throws Exception {
        return Json.toMap(Json.mapper().readTree(span.attributesJson()));
    }

    @Test
    void readsSpansWithResourceServiceKindStatusTimesAndEveryAnyValueKind() throws Exception {
        OtlpJson.Parsed parsed = parse("{'resourceSpans':[{'resource':{'attributes':["
                + "{'key':'service.name','value':{'stringValue':'shop-api'}},"
                + "{'key':'enori.monitor.id','value':{'stringValue':'mon_1'}}]},"
                + "'scopeSpans':[{'scope':{'name':'s'},'spans':[{'traceId':'4BF92F3577B34DA6A3CE929D0E0E4736',"
                + "'spanId':'00f067aa0ba902b7','parentSpanId':'','name':'GET /','kind':2,"
                + "'startTimeUnixNano':'1764072000000000000','endTimeUnixNano':1764072000250000000,"
                + "'status':{'code':2,'message':'boom'},'attributes':["
                + "{'key':'s','value':{'stringValue':'x'}},{'key':'b','value':{'boolValue':true}},"
                + "{'key':'i','value':{'intValue':'42'}},{'key':'d','value':{'doubleValue':1.5}},"
                + "{'key':'a','value':{'arrayValue':{'values':[{'intValue':1},{'stringValue':'two'}]}}},"
                + "{'key':'m','value':{'kvlistValue':{'values':[{'key':'k','value':{'stringValue':'v'}}]}}},"
                + "{'key':'y','value':{'bytesValue':'AAE='}}],"
                + "'events':[{'timeUnixNano':'1764072000100000000','name':'retry','attributes':"
                + "[{'key':'n','value':{'intValue':'1'}}]}]}]}]}]}");

        assertThat(parsed.rejected()).isZero();
        assertThat(parsed.spans()).hasSize(1);
        OtlpJson.Claimed claimed = parsed.spans().get(0);
        assertThat(claimed.claimedMonitorId()).isEqualTo("mon_1");
        TraceSpan span = claimed.span();
        assertThat(span.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(span.parentSpanId()).isNull();
        assertThat(span.service()).isEqualTo("shop-api");
        assertThat(span.kind()).isEqualTo("SERVER");
        assertThat(span.statusCode()).isEqualTo("ERROR");
        assertThat(span.statusMessage()).isEqualTo("boom");
        assertThat(span.startedAt()).isEqualTo(Instant.ofEpochSecond(1_764_072_000L));
        assertThat(span.endedAt()).isEqualTo(Instant.ofEpochSecond(1_764_072_000L, 250_000_000L));
        assertThat(span.receivedAt()).isEqualTo(NOW);
        assertThat(attributes(span)).containsEntry("s", "x").containsEntry("b", true).containsEntry("i", 42)
                .containsEntry("d", 1.5).containsEntry("a", List.of(1, "two")).containsEntry("m", Map.of("k", "v"))
                .containsEntry("y", "AAE=");
        assertThat(span.eventsJson()).contains("\"name\":\"retry\"").contains("2025-11-25T12:00:00.100Z")
                .contains("\"n\":1");
    }

    @Test
    void acceptsTheProtoFieldNamesAndEnumNamesToo() throws Exception {
        OtlpJson.Parsed parsed = parse("{'resource_spans':[{'scope_spans':[{'spans':[{"
                + "'trace_id':'4bf92f3577b34da6a3ce929d0e0e4736','span_id':'00f067aa0ba902b7',"
                + "'parent_span_id':'0000000000000000','name':'q','kind':'SPAN_KIND_CLIENT',"
                + "'start_time_unix_nano':'1764072000000000000','status':{'code':'STATUS_CODE_OK'}}]}]}]}");

        TraceSpan span = parsed.spans().get(0).span();
        assertThat(span.kind()).isEqualTo("CLIENT");
        assertThat(span.statusCode()).isEqualTo("OK");
        assertThat(span.parentSpanId()).isNull();
        assertThat(span.endedAt()).as("no end: a zero-length span").isEqualTo(span.startedAt());
        assertThat(span.service()).isNull();
    }

    @Test
    void aSpanWithBadIdsOrNoStartIsRejectedAloneWithAReason() throws Exception {
        OtlpJson.Parsed parsed = parse("{'resourceSpans':[{'scopeSpans':[{'spans':["
                + "{'traceId':'S/kvNXezTaajzpKdDg5HNg==','spanId':'00f067aa0ba902b7','startTimeUnixNano':'1'},"
                + "{'traceId':'4bf92f3577b34da6a3ce929d0e0e4736','spanId':'00f067aa0ba902b7'},"
                + "{'traceId':'4bf92f3577b34da6a3ce929d0e0e4736','spanId':'00f067aa0ba902b8',"
                + "'startTimeUnixNano':'1764072000000000000'}]}]}]}");

        assertThat(parsed.spans()).hasSize(1);
        assertThat(parsed.rejected()).isEqualTo(2);
        assertThat(parsed.firstProblem()).contains("traceId").contains("hex, not base64");
    }

    @Test
    void longStringValuesAreCutOnWriteWithAMarker() throws Exception {
        String huge = "x".repeat(OtlpJson.MAX_STORED_VALUE_CHARS + 10);
        OtlpJson.Parsed parsed = parse("{'resourceSpans':[{'scopeSpans':[{'spans':[{"
                + "'traceId':'4bf92f3577b34da6a3ce929d0e0e4736','spanId':'00f067aa0ba902b7',"
                + "'startTimeUnixNano':'1764072000000000000','attributes':[{'key':'big','value':{'stringValue':'"
                + huge + "'}}]}]}]}]}");

        assertThat(attributes(parsed.spans().get(0).span()).get("big").toString())
                .hasSize(OtlpJson.MAX_STORED_VALUE_CHARS + "…[truncated 10 chars]".length())
                .endsWith("…[truncated 10 chars]");
    }

    @Test
    void aWrongShapeIsRefusedWhole() {
        assertThatThrownBy(() -> parse("[1]")).isInstanceOf(OtlpJson.Malformed.class)
                .hasMessageContaining("resourceSpans");
        assertThatThrownBy(() -> parse("{'resourceSpans':[{'scopeSpans':{}}]}"))
                .isInstanceOf(OtlpJson.Malformed.class).hasMessage("scopeSpans must be an array");
    }

    @Test
    void countsSpansAcrossResourcesAndScopes() throws Exception {
        assertThat(OtlpJson.countSpans(tree("{'resourceSpans':[{'scopeSpans':[{'spans':[{},{}]},{'spans':[{}]}]},"
                + "{'scopeSpans':[{'spans':[{}]}]}]}"))).isEqualTo(4);
        assertThat(OtlpJson.countSpans(tree("{}"))).isZero();
    }
}
