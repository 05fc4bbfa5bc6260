package io.enori.mcp.core.slo;

import static io.enori.mcp.core.slo.SloHarness.monthly;
import static io.enori.mcp.core.slo.SloHarness.rolling7;
import static io.enori.mcp.core.slo.SloHarness.with;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** create_slo and update_slo validate alike (SPEC §6): every rule, on both tools, with the exact message. */
class SloValidationTest {
    private SloHarness h;
    private String monitorId;
    private String sloId;

    @BeforeEach
    void setUp() {
        h = new SloHarness();
        monitorId = h.website(h.writer, "Shop");
        sloId = h.createSlo(monthly(monitorId));
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    /** Calls {@code tool} with {@code args} (update_slo also gets the sloId) and returns the error message. */
    private String invalid(String tool, Map<String, Object> args, String field) {
        Map<String, Object> call = tool.equals("update_slo") ? with(args, "sloId", sloId) : args;
        return assertInvalid(h.error(tool, h.writer, call), field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"create_slo", "update_slo"})
    void windowLengthDaysMustBeOneOfTheFiveLengths(String tool) {
        assertThat(invalid(tool, rolling7(monitorId, "windowLengthDays", 31), "windowLengthDays"))
                .startsWith("Invalid argument: windowLengthDays must be one of 7, 28, 30, 90, 365");
        assertThat(invalid(tool, rolling7(monitorId, "windowLengthDays", "thirty"), "windowLengthDays"))
                .startsWith("Invalid argument: windowLengthDays must be one of 7, 28, 30, 90, 365");
    }

    @ParameterizedTest
    @ValueSource(strings = {"create_slo", "update_slo"})
    void targetIsBetween90And99999WithAtMostThreeDecimals(String tool) {
        for (Object bad : new Object[] {99.9999, 89.999, 100, 99.99951, "abc", "99.9999"}) {
            assertThat(invalid(tool, monthly(monitorId, "target", bad), "target"))
                    .startsWith("Invalid argument: target must be")
                    .contains("between 90.000 and 99.999 with at most 3 decimals");
        }
        assertThat(invalid(tool, args("monitorId", monitorId, "name", "x", "windowType", "calendar",
                "calendarCycle", "monthly"), "target")).isEqualTo("Invalid argument: target is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"create_slo", "update_slo"})
    void latencyNeedsAThresholdOf1To60000AndOthersNone(String tool) {
        assertThat(invalid(tool, monthly(monitorId, "sliType", "latency"), "latencyThresholdMs"))
                .isEqualTo("Invalid argument: latencyThresholdMs is required for sliType latency (1-60000 ms)");
        assertThat(invalid(tool, monthly(monitorId, "sliType", "latency", "latencyThresholdMs", 60_001),
                "latencyThresholdMs")).startsWith("Invalid argument: latencyThresholdMs must be between 1 and 60000");
        assertThat(invalid(tool, monthly(monitorId, "sliType", "latency", "latencyThresholdMs", 0),
                "latencyThresholdMs")).startsWith("Invalid argument: latencyThresholdMs must be between 1 and 60000");
        assertThat(invalid(tool, monthly(monitorId, "latencyThresholdMs", 500), "latencyThresholdMs"))
                .isEqualTo("Invalid argument: latencyThresholdMs is only for sliType latency; omit it for availability");
    }

    @ParameterizedTest
    @ValueSource(strings = {"create_slo", "update_slo"})
    void sliTypeIsOneOfThreeAndContentMatchNeedsAKeyword(String tool) {
        assertThat(invalid(tool, monthly(monitorId, "sliType", "uptime"), "sliType"))
                .startsWith("Invalid argument: sliType must be one of availability, latency, content_match");
        assertThat(invalid(tool, monthly(monitorId, "sliType", "content_match"), "sliType"))
                .startsWith("Invalid argument: sliType content_match needs a website monitor with a keyword");
    }

    @ParameterizedTest
    @ValueSource(strings = {"create_slo", "update_slo"})
    void rollingNeedsALengthAndNoCycle(String tool) {
        assertThat(invalid(tool, args("monitorId", monitorId, "name", "x", "target", 99.9, "windowType", "rolling"),
                "windowLengthDays"))
                .isEqualTo("Invalid argument: windowLengthDays is required for windowType rolling; one of 7, 28, 30, 90, 365");
        assertThat(invalid(tool, rolling7(monitorId, "calendarCycle", "monthly"), "calendarCycle"))
                .isEqualTo("Invalid argument: calendarCycle is only for windowType calendar; omit it for rolling");
    }

    @ParameterizedTest
    @ValueSource(strings = {"create_slo", "update_slo"})
    void calendarNeedsACycleAndNoLength(String tool) {
        assertThat(invalid(tool, args("monitorId", monitorId, "name", "x", "target", 99.9, "windowType", "calendar"),
                "calendarCycle"))
                .isEqualTo("Invalid argument: calendarCycle is required for windowType calendar; one of weekly, monthly, quarterly, yearly");
        assertThat(invalid(tool, monthly(monitorId, "calendarCycle", "daily"), "calendarCycle"))
                .startsWith("Invalid argument: calendarCycle must be one of weekly, monthly, quarterly, yearly");
        assertThat(invalid(tool, monthly(monitorId, "windowLengthDays", 30), "windowLengthDays"))
                .isEqualTo("Invalid argument: windowLengthDays is only for windowType rolling; omit it for calendar");
    }

    @ParameterizedTest
    @ValueSource(strings = {"create_slo", "update_slo"})
    void windowTypeAndPolicyAreClosedSetsAndUnknownFieldsAreNamed(String tool) {
        assertThat(invalid(tool, monthly(monitorId, "windowType", "sliding"), "windowType"))
                .startsWith("Invalid argument: windowType must be one of rolling, calendar");
        assertThat(invalid(tool, monthly(monitorId, "burnAlertPolicy", "aggressive"), "burnAlertPolicy"))
                .startsWith("Invalid argument: burnAlertPolicy must be one of none, fast, slow, balanced");
        assertThat(invalid(tool, monthly(monitorId, "owner", "me"), "owner"))
                .startsWith("Invalid argument: owner is not a known field");
        assertThat(invalid(tool, monthly(monitorId, "name", " "), "name")).isEqualTo("Invalid argument: name must not be empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"create_slo", "update_slo"})
    void aRejectedCallChangesNothing(String tool) {
        invalid(tool, monthly(monitorId, "target", 99.9999), "target");
        assertThat(h.enori.storage().slos().listForMonitor(h.writer.accountId(), monitorId)).hasSize(1)
                .allSatisfy(s -> assertThat(s.target()).isEqualByComparingTo("99.5"));
    }
}
