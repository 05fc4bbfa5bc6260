package io.enori.mcp.core.traces;

import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.error;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static io.enori.mcp.core.testing.ToolCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.store.TestStorage;
import io.enori.mcp.core.testing.MutableClock;
import io.enori.mcp.core.testing.ToolCalls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The receiver's core: scope, linking by resource attribute, limits, retention; and the tools' edge answers. */
class TraceIngestTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String OTHER_TRACE = "5bf92f3577b34da6a3ce929d0e0e4737";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final EnoriMcp enori = EnoriMcp.builder()
            .jdbcUrl("jdbc:h2:mem:traces" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
            .clock(clock)
            .traceRetention(Duration.ofDays(2))
            .build();
    private final Caller acme = ToolCalls.newKey(enori, "acme", EnumSet.allOf(Scope.class), "all");
    private final Caller globex = ToolCalls.newKey(enori, "globex", EnumSet.allOf(Scope.class), "all");

    /** OTLP JSON with {@code count} spans of one trace, the resource naming {@code monitorId} (or not). */
    private String otlp(String traceId, String monitorId, int count) {
        long startNanos = (clock.instant().getEpochSecond() - 60) * 1_000_000_000L;
        StringBuilder s = new StringBuilder("{\"resourceSpans\":[{\"resource\":{\"attributes\":[");
        if (monitorId != null) {
            s.append("{\"key\":\"enori.monitor.id\",\"value\":{\"stringValue\":\"").append(monitorId).append("\"}}");
        }
        s.append("]},\"scopeSpans\":[{\"spans\":[");
        for (int i = 0; i < count; i++) {
            s.append(i == 0 ? "" : ",").append("{\"traceId\":\"").append(traceId).append("\",\"spanId\":\"")
                    .append(String.format("%016x", i + 1)).append("\",\"name\":\"op").append(i)
                    .append("\",\"startTimeUnixNano\":\"").append(startNanos + i).append("\"}");
        }
        return s.append("]}]}]}").toString();
    }

    private TraceIngest.Result ingest(Caller caller, String json) {
        return enori.traceIngest().ingestJson(caller, json.getBytes(StandardCharsets.UTF_8));
    }

    private String monitor(Caller caller, Map<String, Object> args) {
        return map(ok(enori, "create_monitor", caller, args).get("monitor")).get("id").toString();
    }

    private String website(Caller caller) {
        return monitor(caller, args("type", "website", "name", "shop", "url", "http://127.0.0.1:9/"));
    }

    @Test
    void retentionDefaultsToSevenDaysAndMustBePositive() {
        // An in-memory database: a test never touches the user's default H2 file under ~/.enori.
        try (EnoriMcp fresh = EnoriMcp.builder().jdbcUrl(TestStorage.freshH2Url()).build()) {
            assertThat(fresh.traceIngest().retention()).isEqualTo(Duration.ofDays(7));
        }
        assertThatThrownBy(() -> EnoriMcp.builder().traceRetention(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("traceRetention");
    }

    @Test
    void aReadOnlyKeyIsRefusedNamingTheScope() {
        Caller reader = ToolCalls.newKey(enori, "acme", EnumSet.of(Scope.MONITORS_READ), "dash");
        assertThat(ingest(reader, otlp(TRACE, null, 1))).isEqualTo(new TraceIngest.Result.Refused(403,
                "Insufficient scope: sending spans needs an API key with monitors:write"));
    }

    @Test
    void tooManySpansAreRefusedBeforeParsing() {
        TraceIngest.Result result = ingest(acme, otlp(TRACE, null, TraceIngest.MAX_SPANS_PER_REQUEST + 1));
        assertThat(result).isInstanceOfSatisfying(TraceIngest.Result.Refused.class, r -> {
            assertThat(r.httpStatus()).isEqualTo(413);
            assertThat(r.message()).contains("1001").contains("at most 1000");
        });
    }

    @Test
    void aSpanNamingItsMonitorLinksOnlyToAMonitorOfTheSameAccount() {
        String shop = website(acme);
        assertThat(ingest(acme, otlp(TRACE, shop, 2))).isEqualTo(new TraceIngest.Result.Accepted(2, 0, null));
        assertThat(ingest(globex, otlp(OTHER_TRACE, shop, 1))).isEqualTo(new TraceIngest.Result.Accepted(1, 0, null));

        Map<String, Object> traces = ok(enori, "get_monitor_traces", acme, args("monitorId", shop));
        assertThat((List<?>) traces.get("traces")).hasSize(1);
        assertThat(map(((List<?>) traces.get("traces")).get(0))).containsEntry("traceId", TRACE)
                .containsEntry("operation", "op0").containsEntry("spanCount", 2).containsEntry("checkId", null);
        assertThat(ok(enori, "get_trace_detail", acme, args("traceId", TRACE, "monitorId", shop)))
                .containsEntry("monitorId", shop);
        assertThat(ok(enori, "get_trace_detail", globex, args("traceId", OTHER_TRACE)))
                .containsEntry("monitorId", null);
        assertThat(error(enori, "get_trace_detail", globex, args("traceId", TRACE)).message())
                .isEqualTo(ToolError.TRACE_NOT_FOUND);
    }

    @Test
    void aTraceOfAnotherMonitorIsNotFoundUnderThisOne() {
        String shop = website(acme);
        String blog = website(acme);
        ingest(acme, otlp(TRACE, shop, 1));

        ToolError error = error(enori, "get_trace_detail", acme, args("traceId", TRACE, "monitorId", blog));
        assertThat(error.message()).isEqualTo("Trace not found");
        assertThat(error.details()).containsEntry("traceId", TRACE);
        assertThat(error(enori, "get_trace_detail", acme, args("traceId", "xyz")).message())
                .startsWith("Invalid argument: traceId");
    }

    @Test
    void aLongTraceIsCutAtFiveHundredSpansAndSaysSo() {
        ingest(acme, otlp(TRACE, null, 600));

        Map<String, Object> detail = ok(enori, "get_trace_detail", acme, args("traceId", TRACE));
        assertThat(detail).containsEntry("spanCount", 600).containsEntry("truncated", true);
        assertThat((List<?>) detail.get("spans")).hasSize(GetTraceDetail.MAX_SPANS);
    }

    @Test
    void spansOlderThanTheRetentionArePurgedOnALaterIngest() {
        ingest(acme, otlp(TRACE, null, 3));
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        ingest(acme, otlp(OTHER_TRACE, null, 1));

        assertThat(error(enori, "get_trace_detail", acme, args("traceId", TRACE)).message())
                .isEqualTo("Trace not found");
        assertThat(ok(enori, "get_trace_detail", acme, args("traceId", OTHER_TRACE))).containsEntry("spanCount", 1);
    }

    @Test
    void aNonWebsiteMonitorsEmptyListSaysOnlyWebsiteChecksAreTraced() {
        String ping = monitor(acme, args("type", "ping", "name", "gw", "host", "127.0.0.1"));

        assertThat(ok(enori, "get_monitor_traces", acme, args("monitorId", ping)).get("note").toString())
                .contains("only website checks");
        assertThat(ok(enori, "get_monitor_traces", acme, args("monitorId", website(acme))).get("note").toString())
                .contains("/v1/traces");
    }
}
