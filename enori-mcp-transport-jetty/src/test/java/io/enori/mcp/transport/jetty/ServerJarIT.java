package io.enori.mcp.transport.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone jar as a person runs it: first-start key, one log line with URLs, keys command, SIGTERM. */
class ServerJarIT {
    private static final Path JAR = Path.of("target", "enori-mcp-server.jar");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process start(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
    }

    private String read(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    @Test
    void startsOnTheGivenPortPrintsOneKeyServesMcpAndStopsGracefullyOnSigterm() throws Exception {
        assertThat(JAR).as("run mvn package first").exists();
        int port = freePort();
        String db = "jdbc:h2:file:" + dir.resolve("enori");
        Process server = start("--port", Integer.toString(port), "--db", db);
        String firstKey;
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> unauthenticated = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (unauthenticated == null && System.nanoTime() < deadline) {
                try {
                    unauthenticated = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(unauthenticated).as("server answered within 30 s; stderr: %s", read("err.txt")).isNotNull();
            assertThat(unauthenticated.statusCode()).isEqualTo(401);

            Matcher key = Pattern.compile("enr_[0-9A-Za-z]{40}").matcher(read("out.txt"));
            assertThat(key.find()).as("first start prints a key: %s", read("out.txt")).isTrue();
            firstKey = key.group();
            assertThat(key.find()).as("exactly one key").isFalse();
            assertThat(read("err.txt")).contains("serving http://127.0.0.1:" + port + "/mcp")
                    .contains("http://127.0.0.1:" + port + "/mcp/sse");

            server.destroy(); // SIGTERM
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
            assertThat(read("err.txt")).contains("stopping: draining in-flight calls");
        } finally {
            server.destroyForcibly();
        }

        // The keys command of the same jar sees the one first-start key, stored without its secret.
        Process keys = start("--db", db, "keys", "list");
        assertThat(keys.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keys.exitValue()).isZero();
        String listing = read("out.txt");
        assertThat(listing.lines().filter(l -> l.contains(" default ")).count()).as(listing).isEqualTo(1);
        assertThat(listing).contains("active").doesNotContain(firstKey);
    }
}
