package io.enori.mcp.transport.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.enori.mcp.api.Scope;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.e2e.ClientScenarioContract;
import io.enori.mcp.core.admin.AdminKey;
import io.enori.mcp.core.auth.ApiKeys;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The internal flavor through the TypeScript MCP client over stdio ({@code enori-mcp-core/src/test/node/admin.mjs}):
 * without ENORI_ADMIN_KEY no admin tool exists; with it, CRUD round trips of every manage_* tool, the manage_slos
 * vs create_slo message, db_validate, admin_server_stats counting the calls, and the audit log.
 */
class StdioAdminIT {
    @TempDir
    Path dir;

    @Test
    void adminToolsOverStdioThroughTheTypeScriptClient() throws Exception {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path module = Files.isDirectory(base.resolve("enori-mcp-transport-stdio")) ? base.resolve("enori-mcp-transport-stdio") : base;
        Path jar = module.resolve("target/enori-mcp-stdio.jar");
        if (!Files.isRegularFile(jar)) {
            fail("Server jar not found at " + jar + "; run 'mvn verify'");
        }
        Path node = ClientScenarioContract.nodeProject();
        ClientScenarioContract.ensureNodeModules(node);

        String url = "jdbc:h2:file:" + dir.resolve("admin").toAbsolutePath() + ";AUTO_SERVER=FALSE;DB_CLOSE_DELAY=-1";
        ApiKeys.IssuedKey key;
        try (EnoriMcp core = EnoriMcp.builder().jdbcUrl(url).build()) {
            key = core.apiKeys().create("admin-e2e", EnumSet.allOf(Scope.class), "ops");
            Object created = ((io.enori.mcp.api.ToolOutcome.Ok) core.call("create_monitor",
                    core.apiKeys().authenticate(key.plaintext()), java.util.Map.of("type", "website", "name", "Api",
                            "url", "https://api.example.com"))).content();
            String monitorId = (String) ((java.util.Map<?, ?>) io.enori.mcp.core.tool.Json.toMap(created).get("monitor"))
                    .get("id");
            try (Connection c = DriverManager.getConnection(io.enori.mcp.core.store.Databases.durableH2(url)); java.sql.PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO incidents (id, account_id, monitor_id, status, cause, started_at, updated_at, "
                            + "active_monitor_id) VALUES ('inc_E2E', ?, ?, 'OPEN', 'HTTP 503', CURRENT_TIMESTAMP, "
                            + "CURRENT_TIMESTAMP, ?)")) {
                ps.setString(1, key.account().id());
                ps.setString(2, monitorId);
                ps.setString(3, monitorId);
                ps.executeUpdate();
            }
        }
        try (Connection c = DriverManager.getConnection(io.enori.mcp.core.store.Databases.durableH2(url)); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        String adminKey = "adm_" + java.util.UUID.randomUUID();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        ProcessBuilder pb = new ProcessBuilder("node", "admin.mjs").directory(node.toFile()).redirectErrorStream(true);
        pb.environment().put("ENORI_E2E_JAR", jar.toString());
        pb.environment().put("ENORI_E2E_JAVA", java);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("ENORI_E2E_DB_URL", url);
        pb.environment().put("ENORI_E2E_API_KEY", key.plaintext());
        pb.environment().put("ENORI_E2E_ACCOUNT_ID", key.account().id());
        pb.environment().put("ENORI_E2E_ADMIN_KEY", adminKey);
        pb.environment().put("ENORI_E2E_ADMIN_KEY_HASH", AdminKey.hash(adminKey));
        Process p = pb.start();
        p.getOutputStream().close();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                System.out.println("[admin.mjs] " + line);
                lines.add(line);
            }
        }
        if (!p.waitFor(200, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("admin.mjs timed out");
        }
        String failures = String.join("\n", lines.stream().filter(l -> l.startsWith("FAIL")).toList());
        assertThat(p.exitValue()).as("admin.mjs failed:%n%s", failures).isZero();
        assertThat(lines.get(lines.size() - 1)).matches("\\d+ passed, 0 failed");
    }
}
