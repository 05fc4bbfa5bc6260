package io.enori.mcp.core.slo.math;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.CheckResult;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.Slo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliClassifierTest {
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    static Slo slo(Slo.Sli sli, Integer thresholdMs) {
        return new Slo("slo_1", "acc_1", "mon_1", "s", null, sli, new BigDecimal("99.9"),
                new Slo.Window.Rolling(30), thresholdMs, true, true, Slo.BurnAlertPolicy.NONE, T, T);
    }

    static CheckResult check(Instant at, CheckStatus status, Integer responseMs, Boolean matched) {
        return new CheckResult("chk_" + at.toEpochMilli(), "acc_1", "mon_1", status, responseMs, 200, null, matched,
                null, null, at);
    }

    @Test
    void availabilityIsGoodWhenUp() {
        Slo slo = slo(Slo.Sli.AVAILABILITY, null);
        assertThat(SliClassifier.classify(slo, check(T, CheckStatus.UP, null, null), Exclusions.NONE))
                .isEqualTo(Verdict.GOOD);
        assertThat(SliClassifier.classify(slo, check(T, CheckStatus.DOWN, 10, null), Exclusions.NONE))
                .isEqualTo(Verdict.BAD);
    }

    @Test
    void latencyIsGoodUpToAndIncludingTheThresholdAndBadWithoutAResponseTime() {
        Slo slo = slo(Slo.Sli.LATENCY, 500);
        assertThat(SliClassifier.classify(slo, check(T, CheckStatus.UP, 500, null), Exclusions.NONE))
                .isEqualTo(Verdict.GOOD);
        assertThat(SliClassifier.classify(slo, check(T, CheckStatus.UP, 501, null), Exclusions.NONE))
                .isEqualTo(Verdict.BAD);
        assertThat(SliClassifier.classify(slo, check(T, CheckStatus.UP, null, null), Exclusions.NONE))
                .isEqualTo(Verdict.BAD);
        assertThat(SliClassifier.classify(slo, check(T, CheckStatus.DOWN, 20, null), Exclusions.NONE))
                .isEqualTo(Verdict.BAD);
    }

    @Test
    void contentMatchNeedsUpAndAMatchAndTreatsANullMatchAsNotApplicable() {
        Slo slo = slo(Slo.Sli.CONTENT_MATCH, null);
        assertThat(SliClassifier.classify(slo, check(T, CheckStatus.UP, 10, true), Exclusions.NONE))
                .isEqualTo(Verdict.GOOD);
        assertThat(SliClassifier.classify(slo, check(T, CheckStatus.UP, 10, false), Exclusions.NONE))
                .isEqualTo(Verdict.BAD);
        assertThat(SliClassifier.classify(slo, check(T, CheckStatus.UP, 10, null), Exclusions.NONE))
                .isEqualTo(Verdict.GOOD);
        assertThat(SliClassifier.classify(slo, check(T, CheckStatus.DOWN, 10, true), Exclusions.NONE))
                .isEqualTo(Verdict.BAD);
    }

    @Test
    void aCheckInsideAnExclusionIsExcludedWhateverItsOutcomeAndSpansAreHalfOpen() {
        Slo slo = slo(Slo.Sli.AVAILABILITY, null);
        Exclusions maintenance = new Exclusions(List.of(new Span(T, T.plus(Duration.ofHours(1)))));
        assertThat(SliClassifier.classify(slo, check(T, CheckStatus.DOWN, null, null), maintenance))
                .isEqualTo(Verdict.EXCLUDED);
        assertThat(SliClassifier.classify(slo, check(T.plusSeconds(3599), CheckStatus.UP, 5, null), maintenance))
                .isEqualTo(Verdict.EXCLUDED);
        assertThat(SliClassifier.classify(slo, check(T.plusSeconds(3600), CheckStatus.DOWN, 5, null), maintenance))
                .isEqualTo(Verdict.BAD);
        assertThat(SliClassifier.classify(slo, check(T.minusSeconds(1), CheckStatus.UP, 5, null), maintenance))
                .isEqualTo(Verdict.GOOD);
    }
}
