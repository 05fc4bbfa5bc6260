package io.enori.mcp.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.DnsRecordType;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.spi.CheckOutcome;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DnsCheckTest {

    // Generous: these checks answer in milliseconds; the bound only matters on a loaded shared machine.
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static FakeDnsServer server;
    private static DefaultCheckExecutor executor;

    @BeforeAll
    static void startServer() throws Exception {
        server = new FakeDnsServer()
                .a("app.example.test", "192.0.2.10")
                .a("app.example.test", "192.0.2.11")
                .aaaa("v6.example.test", "2001:db8::1")
                .txt("example.test", "v=spf1 include:mail.example.test ~all")
                .txt("example.test", "verification=abc123")
                .mx("example.test", 10, "mail.example.test")
                .mx("example.test", 20, "backup.example.test")
                .cname("www.example.test", "app.example.test")
                .silent("slow.example.test");
        executor = DefaultCheckExecutor.builder().dnsServer(server.url()).build();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static CheckOutcome check(String host, DnsRecordType type, String expected) {
        return executor.check(new MonitorTarget.Dns(host, type, expected), TIMEOUT);
    }

    @Test
    void aRecordMatchingTheExpectedValueIsUp() {
        CheckOutcome outcome = check("app.example.test", DnsRecordType.A, "192.0.2.11");

        assertThat(outcome.status()).isEqualTo(CheckStatus.UP);
        assertThat(outcome.error()).isNull();
        assertThat(outcome.responseTimeMs()).isNotNull().isGreaterThanOrEqualTo(0);
    }

    @Test
    void anyRecordIsUpWhenNoValueIsExpected() {
        assertThat(check("app.example.test", DnsRecordType.A, null).status()).isEqualTo(CheckStatus.UP);
    }

    @Test
    void aRecordNotMatchingIsDownNamingBothValues() {
        CheckOutcome outcome = check("app.example.test", DnsRecordType.A, "1.2.3.4");

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).isEqualTo("expected '1.2.3.4' but resolved [192.0.2.10, 192.0.2.11]");
    }

    @Test
    void aaaaRecordMatchesAnyRepresentationOfTheAddress() {
        CheckOutcome outcome = check("v6.example.test", DnsRecordType.AAAA, "2001:DB8:0:0:0:0:0:1");

        assertThat(outcome.status()).isEqualTo(CheckStatus.UP);
    }

    @Test
    void txtRecordMatchesWithoutItsQuotesAndIgnoringCase() {
        assertThat(check("example.test", DnsRecordType.TXT, "v=spf1 include:mail.example.test ~all").status())
                .isEqualTo(CheckStatus.UP);
        assertThat(check("example.test", DnsRecordType.TXT, "VERIFICATION=ABC123").status())
                .isEqualTo(CheckStatus.UP);
    }

    @Test
    void txtMismatchShowsTheRecordsUnquoted() {
        CheckOutcome outcome = check("example.test", DnsRecordType.TXT, "verification=zzz");

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).contains("'verification=zzz'")
                .contains("v=spf1 include:mail.example.test ~all")
                .contains("verification=abc123")
                .doesNotContain("\"");
    }

    @Test
    void mxRecordMatchesTheMailHostIgnoringPriorityAndTrailingDot() {
        assertThat(check("example.test", DnsRecordType.MX, "backup.example.test.").status())
                .isEqualTo(CheckStatus.UP);
        assertThat(check("example.test", DnsRecordType.MX, "10 MAIL.example.test").status())
                .isEqualTo(CheckStatus.UP);
    }

    @Test
    void mxMismatchIsDown() {
        CheckOutcome outcome = check("example.test", DnsRecordType.MX, "other.example.test");

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).startsWith("expected 'other.example.test' but resolved [")
                .contains("mail.example.test");
    }

    @Test
    void cnameRecordMatchesItsTarget() {
        assertThat(check("www.example.test", DnsRecordType.CNAME, "app.example.test").status())
                .isEqualTo(CheckStatus.UP);
    }

    @Test
    void hostWithoutRecordsOfTheTypeIsDown() {
        CheckOutcome outcome = check("example.test", DnsRecordType.A, null);

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).isEqualTo("no A records for example.test");
    }

    @Test
    void unknownNameIsDownWithNxdomain() {
        CheckOutcome outcome = check("missing.example.test", DnsRecordType.A, null);

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).startsWith("NXDOMAIN").contains("missing.example.test");
    }

    @Test
    void unansweredQueryTimesOutWithinTheTimeout() {
        long start = System.nanoTime();
        CheckOutcome outcome = executor.check(
                new MonitorTarget.Dns("slow.example.test", DnsRecordType.A, null), Duration.ofMillis(300));
        long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.error()).startsWith("DNS lookup timed out");
        // A loose bound, not a latency target: the peer never answers, so the check must end on its own.
        assertThat(elapsedMs).isLessThan(4_000);
    }
}
