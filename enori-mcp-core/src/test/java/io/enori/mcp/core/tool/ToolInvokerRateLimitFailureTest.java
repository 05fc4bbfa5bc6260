package io.enori.mcp.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.EnoriMcpException;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.Tool;
import io.enori.mcp.api.ToolAnnotations;
import io.enori.mcp.api.ToolDescriptor;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.ratelimit.RateLimits;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A shared limiter that cannot reach its database answers "Service unavailable" and the tool does not run. */
class ToolInvokerRateLimitFailureTest {

    @Test
    void anUnavailableLimiterIsAToolErrorAndTheToolDoesNotRun() {
        RateLimits broken = new RateLimits() {
            @Override
            public Decision tryAcquire(Caller caller) {
                throw new EnoriMcpException("Storage could not count the call against the rate limit",
                        new IllegalStateException("connection refused"));
            }

            @Override
            public int limitFor(Caller caller) {
                return 60;
            }

            @Override
            public Map<String, Integer> usage() {
                return Map.of();
            }

            @Override
            public int[] limits() {
                return new int[] {60, 100};
            }
        };
        AtomicInteger runs = new AtomicInteger();
        Tool tool = new Tool() {
            @Override
            public ToolDescriptor descriptor() {
                return new ToolDescriptor("probe_tool", "Probe", "A probe.", "monitors", Scope.MONITORS_READ, Map.of(),
                        Map.of(), ToolAnnotations.READ);
            }

            @Override
            public ToolOutcome call(Caller caller, Map<String, Object> arguments) {
                runs.incrementAndGet();
                return ToolOutcome.ok(Map.of());
            }
        };

        ToolOutcome outcome = new ToolInvoker(broken).invoke(tool,
                Caller.apiKey("acc_1", "key_1", Set.of(Scope.MONITORS_READ)), Map.of());

        assertThat(outcome).isInstanceOfSatisfying(ToolOutcome.Failed.class, failed -> {
            assertThat(failed.error().message()).isEqualTo("Service unavailable");
            assertThat(failed.error().details().get("hint").toString()).contains("probe_tool did not run")
                    .doesNotContain("connection refused");
        });
        assertThat(runs).hasValue(0);
    }
}
