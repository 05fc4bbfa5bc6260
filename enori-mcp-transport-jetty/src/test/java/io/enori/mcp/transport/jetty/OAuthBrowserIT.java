package io.enori.mcp.transport.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.e2e.ClientScenarioContract;
import io.enori.mcp.core.e2e.NodeRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole OAuth sign-in with a real browser: {@code enori-mcp-core/src/test/node/oauth.mjs} runs the TypeScript
 * MCP SDK client with its OAuth client provider against this server, and drives Debian's Chromium (through
 * playwright-core) through our sign-in and consent pages; then tool calls, a rotating refresh, and the reuse of an
 * old refresh token revoking the grant. Skipped only when {@code /usr/bin/chromium} is missing (CI installs it).
 * Screenshots of both pages land in {@code target/oauth-screenshots} (copies are committed under {@code docs/}).
 */
class OAuthBrowserIT {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("ENORI_CHROMIUM", "/usr/bin/chromium"));
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, 0 failed");
    /** Every check oauth.mjs makes (see its check names); fewer means part of the dance did not run. */
    private static final int CHECKS = 17;
    private static final Duration TIMEOUT = Duration.ofSeconds(150);

    @TempDir
    Path tempDir;

    @Test
    void typescriptClientSignsInThroughChromiumAndTheRefreshTokenRotates() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "SKIPPED: no Chromium at " + CHROMIUM + " (apt-get install -y chromium; .ci/run does this)");
        Path nodeDir = ClientScenarioContract.nodeProject();
        ClientScenarioContract.ensureNodeModules(nodeDir);
        int port = OAuthHttpIT.freePort();
        String base = "http://127.0.0.1:" + port;
        EnoriMcp core = EnoriMcp.builder().jdbcUrl("jdbc:h2:file:" + tempDir.resolve("enori").toAbsolutePath())
                .publicBaseUrl(base).build();
        try (EnoriHttpServer server = EnoriHttpServer.start(core, HttpSettings.defaults().withPort(port))) {
            OAuthHttpIT.createUser(core, OAuthHttpIT.ACCOUNT, OAuthHttpIT.EMAIL, OAuthHttpIT.PASSWORD);
            ProcessBuilder node = new ProcessBuilder(System.getenv().getOrDefault("ENORI_E2E_NODE", "node"),
                    "oauth.mjs").directory(nodeDir.toFile()).redirectErrorStream(true);
            Map<String, String> env = node.environment();
            env.put("ENORI_E2E_URL", server.mcpUrl().toString());
            env.put("ENORI_OAUTH_EMAIL", OAuthHttpIT.EMAIL);
            env.put("ENORI_OAUTH_PASSWORD", OAuthHttpIT.PASSWORD);
            env.put("ENORI_OAUTH_ACCOUNT", OAuthHttpIT.ACCOUNT);
            env.put("ENORI_CHROMIUM", CHROMIUM.toString());
            env.put("ENORI_OAUTH_SCREENSHOTS", Path.of("target/oauth-screenshots").toAbsolutePath().toString());
            env.put("ENORI_E2E_TIMEOUT_MS", String.valueOf(TIMEOUT.minusSeconds(15).toMillis()));

            List<String> lines = NodeRun.of(node, TIMEOUT, "[oauth] ").lines();
            String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            List<String> failures = lines.stream().filter(line -> line.startsWith("FAIL ")).toList();
            Matcher summary = SUMMARY.matcher(last);
            assertThat(summary.matches()).as("last line of oauth.mjs is 'N passed, 0 failed' but was: %s; failed:%n%s",
                    last, String.join("\n", failures)).isTrue();
            assertThat(Integer.parseInt(summary.group(1))).as("checks passed by oauth.mjs").isGreaterThanOrEqualTo(CHECKS);
        } finally {
            core.close();
        }
    }
}
