package io.enori.mcp.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact decimals (SLO targets) and integer enums (window lengths) in the input DSL. */
class ExactNumberFieldsTest {
    record In(BigDecimal target, Integer days) {
    }

    private static final InputSpec<In> SPEC = InputSpec.of(In.class)
            .requiredDecimal("target", new BigDecimal("90.000"), new BigDecimal("99.999"), 3, "Target.")
            .integerOneOf("days", List.of(7, 28, 30, 90, 365), "Days.")
            .build();

    @Test
    void decimalsStayExactFromNumbersAndNumericStrings() {
        assertThat(SPEC.parse(Map.of("target", 99.999)).target()).isEqualTo(new BigDecimal("99.999"));
        assertThat(SPEC.parse(Map.of("target", "99.9")).target()).isEqualTo(new BigDecimal("99.9"));
        assertThat(SPEC.parse(Map.of("target", 95)).target()).isEqualByComparingTo("95");
        assertThat(SPEC.parse(Map.of("target", "99.9990")).target()).isEqualByComparingTo("99.999");
    }

    @Test
    void decimalsOutOfRangeOrTooPreciseNameTheRule() {
        for (Object bad : new Object[] {99.9999, 89.9, 100, "1e2", true}) {
            assertThatThrownBy(() -> SPEC.parse(Map.of("target", bad)))
                    .hasMessageStartingWith("Invalid argument: target must be")
                    .hasMessageContaining("between 90.000 and 99.999 with at most 3 decimals");
        }
    }

    @Test
    void integerEnumsAcceptOnlyTheirValues() {
        assertThat(SPEC.parse(Map.of("target", 99, "days", "30")).days()).isEqualTo(30);
        assertThatThrownBy(() -> SPEC.parse(Map.of("target", 99, "days", 31)))
                .hasMessage("Invalid argument: days must be one of 7, 28, 30, 90, 365 (got 31)");
        assertThatThrownBy(() -> SPEC.parse(Map.of("target", 99, "days", 7.5)))
                .hasMessageStartingWith("Invalid argument: days must be one of 7, 28, 30, 90, 365");
    }

    @Test
    void schemaCarriesBoundsAndTheEnum() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> props = (Map<String, Map<String, Object>>) SPEC.schema().get("properties");
        assertThat(props.get("target")).containsEntry("type", "number")
                .containsEntry("minimum", new BigDecimal("90.000")).containsEntry("maximum", new BigDecimal("99.999"));
        assertThat(props.get("days")).containsEntry("type", "integer").containsEntry("enum", List.of(7, 28, 30, 90, 365));
        assertThat(SPEC.schema().get("required")).isEqualTo(List.of("target"));
    }
}
