package io.enori.mcp.core.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.spi.CheckExecutor.NotCheckableException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class DefaultCheckExecutorTest {

    private final DefaultCheckExecutor executor = DefaultCheckExecutor.create();

    @Test
    void jobTargetsAreNotCheckableOnDemand() {
        assertThatThrownBy(() -> executor.check(new MonitorTarget.Job(60), Duration.ofSeconds(1)))
                .isInstanceOf(NotCheckableException.class)
                .hasMessage("Job monitors are heartbeat monitors: their state comes from the heartbeats they"
                        + " receive, not from a check of a target.");
    }

    @Test
    void nonPositiveTimeoutIsRejected() {
        MonitorTarget target = new MonitorTarget.Port("127.0.0.1", 80);

        assertThatThrownBy(() -> executor.check(target, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout");
    }

    @Test
    void builderRejectsASettingGivenTwice() throws Exception {
        SSLContext context = SSLContext.getDefault();

        assertThatThrownBy(() -> DefaultCheckExecutor.builder().sslContext(context).sslContext(context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sslContext");
        assertThatThrownBy(() -> DefaultCheckExecutor.builder().pingFallbackPorts(443).pingFallbackPorts(80))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pingFallbackPorts");
        assertThatThrownBy(() -> DefaultCheckExecutor.builder().dnsServer("dns:").dnsServer("dns:"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dnsServer");
        URI rdap = URI.create("http://127.0.0.1:1");
        assertThatThrownBy(() -> DefaultCheckExecutor.builder().rdapBaseUrl(rdap).rdapBaseUrl(rdap))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rdapBaseUrl");
        assertThatThrownBy(() -> DefaultCheckExecutor.builder().domainExpiryWarning(Duration.ofDays(1))
                .domainExpiryWarning(Duration.ofDays(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("domainExpiryWarning");
        assertThatThrownBy(() -> DefaultCheckExecutor.builder().clock(Clock.systemUTC()).clock(Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clock");
    }

    @Test
    void builderRejectsAnRdapBaseUrlThatIsNotHttpOrANegativeWarning() {
        assertThatThrownBy(() -> DefaultCheckExecutor.builder().rdapBaseUrl(URI.create("ftp://rdap.example")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rdapBaseUrl");
        assertThatThrownBy(() -> DefaultCheckExecutor.builder().rdapBaseUrl(URI.create("https://rdap.example/?x=1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rdapBaseUrl");
        assertThatThrownBy(() -> DefaultCheckExecutor.builder().domainExpiryWarning(Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("domainExpiryWarning");
    }

    @Test
    void builderRejectsFallbackPortsOutOfRangeOrMissing() {
        assertThatThrownBy(() -> DefaultCheckExecutor.builder().pingFallbackPorts(443, 70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pingFallbackPorts").hasMessageContaining("70000");
        assertThatThrownBy(() -> DefaultCheckExecutor.builder().pingFallbackPorts())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pingFallbackPorts");
    }

    @Test
    void builderRejectsADnsServerThatIsNotADnsUrl() {
        assertThatThrownBy(() -> DefaultCheckExecutor.builder().dnsServer("127.0.0.1:5353"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dnsServer");
    }
}
