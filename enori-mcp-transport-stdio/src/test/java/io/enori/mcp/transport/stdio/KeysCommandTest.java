package io.enori.mcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeysCommandTest {
    private final String dbUrl = "jdbc:h2:mem:keys" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return StdioMain.run(args, Map.of(StdioMain.ENV_DB_URL, dbUrl), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void createPrintsOnlyTheKeyOnStdout() {
        assertThat(run("keys", "create", "--account", "acme", "--scopes", "monitors:read,monitors:write")).isZero();
        assertThat(out()).matches("enr_[0-9A-Za-z]{40}\\R");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("for account 'acme'").contains("shown once");
    }

    @Test
    void listShowsKeysWithoutSecretsAndRevokeEndsThem() {
        run("keys", "create", "--account", "acme", "--scopes", "monitors:read");
        String key = out().strip();
        assertThat(run("keys", "list")).isZero();
        String listing = out();
        assertThat(listing).contains("acme").contains("active").contains("monitors:read").doesNotContain(key);
        String keyId = listing.lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        assertThat(run("keys", "revoke", keyId)).isZero();
        assertThat(run("keys", "list")).isZero();
        assertThat(out()).contains("revoked");
        assertThat(run("keys", "revoke", keyId)).isEqualTo(1);
    }

    @Test
    void badUsageExitsTwoWithAMessageOnStderr() {
        assertThat(run("keys", "create", "--account", "acme", "--scopes", "monitors:admin")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown scope 'monitors:admin'").contains("monitors:read");
        assertThat(run("keys", "create", "--account", "acme")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(out()).isEmpty();
    }
}
