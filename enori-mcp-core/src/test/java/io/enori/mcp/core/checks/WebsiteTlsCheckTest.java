package io.enori.mcp.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.enori.mcp.api.CheckStatus;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.api.spi.CheckOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS checks against a self-signed certificate made by the JDK's keytool for this run. */
class WebsiteTlsCheckTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    // Generous: these checks answer in milliseconds; the bound only matters on a loaded shared machine.
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    private static HttpsServer server;
    private static KeyStore keyStore;
    private static String url;

    @BeforeAll
    static void startServer() throws Exception {
        keyStore = selfSignedKeyStore(dir.resolve("server.p12"));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            byte[] body = "secure hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        url = "https://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static KeyStore selfSignedKeyStore(Path file) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=IP:127.0.0.1,DNS:localhost", "-validity", "30",
                "-keystore", file.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static SSLContext trustingTheServer() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Test
    void trustedHttpsSiteIsUpWithTheCertificateExpiry() throws Exception {
        DefaultCheckExecutor executor = DefaultCheckExecutor.builder().sslContext(trustingTheServer()).build();
        Instant notAfter = ((X509Certificate) keyStore.getCertificate("server")).getNotAfter().toInstant();

        CheckOutcome outcome = executor.check(new MonitorTarget.Website(url, "hello", List.of()), TIMEOUT);

        assertThat(outcome.status()).isEqualTo(CheckStatus.UP);
        assertThat(outcome.statusCode()).isEqualTo(200);
        assertThat(outcome.contentMatched()).isTrue();
        assertThat(outcome.sslExpiresAt()).isEqualTo(notAfter);
        assertThat(outcome.sslExpiresAt()).isBetween(Instant.now().plus(29, ChronoUnit.DAYS),
                Instant.now().plus(31, ChronoUnit.DAYS));
    }

    @Test
    void untrustedCertificateIsDownAsTlsFailureWithoutClassNames() {
        CheckOutcome outcome = DefaultCheckExecutor.create()
                .check(new MonitorTarget.Website(url, null, List.of()), TIMEOUT);

        assertThat(outcome.status()).isEqualTo(CheckStatus.DOWN);
        assertThat(outcome.statusCode()).isNull();
        assertThat(outcome.error()).startsWith("TLS handshake failed: ")
                .doesNotContain("Exception")
                .doesNotContain("sun.");
    }
}
