package io.enori.mcp.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.spi.CheckOutcome;
import io.enori.mcp.core.testing.LocalRdap;
import io.enori.mcp.core.testing.LocalSite;
import io.enori.mcp.core.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Domain checks against a local RDAP server, with the clock fixed at 2026-11-25T12:00Z. */
class DomainCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    // Generous: the local server answers in milliseconds; the bound only matters on a loaded shared machine.
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(NOW);
    private LocalRdap rdap;
    private DefaultCheckExecutor checks;

    @BeforeEach
    void start() {
        rdap = LocalRdap.start();
        checks = DefaultCheckExecutor.builder().rdapBaseUrl(rdap.baseUrl()).clock(clock).build();
    }

    @AfterEach
    void stop() {
        rdap.close();
    }

    @Test
    void registrationFarFromExpiryIsUpAndCarriesTheExpiry() {
        Instant expiry = Instant.parse("2027-09-14T04:00:00Z");
        rdap.registered("example.com", expiry);

        CheckOutcome outcome = check("example.com");

        assertThat(outcome.status()).isEqualTo(CheckStatus.UP);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.domainExpiresAt()).isEqualTo(expiry);
        assertThat(outcome.statusCode()).isNull();
        assertThat(rdap.lastPath()).isEqualTo("/domain/example.com");
        assertThat(rdap.lastAccept()).startsWith("application/rdap+json");
    }

    @Test
    void registrationExpiringWithinTheWarningPeriodIsDownWithTheDateAndDaysLeft() {
        Instant expiry = Instant.parse("2026-12-01T18:00:00Z");
        rdap.registered("soon.example", expiry);

        CheckOutcome outcome = check("soon.example");

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).isEqualTo("registration expires 2026-12-01 (6 days)");
        assertThat(outcome.domainExpiresAt()).isEqualTo(expiry);
    }

    @Test
    void oneDayAndLessThanADayLeftReadNaturally() {
        rdap.registered("tomorrow.example", NOW.plus(Duration.ofHours(30)));
        rdap.registered("today.example", NOW.plus(Duration.ofHours(5)));

        assertThat(check("tomorrow.example").error()).isEqualTo("registration expires 2026-11-26 (1 day)");
        assertThat(check("today.example").error()).isEqualTo("registration expires 2026-11-25 (in less than a day)");
    }

    @Test
    void expiredRegistrationIsDown() {
        Instant expiry = Instant.parse("2026-11-20T00:00:00Z");
        rdap.registered("lapsed.example", expiry);

        CheckOutcome outcome = check("lapsed.example");

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).isEqualTo("registration expired 2026-11-20");
        assertThat(outcome.domainExpiresAt()).isEqualTo(expiry);
    }

    @Test
    void theWarningPeriodIsConfigurable() {
        rdap.registered("soon.example", Instant.parse("2026-12-01T18:00:00Z"));
        DefaultCheckExecutor relaxed = DefaultCheckExecutor.builder().rdapBaseUrl(rdap.baseUrl()).clock(clock)
                .domainExpiryWarning(Duration.ofDays(3)).build();
        DefaultCheckExecutor strict = DefaultCheckExecutor.builder().rdapBaseUrl(rdap.baseUrl()).clock(clock)
                .domainExpiryWarning(Duration.ofDays(60)).build();
        rdap.registered("later.example", Instant.parse("2027-01-10T00:00:00Z"));

        assertThat(relaxed.check(new MonitorTarget.Domain("soon.example"), TIMEOUT).status())
                .isEqualTo(CheckStatus.UP);
        assertThat(strict.check(new MonitorTarget.Domain("later.example"), TIMEOUT).error())
                .isEqualTo("registration expires 2027-01-10 (45 days)");
        assertThat(check("later.example").status()).isEqualTo(CheckStatus.UP);
    }

    @Test
    void theVerdictFollowsTheInjectedClock() {
        rdap.registered("example.com", Instant.parse("2027-01-10T00:00:00Z"));
        assertThat(check("example.com").status()).isEqualTo(CheckStatus.UP);

        clock.set(Instant.parse("2027-01-01T00:00:00Z"));

        assertThat(check("example.com").error()).isEqualTo("registration expires 2027-01-10 (9 days)");
    }

    @Test
    void registrationExpirationActionAndLenientDatesAreAccepted() {
        rdap.registeredWithAction("long.example", "Registration Expiration", "2027-03-04T05:06:07+02:00");
        rdap.registeredWithAction("bare.example", "expiration", "2027-03-04");

        assertThat(check("long.example").domainExpiresAt()).isEqualTo(Instant.parse("2027-03-04T03:06:07Z"));
        assertThat(check("bare.example").domainExpiresAt()).isEqualTo(Instant.parse("2027-03-04T00:00:00Z"));
    }

    @Test
    void unknownDomainIsDownAsNotFound() {
        CheckOutcome outcome = check("nobody.example");

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).isEqualTo("domain not found in RDAP");
        assertThat(outcome.domainExpiresAt()).isNull();
    }

    @Test
    void recordWithoutAnExpirationEventIsDown() {
        rdap.registeredWithoutExpiry("forever.example");

        assertThat(check("forever.example").error()).isEqualTo("RDAP record of forever.example has no expiration date");
    }

    @Test
    void anExpirationDateThatIsNoDateIsDown() {
        rdap.registeredWithAction("odd.example", "expiration", "next tuesday");

        assertThat(check("odd.example").error()).isEqualTo("RDAP expiration date 'next tuesday' is not a date");
    }

    @Test
    void serverErrorIsDownWithTheStatus() {
        rdap.answer("example.com", 503, "{\"errorCode\":503}");

        CheckOutcome outcome = check("example.com");

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).isEqualTo("RDAP server answered HTTP 503");
    }

    @Test
    void unreadableJsonIsDown() {
        rdap.answer("example.com", 200, "<html>not rdap</html>");

        assertThat(check("example.com").error()).isEqualTo("RDAP server answered with unreadable JSON");
    }

    @Test
    void unreachableRdapServerIsDown() {
        DefaultCheckExecutor nowhere = DefaultCheckExecutor.builder()
                .rdapBaseUrl(URI.create("http://127.0.0.1:" + LocalSite.closedPort())).clock(clock).build();

        CheckOutcome outcome = nowhere.check(new MonitorTarget.Domain("example.com"), TIMEOUT);

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).startsWith("RDAP server unreachable: ");
    }

    @Test
    void aSlowRdapServerTimesOutWithinTheMonitorsTimeout() {
        rdap.registered("example.com", Instant.parse("2027-09-14T04:00:00Z"));
        rdap.slow(3_000);

        CheckOutcome outcome = checks.check(new MonitorTarget.Domain("example.com"), Duration.ofMillis(200));

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).isEqualTo("RDAP lookup timed out after 200 ms");
    }

    @Test
    void hostIsAskedForInLowerCaseWithoutATrailingDot() {
        rdap.registered("example.com", Instant.parse("2027-09-14T04:00:00Z"));

        assertThat(check("Example.COM.").status()).isEqualTo(CheckStatus.UP);
        assertThat(rdap.lastPath()).isEqualTo("/domain/example.com");
    }

    @Test
    void aBaseUrlWithATrailingSlashIsJoinedCleanly() {
        rdap.registered("example.com", Instant.parse("2027-09-14T04:00:00Z"));
        DefaultCheckExecutor withSlash = DefaultCheckExecutor.builder()
                .rdapBaseUrl(URI.create(rdap.baseUrl() + "/")).clock(clock).build();

        assertThat(withSlash.check(new MonitorTarget.Domain("example.com"), TIMEOUT).status())
                .isEqualTo(CheckStatus.UP);
        assertThat(rdap.lastPath()).isEqualTo("/domain/example.com");
    }

    private CheckOutcome check(String host) {
        return checks.check(new MonitorTarget.Domain(host), TIMEOUT);
    }
}
