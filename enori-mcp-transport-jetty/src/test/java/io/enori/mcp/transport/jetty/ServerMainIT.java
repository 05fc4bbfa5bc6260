package io.enori.mcp.transport.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.core.EnoriMcp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The standalone entry point: first-start key, keys commands, help. */
class ServerMainIT {
    private static final Pattern KEY_LINE = Pattern.compile("\\s*(enr_[0-9A-Za-z]{40})\\s*");

    private final String dbUrl = HttpTestSupport.freshH2Url();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        out.reset();
        err.reset();
        return ServerMain.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<String> keyLines() {
        return out().lines().filter(l -> KEY_LINE.matcher(l).matches()).toList();
    }

    @Test
    void firstStartOnAnEmptyDatabasePrintsExactlyOneAllScopesKeyAndTheSecondNone() throws Exception {
        assertThat(run("--port", "0", "--db", dbUrl)).isZero();

        List<String> first = keyLines();
        assertThat(first).hasSize(1);
        assertThat(out().split("enr_", -1)).as("the key appears once").hasSize(2);
        String key = first.get(0).strip();
        Caller caller = EnoriMcp.builder().jdbcUrl(dbUrl).build().apiKeys().authenticate(key);
        assertThat(caller.isAuthenticated()).isTrue();
        assertThat(caller.scopes()).isEqualTo(EnumSet.allOf(Scope.class));

        assertThat(run("--port", "0", "--db", dbUrl)).isZero();
        assertThat(keyLines()).isEmpty();
        assertThat(out()).doesNotContain("enr_");
    }

    @Test
    void noFirstKeyWhenKeysAlreadyExist() throws Exception {
        assertThat(run("--db", dbUrl, "keys", "create", "--account", "ops", "--scopes", "monitors:read")).isZero();

        assertThat(run("--port", "0", "--db", dbUrl)).isZero();

        assertThat(out()).doesNotContain("enr_");
    }

    @Test
    void keysCreatePrintsOnlyTheKey() throws Exception {
        assertThat(run("--db", dbUrl, "keys", "create", "--account", "x", "--scopes", "monitors:read")).isZero();

        assertThat(out()).matches("enr_[0-9A-Za-z]{40}\\R");
        assertThat(err()).contains("for account 'x'").contains("monitors:read");
        Caller caller = EnoriMcp.builder().jdbcUrl(dbUrl).build().apiKeys().authenticate(out().strip());
        assertThat(caller.scopes()).containsExactly(Scope.MONITORS_READ);
    }

    @Test
    void keysListAndRevokeGoThroughTheSameDatabase() throws Exception {
        run("--db", dbUrl, "keys", "create", "--account", "x", "--scopes", "monitors:read");
        String key = out().strip();

        assertThat(run("--db", dbUrl, "keys", "list")).isZero();
        String listing = out();
        assertThat(listing).contains("x").contains("active").doesNotContain(key);
        String keyId = listing.lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        assertThat(run("--db", dbUrl, "keys", "revoke", keyId)).isZero();

        assertThat(EnoriMcp.builder().jdbcUrl(dbUrl).build().apiKeys().authenticate(key).isAuthenticated()).isFalse();
    }

    @Test
    void keysDbCanComeFromTheEnvironment() throws Exception {
        out.reset();
        int code = ServerMain.run(new String[] {"keys", "create", "--account", "envy", "--scopes", "alerts:read"},
                Map.of("ENORI_DB_URL", dbUrl), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);

        assertThat(code).isZero();
        assertThat(EnoriMcp.builder().jdbcUrl(dbUrl).build().apiKeys().authenticate(out().strip()).scopes())
                .containsExactly(Scope.ALERTS_READ);
    }

    @Test
    void helpCommandExitsZeroWithUsage() throws Exception {
        assertThat(run("help")).isZero();

        assertThat(out()).contains("--port").contains("ENORI_DB_URL").contains("keys create");
    }

    @Test
    void helpFlagExitsZeroWithUsage() throws Exception {
        assertThat(run("--help")).isZero();

        assertThat(out()).contains("--port").contains("keys create");
    }

    @Test
    void badUsageExitsTwoWithAMessageOnStderr() throws Exception {
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err()).contains("--frobnicate");
        assertThat(run("--port", "nope")).isEqualTo(2);
        assertThat(err()).contains("port");
        assertThat(run("--db", dbUrl, "serve-everything")).isEqualTo(2);
        assertThat(err()).contains("serve-everything");
        assertThat(run("--db", dbUrl, "keys", "create", "--account", "x")).isEqualTo(2);
        assertThat(out()).isEmpty();
    }
}
