package io.enori.mcp.transport.stdio;

import io.enori.mcp.api.Caller;
import io.enori.mcp.core.CallerResolver;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.JsonRpcScreen;
import io.enori.mcp.core.Toolsets;
import io.enori.mcp.core.admin.AdminKey;
import io.enori.mcp.core.cli.KeysCommand;
import io.enori.mcp.core.cli.UsersCommand;
import io.enori.mcp.core.store.Databases;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;

/**
 * {@code java -jar enori-mcp-stdio.jar} serves MCP over stdio; {@code … keys create|list|revoke} manages keys.
 *
 * <p>The real stdout is taken for the protocol (or for the one line a key command prints) before anything
 * else runs, and {@code System.out} is pointed at stderr, so no stray print or log line can corrupt the stream.
 */
public final class StdioMain {
    static final String ENV_API_KEY = "ENORI_API_KEY";
    static final String ENV_DB_URL = "ENORI_DB_URL";
    static final String ENV_TOOLSETS = "ENORI_TOOLSETS";
    static final String ENV_RATE_LIMIT = "ENORI_RATE_LIMIT";
    static final String ENV_ADMIN_KEY = "ENORI_ADMIN_KEY";
    static final String ENV_ADMIN_KEY_HASH = "ENORI_ADMIN_KEY_HASH";
    static final String USAGE = String.join("\n",
            "Usage:",
            "  java -jar enori-mcp-stdio.jar                       serve MCP on stdio (key in ENORI_API_KEY)",
            KeysCommand.usage("enori-mcp-stdio.jar"),
            UsersCommand.usage("enori-mcp-stdio.jar"),
            "  java -jar enori-mcp-stdio.jar admin-key set          store the SHA-256 of ENORI_ADMIN_KEY (or of stdin)",
            "Admin tools: offered when ENORI_ADMIN_KEY matches the stored hash or ENORI_ADMIN_KEY_HASH",
            "Database: ENORI_DB_URL (default: an H2 file under ~/.enori)",
            "Tools: ENORI_TOOLSETS=monitors,incidents[,read-only] offers only those groups (default: all)",
            "Rate limit: ENORI_RATE_LIMIT=N tool calls per minute for the key (default 60, as on the HTTP server)");

    private StdioMain() {
    }

    public static void main(String[] args) {
        PrintStream protocolOut = System.out;
        System.setOut(System.err);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("enori.log.level", "info"));
        System.exit(run(args, System.getenv(), System.in, protocolOut, System.err));
    }

    static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        String dbUrl = env.getOrDefault(ENV_DB_URL, Databases.defaultH2Url());
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            out.println(USAGE);
            return 0;
        }
        if (args.length > 0 && args[0].equals("keys")) {
            return KeysCommand.run(Arrays.copyOfRange(args, 1, args.length), dbUrl, out, err);
        }
        if (args.length > 0 && args[0].equals("users")) {
            return UsersCommand.run(Arrays.copyOfRange(args, 1, args.length), dbUrl, in, out, err);
        }
        if (args.length == 2 && args[0].equals("admin-key") && args[1].equals("set")) {
            return setAdminKey(env, dbUrl, in, out, err);
        }
        if (args.length > 0) {
            err.println("Unknown command '" + args[0] + "'.\n" + USAGE);
            return 2;
        }
        Toolsets toolsets;
        try {
            toolsets = Toolsets.parse(env.get(ENV_TOOLSETS));
        } catch (IllegalArgumentException e) {
            err.println(ENV_TOOLSETS + ": " + e.getMessage());
            return 2;
        }
        int callsPerMinute;
        try {
            callsPerMinute = Integer.parseInt(env.getOrDefault(ENV_RATE_LIMIT, "60").strip());
            if (callsPerMinute < 1 || callsPerMinute > 1_000_000) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            err.println(ENV_RATE_LIMIT + " must be a whole number from 1 to 1000000 (got '" + env.get(ENV_RATE_LIMIT)
                    + "')");
            return 2;
        }
        return serve(env, dbUrl, toolsets, callsPerMinute, in, out);
    }

    private static int serve(Map<String, String> env, String dbUrl, Toolsets toolsets, int callsPerMinute,
                             InputStream in, PrintStream out) {
        Logger log = org.slf4j.LoggerFactory.getLogger(StdioMain.class);
        Databases.settleH2AfterCrash(dbUrl);
        boolean admin = adminKeyMatches(env, dbUrl);
        EnoriMcp enori = EnoriMcp.builder().jdbcUrl(dbUrl).toolsets(toolsets).adminTools(admin)
                .rateLimits(callsPerMinute, Math.max(100, callsPerMinute)).build();
        if (admin) {
            log.info("{} matched: admin tools offered", ENV_ADMIN_KEY);
        } else if (env.get(ENV_ADMIN_KEY) != null) {
            log.warn("{} does not match the configured admin key; admin tools are not offered", ENV_ADMIN_KEY);
        }
        // Decision (documented in README): a bad key does not stop the server. The client connects and every
        // tool call answers "Authentication failed: …", which the user sees in their chat, not in a log file.
        Caller caller = enori.apiKeys().authenticate(env.get(ENV_API_KEY));
        if (!caller.isAuthenticated()) {
            log.warn("{}: {}; every tool call will answer 'Authentication failed'", ENV_API_KEY, caller.authProblem());
        }
        // Over when the client closes stdin, or when the SDK ends the session for a reason of its own.
        CountDownLatch sessionOver = new CountDownLatch(1);
        McpSyncServer server = enori.serve(
                new SerialSendTransportProvider(new StdioServerTransportProvider(McpJsonDefaults.getMapper(),
                        new ScreenedInput(in, out, JsonRpcScreen.DEFAULT_MAX_MESSAGE_BYTES, sessionOver::countDown),
                        out), sessionOver::countDown),
                CallerResolver.fixed(caller));
        enori.start();
        log.info("Enori MCP {} serving on stdio (database {})", EnoriMcp.VERSION, dbUrl.replaceAll("(?i)password=[^&;]*", "password=***"));
        try {
            sessionOver.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.closeGracefully();
        enori.close();
        return 0;
    }

    /** True when ENORI_ADMIN_KEY hashes to ENORI_ADMIN_KEY_HASH or to the hash stored by {@code admin-key set}. */
    static boolean adminKeyMatches(Map<String, String> env, String dbUrl) {
        return AdminKey.matchesConfigured(env.get(ENV_ADMIN_KEY), env.get(ENV_ADMIN_KEY_HASH), dbUrl);
    }

    private static int setAdminKey(Map<String, String> env, String dbUrl, InputStream in, PrintStream out,
                                   PrintStream err) {
        String key = env.get(ENV_ADMIN_KEY);
        try {
            if (key == null || key.isBlank()) {
                key = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            }
            String plaintext = key;
            AdminKey.withJdbi(dbUrl, jdbi -> {
                AdminKey.store(jdbi, plaintext);
                return null;
            });
        } catch (IOException | IllegalArgumentException e) {
            err.println("admin-key set: " + e.getMessage());
            return 2;
        }
        out.println("Admin key stored (SHA-256 only).");
        return 0;
    }
}
