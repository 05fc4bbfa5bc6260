package io.enori.mcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the packaged stdio server through a real MCP client we did not write: the TypeScript SDK,
 * running the scenario in {@code src/test/node/e2e.mjs}. The scenario asserts every step itself and
 * ends with a line {@code "N passed, M failed"}; this test checks that line and the exit code.
 */
final class StdioEndToEndIT {

  private static final Duration E2E_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration KEY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration NPM_TIMEOUT = Duration.ofSeconds(300);
  private static final Pattern SUMMARY = Pattern.compile("(\\d+) passed, 0 failed");
  private static final int MIN_CHECKS = 25;

  @TempDir Path tempDir;

  @Test
  void typescriptSdkClientPassesTheWholeScenarioOverStdio() throws Exception {
    Path moduleDir = moduleDir();
    Path jar = moduleDir.resolve("target/enori-mcp-stdio.jar");
    if (!Files.isRegularFile(jar)) {
      fail("Server jar not found at " + jar + "; build it with 'mvn package' (or run 'mvn verify', which packages before failsafe runs *IT)");
    }
    Path nodeDir = moduleDir.resolve("src/test/node");
    ensureNodeModules(nodeDir);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String dbUrl = "jdbc:h2:file:" + tempDir.resolve("enori").toAbsolutePath();
    String rw = createKey(java, jar, dbUrl, "e2e", "monitors:read,monitors:write");
    String ro = createKey(java, jar, dbUrl, "e2e", "monitors:read");
    String other = createKey(java, jar, dbUrl, "other", "monitors:read,monitors:write");
    assertThat(List.of(rw, ro, other)).as("three distinct keys").doesNotHaveDuplicates();

    ProcessBuilder e2e = new ProcessBuilder(nodeCommand(), "e2e.mjs").directory(nodeDir.toFile()).redirectErrorStream(true);
    Map<String, String> env = e2e.environment();
    env.put("ENORI_E2E_TRANSPORT", "stdio");
    env.put("ENORI_E2E_JAR", jar.toAbsolutePath().toString());
    env.put("ENORI_E2E_JAVA", java);
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("ENORI_E2E_DB_URL", dbUrl);
    env.put("ENORI_E2E_KEY_RW", rw);
    env.put("ENORI_E2E_KEY_RO", ro);
    env.put("ENORI_E2E_KEY_OTHER", other);
    env.put("ENORI_E2E_TIMEOUT_MS", String.valueOf(E2E_TIMEOUT.minusSeconds(10).toMillis()));

    Run run = run(e2e, E2E_TIMEOUT, line -> System.out.println("[e2e] " + line));

    List<String> lines = run.stdout();
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    List<String> failures = lines.stream().filter(line -> line.startsWith("FAIL ")).toList();
    assertThat(run.exitCode()).as("e2e.mjs exit code; last line: %s; failed checks:%n%s", last, String.join("\n", failures)).isZero();
    Matcher summary = SUMMARY.matcher(last);
    assertThat(summary.matches()).as("last line of e2e.mjs is 'N passed, 0 failed' but was: %s", last).isTrue();
    assertThat(Integer.parseInt(summary.group(1))).as("number of passed checks").isGreaterThanOrEqualTo(MIN_CHECKS);
  }

  /** The module directory: failsafe runs in it and sets {@code basedir}; an IDE may start at the repository root. */
  private static Path moduleDir() {
    Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    Path nested = base.resolve("enori-mcp-transport-stdio");
    return Files.isDirectory(nested) ? nested : base;
  }

  /** So that {@code mvn verify} works from a clean clone: install the pinned client from package-lock.json. */
  private static void ensureNodeModules(Path nodeDir) throws Exception {
    if (Files.isDirectory(nodeDir.resolve("node_modules/@modelcontextprotocol/sdk"))) {
      return;
    }
    ProcessBuilder npm = new ProcessBuilder(npmCommand(), "ci", "--no-audit", "--no-fund")
        .directory(nodeDir.toFile())
        .redirectErrorStream(true);
    Run run = run(npm, NPM_TIMEOUT, line -> System.out.println("[npm] " + line));
    assertThat(run.exitCode()).as("'npm ci' in %s failed:%n%s", nodeDir, String.join("\n", run.stdout())).isZero();
  }

  /** Runs {@code java -jar <jar> keys create}, which prints only the new key on stdout. */
  private static String createKey(String java, Path jar, String dbUrl, String account, String scopes) throws Exception {
    ProcessBuilder keys = new ProcessBuilder(java, "-jar", jar.toString(), "keys", "create", "--account", account, "--scopes", scopes);
    keys.environment().put("ENORI_DB_URL", dbUrl);
    keys.environment().remove("ENORI_API_KEY");
    Run run = run(keys, KEY_TIMEOUT, line -> System.out.println("[keys] " + (line.length() > 8 ? line.substring(0, 8) + "…" : line)));
    List<String> out = run.stdout().stream().filter(line -> !line.isBlank()).toList();
    assertThat(run.exitCode()).as("'keys create --account %s --scopes %s' exit code", account, scopes).isZero();
    assertThat(out).as("'keys create' must print only the key on stdout (one line)").hasSize(1);
    String key = out.get(0).trim();
    assertThat(key).as("API key").doesNotContainAnyWhitespaces().hasSizeGreaterThanOrEqualTo(16);
    return key;
  }

  private static String nodeCommand() {
    return System.getenv().getOrDefault("ENORI_E2E_NODE", "node");
  }

  private static String npmCommand() {
    return System.getenv().getOrDefault("ENORI_E2E_NPM", "npm");
  }

  private record Run(int exitCode, List<String> stdout) {}

  /**
   * Starts the process, collects stdout lines (echoing each through {@code echo}), echoes stderr
   * (unless merged) to the test log, and kills the process tree if it outlives {@code timeout}.
   */
  private static Run run(ProcessBuilder builder, Duration timeout, Consumer<String> echo) throws Exception {
    String command = String.join(" ", builder.command());
    Process process = builder.start();
    process.getOutputStream().close();
    List<String> stdout = Collections.synchronizedList(new ArrayList<>());
    Thread out = pump(process.getInputStream(), line -> {
      stdout.add(line);
      echo.accept(line);
    });
    Thread err = builder.redirectErrorStream() ? null : pump(process.getErrorStream(), line -> System.err.println("[stderr] " + line));
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
