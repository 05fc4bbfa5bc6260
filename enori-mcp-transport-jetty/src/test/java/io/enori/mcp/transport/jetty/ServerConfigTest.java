package io.enori.mcp.transport.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enori.mcp.core.store.Databases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import io.enori.mcp.core.Toolsets;
import io.enori.mcp.core.admin.AdminKey;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone server's settings: flags over ENORI_* variables over the properties file, then defaults. */
class ServerConfigTest {
    @TempDir
    Path dir;

    private static ServerConfig resolve(Map<String, String> env, String... args) {
        return ServerConfig.resolve(args, env);
    }

    private Path properties(String... lines) throws IOException {
        Path file = dir.resolve("enori-" + System.nanoTime() + ".properties");
        Files.write(file, List.of(lines));
        return file;
    }

    @Test
    void defaultsAreLoopback8080AndTheH2FileUnderTheHomeDirectory() {
        ServerConfig config = resolve(Map.of());

        assertThat(config.http().host()).isEqualTo("127.0.0.1");
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.http().stateless()).isFalse();
        assertThat(config.http().allowedOrigins()).isEmpty();
        assertThat(config.http().maxRequestBytes()).isEqualTo(1024 * 1024);
        assertThat(config.dbUrl()).isEqualTo(Databases.defaultH2Url())
                .startsWith("jdbc:h2:file:" + Path.of(System.getProperty("user.home"), ".enori", "enori"));
        assertThat(config.apiKeyCallsPerMinute()).isEqualTo(60);
        assertThat(config.rest()).isEmpty();
    }

    @Test
    void flagBeatsEnvironmentBeatsPropertiesFile() throws IOException {
        Path file = properties("port=7001", "host=10.0.0.1", "db=jdbc:h2:mem:fromfile", "rate-limit=11",
                "allowed-origins=https://file.example");
        Map<String, String> env = Map.of("ENORI_PORT", "7002", "ENORI_HOST", "10.0.0.2", "ENORI_RATE_LIMIT", "22");

        ServerConfig flagged = resolve(env, "--config", file.toString(), "--port", "7003");
        ServerConfig fromEnv = resolve(env, "--config", file.toString());
        ServerConfig fromFile = resolve(Map.of(), "--config", file.toString());

        assertThat(flagged.http().port()).isEqualTo(7003);
        assertThat(flagged.http().host()).isEqualTo("10.0.0.2");
        assertThat(flagged.apiKeyCallsPerMinute()).isEqualTo(22);
        assertThat(flagged.dbUrl()).isEqualTo("jdbc:h2:mem:fromfile");
        assertThat(fromEnv.http().port()).isEqualTo(7002);
        assertThat(fromFile.http().port()).isEqualTo(7001);
        assertThat(fromFile.http().host()).isEqualTo("10.0.0.1");
        assertThat(fromFile.apiKeyCallsPerMinute()).isEqualTo(11);
        assertThat(fromFile.http().allowedOrigins()).containsExactly("https://file.example");
    }

    @Test
    void configFileCanComeFromTheEnvironmentAndTheFlagWins() throws IOException {
        Path fromEnv = properties("port=7101");
        Path fromFlag = properties("port=7102");

        assertThat(resolve(Map.of("ENORI_CONFIG", fromEnv.toString())).http().port()).isEqualTo(7101);
        assertThat(resolve(Map.of("ENORI_CONFIG", fromEnv.toString()), "--config", fromFlag.toString()).http().port())
                .isEqualTo(7102);
    }

    @Test
    void everySettingHasAFlagAVariableAndAProperty() throws IOException {
        Path file = properties("port=1", "host=::1", "db=jdbc:h2:mem:p", "stateless=true",
                "allowed-origins=https://a.example, https://b.example", "rate-limit=5",
                "public-base-url=https://status.example");
        Map<String, String> env = new HashMap<>();
        env.put("ENORI_PORT", "2");
        env.put("ENORI_HOST", "0.0.0.0");
        env.put("ENORI_DB_URL", "jdbc:h2:mem:e");
        env.put("ENORI_STATELESS", "true");
        env.put("ENORI_ALLOWED_ORIGINS", "https://env.example");
        env.put("ENORI_RATE_LIMIT", "6");
        env.put("ENORI_PUBLIC_BASE_URL", "https://env-status.example");

        ServerConfig viaFile = resolve(Map.of(), "--config", file.toString());
        ServerConfig viaEnv = resolve(env);
        ServerConfig viaFlags = resolve(Map.of(), "--port", "3", "--host", "192.168.1.1", "--db", "jdbc:h2:mem:f",
                "--stateless", "--allowed-origins", "https://x.example,https://y.example", "--rate-limit", "7",
                "--public-base-url", "https://flag-status.example");

        assertThat(viaFile).extracting(c -> c.http().port(), c -> c.http().host(), ServerConfig::dbUrl,
                        c -> c.http().stateless(), c -> c.http().allowedOrigins(), ServerConfig::apiKeyCallsPerMinute,
                        ServerConfig::publicBaseUrl)
                .containsExactly(1, "::1", "jdbc:h2:mem:p", true, List.of("https://a.example", "https://b.example"), 5,
                        "https://status.example");
        assertThat(viaEnv).extracting(c -> c.http().port(), c -> c.http().host(), ServerConfig::dbUrl,
                        c -> c.http().stateless(), c -> c.http().allowedOrigins(), ServerConfig::apiKeyCallsPerMinute,
                        ServerConfig::publicBaseUrl)
                .containsExactly(2, "0.0.0.0", "jdbc:h2:mem:e", true, List.of("https://env.example"), 6,
                        "https://env-status.example");
        assertThat(viaFlags).extracting(c -> c.http().port(), c -> c.http().host(), ServerConfig::dbUrl,
                        c -> c.http().stateless(), c -> c.http().allowedOrigins(), ServerConfig::apiKeyCallsPerMinute,
                        ServerConfig::publicBaseUrl)
                .containsExactly(3, "192.168.1.1", "jdbc:h2:mem:f", true,
                        List.of("https://x.example", "https://y.example"), 7, "https://flag-status.example");
    }

    @Test
    void clusterNeedsPostgresAndMakesTheTransportStatelessUnlessSaidOtherwise() {
        String pg = "jdbc:postgresql://db:5432/enori?user=enori";
        ServerConfig flag = resolve(Map.of(), "--cluster", "--db", pg);
        assertThat(flag.cluster()).isTrue();
        assertThat(flag.http().stateless()).isTrue();
        assertThat(flag.dbPoolSize()).isEqualTo(Databases.DEFAULT_POOL_SIZE);

        ServerConfig env = resolve(Map.of("ENORI_CLUSTER", "true", "ENORI_DB_URL", pg, "ENORI_DB_POOL_SIZE", "25"));
        assertThat(env.cluster()).isTrue();
        assertThat(env.dbPoolSize()).isEqualTo(25);

        assertThat(resolve(Map.of(), "--cluster", "--db", pg, "--stateless=false").http().stateless()).isFalse();
        assertThat(resolve(Map.of(), "--db-pool-size=4").dbPoolSize()).isEqualTo(4);
        assertThat(resolve(Map.of()).cluster()).isFalse();
        assertThat(resolve(Map.of()).http().stateless()).isFalse();
        assertThatThrownBy(() -> resolve(Map.of(), "--cluster", "--db", "jdbc:h2:mem:x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--cluster needs a PostgreSQL");
        assertThatThrownBy(() -> resolve(Map.of(), "--db-pool-size", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("db-pool-size");
    }

    @Test
    void flagsAcceptNameEqualsValue() {
        ServerConfig config = resolve(Map.of(), "--port=9001", "--host=localhost", "--stateless=false");

        assertThat(config.http().port()).isEqualTo(9001);
        assertThat(config.http().host()).isEqualTo("localhost");
        assertThat(config.http().stateless()).isFalse();
    }

    @Test
    void statelessNeedsNoValueAndDoesNotSwallowTheNextFlag() {
        ServerConfig last = resolve(Map.of(), "--port", "9000", "--stateless");
        ServerConfig first = resolve(Map.of(), "--stateless", "--port", "9000");

        assertThat(last.http().stateless()).isTrue();
        assertThat(first.http().stateless()).isTrue();
        assertThat(first.http().port()).isEqualTo(9000);
        assertThat(resolve(Map.of()).http().stateless()).isFalse();
        assertThat(resolve(Map.of("ENORI_STATELESS", "true"), "--stateless=false").http().stateless()).isFalse();
    }

    @Test
    void unknownFlagIsRejectedByName() {
        assertThatThrownBy(() -> resolve(Map.of(), "--port", "1", "--frobnicate", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--frobnicate");
    }

    @Test
    void unknownPropertyIsRejectedByName() throws IOException {
        Path file = properties("port=8081", "colour=blue");

        assertThatThrownBy(() -> resolve(Map.of(), "--config", file.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("colour")
                .hasMessageContaining(file.toString());
    }

    @Test
    void missingConfigFileNamedExplicitlyIsAnError() {
        Path missing = dir.resolve("nope.properties");

        assertThatThrownBy(() -> resolve(Map.of(), "--config", missing.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void badPortIsRejectedNamingThePort() {
        for (String bad : List.of("abc", "70000", "-1", "80.5", "")) {
            assertThatThrownBy(() -> resolve(Map.of(), "--port", bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("port")
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> resolve(Map.of("ENORI_PORT", "http")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    }

    @Test
    void badRateLimitIsRejectedNamingIt() {
        assertThatThrownBy(() -> resolve(Map.of(), "--rate-limit", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate-limit");
    }

    @Test
    void aValueFlagWithoutItsValueIsRejected() {
        assertThatThrownBy(() -> resolve(Map.of(), "--port"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--port");
    }

    @Test
    void argumentsAfterTheFlagsAreLeftForCommands() {
        ServerConfig config = resolve(Map.of(), "--db", "jdbc:h2:mem:k", "keys", "create", "--account", "x",
                "--scopes", "monitors:read");

        assertThat(config.dbUrl()).isEqualTo("jdbc:h2:mem:k");
        assertThat(config.rest()).containsExactly("keys", "create", "--account", "x", "--scopes", "monitors:read");
    }

    @Test
    void toolsetsComeFromFlagEnvironmentOrFileAndAnUnknownGroupIsNamed() throws IOException {
        assertThat(resolve(Map.of()).toolsets()).isEqualTo(Toolsets.ALL);
        assertThat(resolve(Map.of(), "--toolsets", "monitors,read-only").toolsets())
                .isEqualTo(new Toolsets(Set.of("monitors"), true));
        assertThat(resolve(Map.of("ENORI_TOOLSETS", "slos")).toolsets()).isEqualTo(new Toolsets(Set.of("slos"), false));
        Path file = properties("toolsets=incidents");
        assertThat(resolve(Map.of(), "--config", file.toString()).toolsets())
                .isEqualTo(new Toolsets(Set.of("incidents"), false));
        assertThatThrownBy(() -> resolve(Map.of(), "--toolsets", "monitors,billing"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'billing'");
    }

    @Test
    void adminToolsAreOffOverHttpUnlessSwitchedOnAndTheAdminKeyMatches() {
        String db = "jdbc:h2:mem:admin" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        String key = "an-admin-key-of-32-characters-ok";
        java.io.PrintStream err = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        Map<String, String> env = Map.of("ENORI_ADMIN_KEY", key, "ENORI_ADMIN_KEY_HASH", AdminKey.hash(key));

        assertThat(resolve(Map.of(), "--db", db).adminTools()).isFalse();
        assertThat(ServerMain.adminToolsOffered(resolve(env, "--db", db), env, err)).as("switch off").isFalse();
        assertThat(ServerMain.adminToolsOffered(resolve(env, "--db", db, "--admin-tools"), env, err)).isTrue();
        Map<String, String> wrong = Map.of("ENORI_ADMIN_KEY", "not-the-admin-key-at-all-nope", "ENORI_ADMIN_KEY_HASH",
                AdminKey.hash(key));
        assertThat(ServerMain.adminToolsOffered(resolve(wrong, "--db", db, "--admin-tools"), wrong, err)).isFalse();
        assertThat(resolve(Map.of("ENORI_ADMIN_TOOLS", "true"), "--db", db).adminTools()).isTrue();
    }
}
