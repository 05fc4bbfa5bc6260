package io.enori.mcp.core.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.spi.CheckExecutor.NotCheckableException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

class DefaultCheckExecutorTest {

    private final DefaultCheckExecutor executor = DefaultCheckExecutor.create();

    @Test
    void domainTargetsAreNotCheckableOnDemand() {
        assertThatThrownBy(() -> executor.check(new MonitorTarget.Domain("example.com"), Duration.ofSeconds(1)))
                .isInstanceOf(NotCheckableException.class)
                .hasMessage("Domain monitors are checked by the scheduler (registration expiry over RDAP);"
                        + " check_now is not available for them yet.");
    }

    @Test
    void jobTargetsAreNotCheckableOnDemand() {
        assertThatThrownBy(() -> executor.check(new MonitorTarget.Job(60), Duration.ofSeconds(1)))
                .isInstanceOf(NotCheckableException.class)
                .hasMessage("Job monitors are heartbeat monitors: they go up when a heartbeat arrives,"
                        + " so there is nothing to check on demand.");
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
