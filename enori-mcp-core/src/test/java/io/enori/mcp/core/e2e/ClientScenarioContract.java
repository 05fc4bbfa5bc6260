package io.enori.mcp.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.enori.mcp.api.Scope;
import io.enori.mcp.core.auth.ApiKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport test suite: one end-to-end scenario, subclassed once per transport so the transports can never
 * drift. The scenario ({@code enori-mcp-core/src/test/node/e2e.mjs}) drives the server through a real MCP client
 * we did not write, the TypeScript SDK: the same tool calls with the same expected answers on every transport,
 * plus the checks only one transport can have (HTTP status codes, sessions). It prints one line per check and
 * ends with {@code "N passed, M failed"}; this class runs it and checks that line and the exit code.
 *
 * <p>A subclass starts its server (in {@code @BeforeEach}, over {@link #h2Url()} if it likes), issues the
 * {@link Keys}, and says how the client reaches the server through {@link #transportEnv}. Name subclasses
 * {@code *IT}: they start processes.
 */
public abstract class ClientScenarioContract {
    /** Where the scenario lives, relative to the repository root. */
    public static final String NODE_PROJECT = "enori-mcp-core/src/test/node";
    /**
     * How many checks every transport passes: the tool calls and their answers, scopes, tenancy, the incident story
     * (17), the SLO story (13), browser steps through sampling (5 with connect and close), a bad credential, and the rate limit (60 calls pass, the 61st is refused).
     * Subclasses add their transport's own checks.
     */
    protected static final int SHARED_CHECKS = 86;

    private static final Duration NPM_TIMEOUT = Duration.ofSeconds(300);
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, 0 failed");

    /** A fresh directory per test, e.g. for an H2 file database. */
    @TempDir
    protected Path tempDir;

    /**
     * The API keys the scenario uses. Account "e2e" must start without monitors.
     *
     * @param readWrite    account e2e, monitors:read and monitors:write
     * @param readOnly     account e2e, monitors:read only
     * @param otherAccount another account, monitors:read and monitors:write
     * @param rateLimit    monitors:read, used by nothing else: the scenario drives it into its 60-per-minute limit
     */
    public record Keys(String readWrite, String readOnly, String otherAccount, String rateLimit) {
        public Keys {
            List<String> all = List.of(Objects.requireNonNull(readWrite, "readWrite"),
                    Objects.requireNonNull(readOnly, "readOnly"), Objects.requireNonNull(otherAccount, "otherAccount"),
                    Objects.requireNonNull(rateLimit, "rateLimit"));
            if (all.stream().distinct().count() != all.size()) {
                throw new IllegalArgumentException("the four scenario keys must be distinct");
            }
        }

        /** Issues the four keys through the core, for servers that run in this JVM. */
        public static Keys issue(ApiKeys apiKeys) {
            EnumSet<Scope> readWrite = EnumSet.of(Scope.MONITORS_READ, Scope.MONITORS_WRITE);
            EnumSet<Scope> read = EnumSet.of(Scope.MONITORS_READ);
            return new Keys(apiKeys.create("e2e", readWrite, "e2e rw").plaintext(),
                    apiKeys.create("e2e", read, "e2e ro").plaintext(),
                    apiKeys.create("other", readWrite, "e2e other account").plaintext(),
                    apiKeys.create("limit", read, "e2e rate limit").plaintext());
        }
    }

    /** The value of {@code ENORI_E2E_TRANSPORT}: stdio, streamable-http, streamable-http-stateless or sse. */
    protected abstract String transport();

    /** Issues the scenario's keys on the server under test (which is running by now). */
    protected abstract Keys issueKeys() throws Exception;

    /**
     * Prepares account {@value IncidentStory#ACCOUNT} on the server's database for the incident story, typically
     * {@code story.prepare(core)} with the server's core (or a core opened on the same database file and closed
     * again before the client starts the server).
     */
    protected abstract void prepareStory(IncidentStory story) throws Exception;

    /** How the client reaches the server, e.g. {@code ENORI_E2E_URL}. */
    protected abstract Map<String, String> transportEnv(Keys keys) throws Exception;

    /** The least number of passed checks that proves the whole scenario ran on this transport. */
    protected int minimumChecks() {
        return SHARED_CHECKS;
    }

    /** How long the scenario may take before the client process is killed. */
    protected Duration timeout() {
        return Duration.ofSeconds(120);
    }

    /** An H2 file database in {@link #tempDir}. */
    protected String h2Url() {
        return "jdbc:h2:file:" + tempDir.resolve("enori").toAbsolutePath();
    }

    @Test
    public void typescriptSdkClientPassesTheSharedScenario() throws Exception {
        Path nodeDir = nodeProject();
        ensureNodeModules(nodeDir);
        Keys keys = issueKeys();
        try (IncidentStory story = IncidentStory.start()) {
            prepareStory(story);
            runScenario(nodeDir, keys, story);
            // The client saw the alert as delivered; the receiver confirms exactly one POST, for the opening.
            assertThat(story.posts()).as("webhook POSTs received during the incident story").hasSize(1);
            assertThat(story.posts().get(0).get("event")).as("event of the one webhook POST")
                    .isEqualTo("incident_opened");
        }
    }

    private void runScenario(Path nodeDir, Keys keys, IncidentStory story) throws Exception {
        ProcessBuilder e2e = new ProcessBuilder(command("ENORI_E2E_NODE", "node"), "e2e.mjs")
                .directory(nodeDir.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = e2e.environment();
        env.put("ENORI_E2E_TRANSPORT", transport());
        env.put("ENORI_E2E_KEY_RW", keys.readWrite());
        env.put("ENORI_E2E_KEY_RO", keys.readOnly());
        env.put("ENORI_E2E_KEY_OTHER", keys.otherAccount());
        env.put("ENORI_E2E_KEY_LIMIT", keys.rateLimit());
        env.put("ENORI_E2E_TIMEOUT_MS", String.valueOf(timeout().minusSeconds(10).toMillis()));
        env.putAll(story.env());
        env.putAll(transportEnv(keys));

        String prefix = "[e2e " + transport() + "] ";
        Run run = run(e2e, timeout(), line -> System.out.println(prefix + line));

        List<String> lines = run.stdout();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        List<String> failures = lines.stream().filter(line -> line.startsWith("FAIL ")).toList();
        assertThat(run.exitCode())
                .as("e2e.mjs over %s: exit code; last line: %s; failed checks:%n%s", transport(), last,
                        String.join("\n", failures))
                .isZero();
        Matcher summary = SUMMARY.matcher(last);
        assertThat(summary.matches()).as("last line of e2e.mjs is 'N passed, 0 failed' but was: %s", last).isTrue();
        assertThat(Integer.parseInt(summary.group(1)))
                .as("number of passed checks over %s", transport())
                .isGreaterThanOrEqualTo(minimumChecks());
    }

    /** The Node project: failsafe runs in the module directory, an IDE may start anywhere below the root. */
    public static Path nodeProject() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(NODE_PROJECT);
            if (Files.isRegularFile(candidate.resolve("e2e.mjs"))) {
                return candidate;
            }
        }
        return fail("no " + NODE_PROJECT + "/e2e.mjs in " + start + " or any parent directory");
    }

    /** So that {@code mvn verify} works from a clean clone: install the pinned client from package-lock.json. */
    public static synchronized void ensureNodeModules(Path nodeDir) throws Exception {
        if (Files.isDirectory(nodeDir.resolve("node_modules/@modelcontextprotocol/sdk"))
                && Files.isDirectory(nodeDir.resolve("node_modules/playwright-core"))) {
            return;
        }
        ProcessBuilder npm = new ProcessBuilder(command("ENORI_E2E_NPM", "npm"), "ci", "--no-audit", "--no-fund")
                .directory(nodeDir.toFile())
                .redirectErrorStream(true);
        Run run = run(npm, NPM_TIMEOUT, line -> System.out.println("[npm] " + line));
        assertThat(run.exitCode()).as("'npm ci' in %s failed:%n%s", nodeDir, String.join("\n", run.stdout())).isZero();
    }

    private static String command(String override, String fallback) {
        return System.getenv().getOrDefault(override, fallback);
    }

    /** A finished process: its exit code and its stdout lines. */
    protected record Run(int exitCode, List<String> stdout) {
    }

    /**
     * Starts the process, collects stdout lines (echoing each through {@code echo}), echoes stderr (unless merged)
     * to the test log, and kills the process tree if it outlives {@code timeout}.
     */
    protected static Run run(ProcessBuilder builder, Duration timeout, Consumer<String> echo) throws Exception {
        String command = String.join(" ", builder.command());
        Process process = builder.start();
        process.getOutputStream().close();
        List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        Thread out = pump(process.getInputStream(), line -> {
            stdout.add(line);
            echo.accept(line);
        });
        Thread err = builder.redirectErrorStream() ? null
                : pump(process.getErrorStream(), line -> System.err.println("[stderr] " + line));
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("'" + command + "' did not finish within " + timeout.toSeconds() + " s");
        }
        out.join(TimeUnit.SECONDS.toMillis(10));
        if (err != null) {
            err.join(TimeUnit.SECONDS.toMillis(10));
        }
        synchronized (stdout) {
            return new Run(process.exitValue(), List.copyOf(stdout));
        }
    }

    private static Thread pump(InputStream stream, Consumer<String> sink) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                sink.accept("(output stream failed: " + e + ")");
            }
        }, "e2e-output-pump");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
