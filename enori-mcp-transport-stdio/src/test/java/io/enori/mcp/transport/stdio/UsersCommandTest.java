package io.enori.mcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import io.enori.mcp.core.EnoriMcp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsersCommandTest {
    private final String dbUrl = "jdbc:h2:mem:users" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        out.reset();
        err.reset();
        return StdioMain.run(args, Map.of(StdioMain.ENV_DB_URL, dbUrl),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void createListAndResetPasswordWithThePasswordOnStdin() {
        assertThat(run("correct horse\n", "users", "create", "--account", "acme", "--email", "ann@example.com",
                "--password-stdin")).isZero();
        assertThat(out()).contains("ann@example.com").contains("'acme'").doesNotContain("correct horse");

        assertThat(run("", "users", "list")).isZero();
        assertThat(out()).contains("ann@example.com").contains("acme");

        assertThat(run("battery staple\n", "users", "reset-password", "--email", "ann@example.com")).isZero();
        var users = EnoriMcp.builder().jdbcUrl(dbUrl).build().oauth().users();
        assertThat(users.verify("ann@example.com", "battery staple".toCharArray())).isPresent();
        assertThat(users.verify("ann@example.com", "correct horse".toCharArray())).isEmpty();

        assertThat(run("battery staple\n", "users", "reset-password", "--email", "nobody@example.com")).isEqualTo(1);
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run("", "users", "create", "--account", "acme", "--email", "ann@example.com")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("stdin");
        assertThat(run("x\n", "users", "create", "--account", "acme", "--email", "ann@example.com",
                "--password", "secret123")).isEqualTo(2);
        assertThat(run("short\n", "users", "create", "--account", "acme", "--email", "ann@example.com")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("password must be");
        assertThat(run("", "users", "frobnicate")).isEqualTo(2);
        assertThat(out()).isEmpty();
    }
}
