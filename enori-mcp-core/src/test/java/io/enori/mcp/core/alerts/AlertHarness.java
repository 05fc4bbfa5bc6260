package io.enori.mcp.core.alerts;

import io.enori.mcp.core.testing.WebhookReceiver;
import static io.enori.mcp.core.testing.ToolCalls.args;
import static io.enori.mcp.core.testing.ToolCalls.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.enori.mcp.api.Alert;
import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.ToolError;
import io.enori.mcp.api.spi.AlertFilter;
import io.enori.mcp.api.spi.PageRequest;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.checks.DefaultCheckExecutor;
import io.enori.mcp.core.store.JdbiStorage;
import io.enori.mcp.core.store.TestStorage;
import io.enori.mcp.core.testing.LocalSite;
import io.enori.mcp.core.testing.MutableClock;
import io.enori.mcp.core.testing.ToolCalls;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One core over a fresh H2 database with a clock the test moves, a local site the monitors check, and local
 * webhook receivers. Callers: {@code writer} and {@code writer2} (account A: monitors, incidents, alerts:read),
 * {@code reader} (account A: read scopes only) and {@code outsider} (account B, the writers' scopes). Delivery
 * uses short timeouts and a 10 ms backoff so retries do not slow the suite.
 */
final class AlertHarness implements AutoCloseable {
    static final Instant START = Instant.parse("2025-11-10T12:00:00Z");
    static final String ACCOUNT_A = "acme";
    static final String ACCOUNT_B = "globex";
    static final Set<Scope> WRITE_SCOPES = EnumSet.of(Scope.MONITORS_READ, Scope.MONITORS_WRITE,
            Scope.INCIDENTS_READ, Scope.INCIDENTS_WRITE, Scope.ALERTS_READ);
    static final Set<Scope> READ_SCOPES = EnumSet.of(Scope.MONITORS_READ, Scope.INCIDENTS_READ, Scope.ALERTS_READ);
    static final AlertOptions FAST = AlertOptions.defaults().withAttemptTimeout(Duration.ofSeconds(5))
            .withBackoff(Duration.ofMillis(10));
    private static final DefaultCheckExecutor CHECKS = DefaultCheckExecutor.create();
    private static final Duration WAIT = Duration.ofSeconds(20);

    final MutableClock clock = new MutableClock(START);
    final EnoriMcp enori;
    final Caller writer;
    final Caller writer2;
    final Caller reader;
    final Caller outsider;
    final LocalSite site = LocalSite.start();
    private final List<WebhookReceiver> receivers = new ArrayList<>();

    AlertHarness() {
        this(TestStorage.freshH2Url(), b -> { });
    }

    AlertHarness(Consumer<EnoriMcp.Builder> customizer) {
        this(TestStorage.freshH2Url(), customizer);
    }

    AlertHarness(String jdbcUrl, Consumer<EnoriMcp.Builder> customizer) {
        EnoriMcp.Builder builder = EnoriMcp.builder().storage(JdbiStorage.create(jdbcUrl)).clock(clock)
                .checkExecutor(CHECKS).rateLimits(100_000, 100_000).alertOptions(FAST);
        customizer.accept(builder);
        enori = builder.build();
        writer = ToolCalls.newKey(enori, ACCOUNT_A, WRITE_SCOPES, "writer");
        writer2 = ToolCalls.newKey(enori, ACCOUNT_A, WRITE_SCOPES, "writer-2");
        reader = ToolCalls.newKey(enori, ACCOUNT_A, READ_SCOPES, "reader");
        outsider = ToolCalls.newKey(enori, ACCOUNT_B, WRITE_SCOPES, "outsider");
    }

    WebhookReceiver receiver() {
        WebhookReceiver r = WebhookReceiver.start();
        receivers.add(r);
        return r;
    }

    /** A channel of account A. */
    String channel(AlertChannel.Type type, String name, String target, String owner) {
        return enori.alertChannels().create(writer.accountId(), type, name, target, owner).id();
    }

    Map<String, Object> ok(String tool, Caller caller, Map<String, Object> args) {
        return ToolCalls.ok(enori, tool, caller, args);
    }

    ToolError error(String tool, Caller caller, Map<String, Object> args) {
        return ToolCalls.error(enori, tool, caller, args);
    }

    /** A website monitor of {@code owner}'s account on the local site, alerting {@code channels}. */
    String monitor(Caller owner, String name, String... channels) {
        return (String) map(ok("create_monitor", owner, args("type", "website", "name", name, "url", site.url(),
                "alertAfterFailures", 2, "channelIds", List.of(channels))).get("monitor")).get("id");
    }

    String monitor(String name, String... channels) {
        return monitor(writer, name, channels);
    }

    /** Two failed checks a minute apart (as {@code caller}); returns the incident the second one opened. */
    String open(Caller caller, String monitorId) {
        site.unavailable();
        clock.advance(Duration.ofMinutes(1));
        ok("check_now", caller, args("monitorId", monitorId));
        clock.advance(Duration.ofMinutes(1));
        String incident = (String) ok("check_now", caller, args("monitorId", monitorId)).get("incident");
        assertThat(incident).as("second failure opens an incident").startsWith("opened inc_");
        return incident.substring("opened ".length());
    }

    String open(String monitorId) {
        return open(writer, monitorId);
    }

    /** A healthy check a minute from now, which resolves the monitor's incident. */
    void recover(String monitorId) {
        site.healthy();
        clock.advance(Duration.ofMinutes(1));
        assertThat((String) ok("check_now", writer, args("monitorId", monitorId)).get("incident"))
                .startsWith("resolved inc_");
    }

    /** Account A's alerts straight from storage, newest first. */
    List<Alert> stored() {
        return stored(writer.accountId());
    }

    List<Alert> stored(String accountId) {
        return enori.storage().alerts().list(accountId, AlertFilter.ANY, null, null, PageRequest.first(200)).items();
    }

    /** Waits (bounded) until account A has {@code count} alerts and none is pending; returns them, newest first. */
    List<Alert> awaitSettled(int count) {
        await(() -> {
            List<Alert> alerts = stored();
            return alerts.size() == count && alerts.stream().allMatch(a -> a.status().isFinal());
        }, () -> "alerts did not settle: " + stored());
        return stored();
    }

    /** Bounded poll for asynchronous delivery; never a fixed sleep standing in for an assertion. */
    static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + WAIT.toSeconds() + " s: " + what.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    @Override
    public void close() {
        enori.close();
        site.close();
        receivers.forEach(WebhookReceiver::close);
    }
}
