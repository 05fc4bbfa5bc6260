package io.enori.mcp.core.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputSpecTest {

    record Sample(String monitorId, String name, Integer count, Boolean flag, String kind, List<Integer> codes) {
    }

    private static final InputSpec<Sample> SPEC = InputSpec.of(Sample.class)
            .requiredId("monitorId", "mon_", "id")
            .text("name", 10, "name")
            .integer("count", 1, 100, 5, "count")
            .bool("flag", null, "flag")
            .oneOf("kind", List.of("alpha", "beta"), null, "kind")
            .integerList("codes", 100, 599, 3, "codes")
            .build();

    private static Map<String, Object> args(Object... kv) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], kv[i + 1]);
        }
        return map;
    }

    private static String problem(Map<String, Object> args) {
        try {
            SPEC.parse(args);
        } catch (InvalidArgument e) {
            return e.error().message();
        }
        throw new AssertionError("expected an invalid argument for " + args);
    }

    @Test
    void bindsValidArgumentsAndFillsDefaults() {
        Sample s = SPEC.parse(args("monitorId", "mon_ABC", "name", " hi ", "kind", "BETA", "codes", List.of(200, 200, 301)));
        assertThat(s).isEqualTo(new Sample("mon_ABC", "hi", 5, null, "beta", List.of(200, 301)));
    }

    @Test
    void acceptsNumbersSentAsNumericStrings() {
        assertThat(SPEC.parse(args("monitorId", "mon_A", "count", "42")).count()).isEqualTo(42);
        assertThat(SPEC.parse(args("monitorId", "mon_A", "count", 42.0)).count()).isEqualTo(42);
    }

    @Test
    void rejectsUnknownFieldsByNameAndListsTheAllowedOnes() {
        assertThat(problem(args("monitorId", "mon_A", "foo", 1)))
                .isEqualTo("Invalid argument: foo is not a known field; allowed: monitorId, name, count, flag, kind, codes");
    }

    @Test
    void namesTheMissingRequiredField() {
        assertThat(problem(args())).isEqualTo("Invalid argument: monitorId is required");
    }

    @Test
    void rejectsWrongTypesNamingFieldAndValue() {
        assertThat(problem(args("monitorId", "mon_A", "count", "abc"))).isEqualTo("Invalid argument: count must be an integer (got 'abc')");
        assertThat(problem(args("monitorId", "mon_A", "count", 1.5))).startsWith("Invalid argument: count must be a whole number");
        assertThat(problem(args("monitorId", 7))).isEqualTo("Invalid argument: monitorId must be a string (got 7)");
        assertThat(problem(args("monitorId", "mon_A", "flag", "yes"))).isEqualTo("Invalid argument: flag must be true or false (got 'yes')");
        assertThat(problem(args("monitorId", "mon_A", "codes", 200))).isEqualTo("Invalid argument: codes must be an array (got 200)");
    }

    @Test
    void rejectsOutOfRangeNumbersWithTheRange() {
        assertThat(problem(args("monitorId", "mon_A", "count", -5))).isEqualTo("Invalid argument: count must be between 1 and 100 (got -5)");
        assertThat(problem(args("monitorId", "mon_A", "count", "99999999999999999999"))).startsWith("Invalid argument: count must be a whole number");
        assertThat(problem(args("monitorId", "mon_A", "codes", List.of(200, 700)))).isEqualTo("Invalid argument: codes[1] must be between 100 and 599 (got 700)");
        assertThat(problem(args("monitorId", "mon_A", "codes", List.of(200, 201, 202, 203)))).isEqualTo("Invalid argument: codes must have at most 3 items (got 4)");
    }

    @Test
    void rejectsUnknownEnumValuesListingTheAllowedOnes() {
        assertThat(problem(args("monitorId", "mon_A", "kind", "gamma"))).isEqualTo("Invalid argument: kind must be one of alpha, beta (got 'gamma')");
    }

    @Test
    void rejectsHugeAndEmptyStringsWithoutEchoingThemWhole() {
        String huge = "x".repeat(100_000);
        String message = problem(args("monitorId", "mon_A", "name", huge));
        assertThat(message).isEqualTo("Invalid argument: name must be at most 10 characters (got 100000)");
        assertThat(problem(args("monitorId", "mon_A", "name", "   "))).isEqualTo("Invalid argument: name must not be empty");
        assertThat(problem(args("monitorId", "mon_" + huge))).hasSizeLessThan(200);
    }

    @Test
    void rejectsIdsWithoutTheirPrefix() {
        assertThat(problem(args("monitorId", "inc_ABC"))).isEqualTo("Invalid argument: monitorId must be an id starting with mon_ (got 'inc_ABC')");
        assertThat(problem(args("monitorId", "mon_!!"))).startsWith("Invalid argument: monitorId must be an id starting with mon_");
    }

    @Test
    void schemaDescribesEveryFieldWithConstraints() {
        Map<String, Object> schema = SPEC.schema();
        assertThat(schema).containsEntry("type", "object").containsEntry("additionalProperties", false)
                .containsEntry("required", List.of("monitorId"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        assertThat(properties).containsOnlyKeys("monitorId", "name", "count", "flag", "kind", "codes");
        assertThat(properties.get("count")).containsEntry("minimum", 1L).containsEntry("maximum", 100L).containsEntry("default", 5);
        assertThat(properties.get("kind")).containsEntry("enum", List.of("alpha", "beta"));
        assertThat(properties.values()).allSatisfy(p -> assertThat(p).containsKey("description"));
    }

    record Drifted(String monitorId, String extra) {
    }

    @Test
    void refusesASchemaThatDisagreesWithItsRecord() {
        assertThatThrownBy(() -> InputSpec.of(Drifted.class).requiredId("monitorId", "mon_", "id").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("disagree");
    }
}
