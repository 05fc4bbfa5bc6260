package io.enori.mcp.core.store;

import static io.enori.mcp.core.store.Fixtures.A;
import static io.enori.mcp.core.store.Fixtures.B;
import static io.enori.mcp.core.store.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.TraceSpan;
import io.enori.mcp.api.spi.Page;
import io.enori.mcp.api.spi.PageRequest;
import io.enori.mcp.api.spi.TraceSummary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OTLP spans: round trips, retry dedupe, links to checks, per-trace summaries, retention purge, isolation. */
interface TraceContract extends ContractSupport {

    String T1 = "4bf92f3577b34da6a3ce929d0e0e4736";
    String T2 = "5bf92f3577b34da6a3ce929d0e0e4737";

    static TraceSpan span(String account, String trace, String id, String parent, String name, Instant start,
                          long durationMs, String status, Instant receivedAt) {
        return new TraceSpan(account, trace, id, parent, name, "shop-api", parent == null ? "SERVER" : "INTERNAL",
                start, start.plusMillis(durationMs), status, "ERROR".equals(status) ? "boom" : null,
                "{\"db.system\":\"postgresql\"}", "[{\"name\":\"e\",\"time\":\"" + start + "\",\"attributes\":{}}]",
                null, null, receivedAt);
    }

    @Test
    default void spansRoundTripAndARetriedExportIsStoredOnce() {
        TraceSpan root = span(A, T1, "00f067aa0ba902b7", null, "GET /", at(10), 250, "UNSET", at(11));
        TraceSpan child = span(A, T1, "00f067aa0ba902b8", "00f067aa0ba902b7", "db.query", at(10).plusMillis(5), 40,
                "OK", at(11));

        assertThat(storage().traces().insert(List.of(root, child))).isEqualTo(2);
        assertThat(storage().traces().insert(List.of(root, child, child))).isZero();

        assertThat(storage().traces().spans(A, T1, 10)).containsExactly(root, child);
        assertThat(storage().traces().countSpans(A, T1)).isEqualTo(2);
        assertThat(storage().traces().spans(A, T1, 1)).containsExactly(root);
    }

    @Test
    default void aCheckOfTheSameAccountOwnsItsTraceAndLateSpansLinkToIt() {
        givenMonitor(A, "mon_1");
        storage().checkResults().insert(new CheckResult("chk_1", A, "mon_1", CheckStatus.UP, 12, 200, null, null,
                null, null, at(10), T1));
        assertThat(storage().checkResults().list(A, "mon_1", null, null, null, PageRequest.first(1)).items().get(0)
                .traceId()).isEqualTo(T1);

        assertThat(storage().traces().checkOfTrace(A, T1)).hasValueSatisfying(c -> assertThat(c)
                .containsExactly("chk_1", "mon_1"));
        assertThat(storage().traces().checkOfTrace(B, T1)).isEmpty();

        storage().traces().insert(List.of(span(A, T1, "00f067aa0ba902b7", null, "GET /", at(10), 5, "OK", at(11)),
                span(B, T1, "00f067aa0ba902b7", null, "GET /", at(10), 5, "OK", at(11))));
        assertThat(storage().traces().linkToCheck(A, T1, "mon_1", "chk_1")).isEqualTo(1);

        assertThat(storage().traces().spans(A, T1, 5)).extracting(TraceSpan::checkId).containsExactly("chk_1");
        assertThat(storage().traces().spans(B, T1, 5)).extracting(TraceSpan::checkId).containsOnlyNulls();
    }

    @Test
    default void aMonitorsTracesAreSummarisedNewestFirstAndPaged() {
        givenMonitor(A, "mon_1");
        storage().traces().insert(List.of(
                span(A, T1, "00f067aa0ba902b7", null, "GET /a", at(10), 300, "UNSET", at(11)).linkedTo("mon_1", null),
                span(A, T1, "00f067aa0ba902b8", "00f067aa0ba902b7", "db", at(10).plusMillis(10), 400, "ERROR", at(11))
                        .linkedTo("mon_1", null),
                span(A, T2, "00f067aa0ba902b9", "aaaaaaaaaaaaaaaa", "GET /b", at(20), 50, "OK", at(21))
                        .linkedTo("mon_1", "chk_9"),
                span(B, T1, "00f067aa0ba902ba", null, "other", at(30), 5, "OK", at(31)).linkedTo("mon_1", null)));

        Page<TraceSummary> first = storage().traces().traces(A, "mon_1", at(0), at(100), false, PageRequest.first(1));
        assertThat(first.items()).containsExactly(new TraceSummary(T2, "shop-api", "GET /b", at(20),
                at(20).plusMillis(50), 1, false, "chk_9"));
        Page<TraceSummary> second = storage().traces().traces(A, "mon_1", at(0), at(100), false,
                new PageRequest(1, first.nextKey()));
        assertThat(second.items()).containsExactly(new TraceSummary(T1, "shop-api", "GET /a", at(10),
                at(10).plusMillis(410), 2, true, null));
        assertThat(second.nextKey()).isNull();

        assertThat(storage().traces().traces(A, "mon_1", at(0), at(100), true, PageRequest.first(5)).items())
                .extracting(TraceSummary::traceId).containsExactly(T1);
        assertThat(storage().traces().traces(A, "mon_1", at(15), at(100), false, PageRequest.first(5)).items())
                .extracting(TraceSummary::traceId).containsExactly(T2);
        assertThat(storage().traces().traces(B, "mon_1", at(0), at(100), false, PageRequest.first(5)).items())
                .extracting(TraceSummary::traceId).containsExactly(T1);
    }

    @Test
    default void purgeDeletesSpansReceivedBeforeTheCutoffAtMostAboutMaxRowsAtATime() {
        for (int i = 0; i < 5; i++) {
            storage().traces().insert(List.of(span(A, T1, String.format("%016x", i + 1), null, "s" + i, at(i), 1,
                    "OK", at(i))));
        }
        storage().traces().insert(List.of(span(B, T2, "00f067aa0ba902b7", null, "new", at(50), 1, "OK", at(50))));

        assertThat(storage().traces().purgeReceivedBefore(at(10), 2)).isEqualTo(2);
        assertThat(storage().traces().countSpans(A, T1)).isEqualTo(3);
        assertThat(storage().traces().purgeReceivedBefore(at(10), 100)).isEqualTo(3);
        assertThat(storage().traces().countSpans(A, T1)).isZero();
        assertThat(storage().traces().countSpans(B, T2)).isEqualTo(1);
    }
}
