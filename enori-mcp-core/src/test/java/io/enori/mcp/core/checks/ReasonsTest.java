package io.enori.mcp.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ReasonsTest {

    @Test
    void qualifiedClassNamesAreRemovedFromMessages() {
        String jdkMessage = "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException:"
                + " unable to find valid certification path to requested target";

        assertThat(Reasons.clean(jdkMessage))
                .isEqualTo("PKIX path building failed: unable to find valid certification path to requested target");
    }

    @Test
    void tlsFailureUsesTheInnermostReadableMessage() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new Exception("sun.security.validator.ValidatorException: Certificate expired"));

        assertThat(Reasons.describe(handshake, "example.com", 1000))
                .isEqualTo("TLS handshake failed: certificate expired");
    }

    @Test
    void commonNetworkFailuresReadAsPlainWords() {
        assertThat(Reasons.describe(new ConnectException("Connection refused"), "h", 1000))
                .isEqualTo("connection refused");
        assertThat(Reasons.describe(new IOException(new UnknownHostException("h")), "h", 1000))
                .isEqualTo("unknown host h");
        assertThat(Reasons.describe(new SocketTimeoutException("Connect timed out"), "h", 1500))
                .isEqualTo("timed out after 1500 ms");
        assertThat(Reasons.describe(new HttpConnectTimeoutException("HTTP connect timed out"), "h", 2000))
                .isEqualTo("timed out after 2000 ms");
        assertThat(Reasons.describe(new IOException("Connection reset"), "h", 1000))
                .isEqualTo("connection reset");
    }

    @Test
    void failureWithoutAnyMessageFallsBackToAGenericReason() {
        assertThat(Reasons.describe(new IOException(), "h", 1000)).isEqualTo("connection failed");
    }
}
