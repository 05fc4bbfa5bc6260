package io.enori.mcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.e2e.ClientScenarioContract;
import io.enori.mcp.core.e2e.IncidentStory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared client scenario over stdio, against the packaged jar exactly as a local agent launches it: the client
 * starts {@code java -jar enori-mcp-stdio.jar} per connection with {@code ENORI_API_KEY} and {@code ENORI_DB_URL}.
 * The keys come from the jar's own {@code keys create}.
 */
final class StdioEndToEndIT extends ClientScenarioContract {
    private static final Duration KEY_TIMEOUT = Duration.ofSeconds(60);

    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private Path jar;

    @BeforeEach
    void findJar() {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path module = Files.isDirectory(base.resolve("enori-mcp-transport-stdio")) ? base.resolve("enori-mcp-transport-stdio") : base;
        jar = module.resolve("target/enori-mcp-stdio.jar");
        if (!Files.isRegularFile(jar)) {
            fail("Server jar not found at " + jar + "; build it with 'mvn package' (or run 'mvn verify', which packages"
                    + " before failsafe runs *IT)");
        }
    }

    @Override
    protected String transport() {
        return "stdio";
    }

    @Override
    protected Keys issueKeys() throws Exception {
        String readWrite = "monitors:read,monitors:write";
        return new Keys(createKey("e2e", readWrite), createKey("e2e", "monitors:read"), createKey("other", readWrite),
                createKey("limit", "monitors:read"));
    }

    /**
     * Channels and status pages are created through the Java API, so the story is prepared by a core opened on the
     * same H2 file in this JVM, which then shuts the database down: the server processes the client starts need
     * the file to themselves.
     */
    @Override
    protected void prepareStory(IncidentStory story) throws Exception {
        try (EnoriMcp core = EnoriMcp.builder().jdbcUrl(h2Url()).build()) {
            story.prepare(core);
        }
        try (Connection connection = DriverManager.getConnection(io.enori.mcp.core.store.Databases.durableH2(h2Url())); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    @Override
    protected Map<String, String> transportEnv(Keys keys) {
        return Map.of("ENORI_E2E_JAR", jar.toString(),
                "ENORI_E2E_JAVA", java,
                "JAVA_HOME", System.getProperty("java.home"),
                "ENORI_E2E_DB_URL", h2Url());
    }

    /** Five server JVMs start one after another (one per connection), each opening the same H2 file. */
    @Override
    protected Duration timeout() {
        return Duration.ofSeconds(180);
    }

    /** Runs {@code java -jar <jar> keys create}, which prints only the new key on stdout. */
    private String createKey(String account, String scopes) throws Exception {
        ProcessBuilder keys = new ProcessBuilder(java, "-jar", jar.toString(), "keys", "create", "--account", account,
                "--scopes", scopes);
        keys.environment().put("ENORI_DB_URL", h2Url());
        keys.environment().remove("ENORI_API_KEY");
        Run run = run(keys, KEY_TIMEOUT,
                line -> System.out.println("[keys] " + (line.length() > 8 ? line.substring(0, 8) + "…" : line)));
        List<String> out = run.stdout().stream().filter(line -> !line.isBlank()).toList();
        assertThat(run.exitCode()).as("'keys create --account %s --scopes %s' exit code", account, scopes).isZero();
        assertThat(out).as("'keys create' must print only the key on stdout (one line)").hasSize(1);
        String key = out.get(0).trim();
        assertThat(key).as("API key").doesNotContainAnyWhitespaces().hasSizeGreaterThanOrEqualTo(16);
        return key;
    }
}
