package io.enori.mcp.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void fiveFailuresForOneEmailBlockItUntilFifteenMinutesAfterTheFirst() {
        for (int i = 0; i < SignInThrottle.PER_EMAIL; i++) {
            assertThat(throttle.blockedFor("ana@acme.example", "10.0.0.1")).isEmpty();
            throttle.failed("ana@acme.example", "10.0.0.1");
            clock.advance(Duration.ofMinutes(1));
        }
        // The fifth failure was at 10:04; the window opened at 10:00 and closes at 10:15.
        assertThat(throttle.blockedFor("ANA@acme.example ", "10.0.0.9")).contains(Duration.ofMinutes(10));
        assertThat(throttle.blockedFor("bo@acme.example", "10.0.0.1")).as("another email from the same address")
                .isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.blockedFor("ana@acme.example", "10.0.0.1")).isEmpty();
        throttle.failed("ana@acme.example", "10.0.0.1");
        assertThat(throttle.blockedFor("ana@acme.example", "10.0.0.1")).as("a new window counts from one").isEmpty();
    }

    @Test
    void oneAddressTryingManyEmailsIsBlockedAfterThirty() {
        for (int i = 0; i < SignInThrottle.PER_ADDRESS; i++) {
            throttle.failed("user" + i + "@acme.example", "203.0.113.7");
        }
        assertThat(throttle.blockedFor("fresh@acme.example", "203.0.113.7")).contains(SignInThrottle.WINDOW);
        assertThat(throttle.blockedFor("fresh@acme.example", "203.0.113.8")).isEmpty();
    }

    @Test
    void aSuccessClearsTheEmailButNotTheAddress() {
        for (int i = 0; i < SignInThrottle.PER_EMAIL - 1; i++) {
            throttle.failed("ana@acme.example", "10.0.0.1");
        }
        throttle.succeeded("ana@acme.example");
        for (int i = 0; i < SignInThrottle.PER_EMAIL - 1; i++) {
            throttle.failed("ana@acme.example", "10.0.0.1");
        }
        assertThat(throttle.blockedFor("ana@acme.example", "10.0.0.1")).as("4 after the success, not 8").isEmpty();
    }
}
