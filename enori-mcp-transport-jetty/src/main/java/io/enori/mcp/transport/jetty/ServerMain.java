package io.enori.mcp.transport.jetty;

import io.enori.mcp.api.Scope;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.admin.AdminKey;
import io.enori.mcp.core.auth.ApiKeys;
import io.enori.mcp.core.cli.KeysCommand;
import io.enori.mcp.core.cli.UsersCommand;
import io.enori.mcp.core.store.Databases;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar enori-mcp-server.jar}: the standalone HTTP server, and {@code … keys create|list|revoke}.
 */
public final class ServerMain {
    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.getenv(), System.out, System.err, true));
    }

    /**
     * @param block whether to serve until the JVM is told to stop (false in tests: start, report, return)
     */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean block)
            throws Exception {
        ServerConfig config;
        try {
            config = ServerConfig.resolve(args, env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (config.rest().size() == 1 && (config.rest().get(0).equals("--help") || config.rest().get(0).equals("help"))) {
            out.println(ServerConfig.USAGE + "\n" + KeysCommand.usage("enori-mcp-server.jar")
                    + "\n" + UsersCommand.usage("enori-mcp-server.jar"));
            return 0;
        }
        if (!config.rest().isEmpty() && config.rest().get(0).equals("keys")) {
            return KeysCommand.run(config.rest().subList(1, config.rest().size()).toArray(String[]::new),
                    config.dbUrl(), out, err);
        }
        if (!config.rest().isEmpty() && config.rest().get(0).equals("users")) {
            return UsersCommand.run(config.rest().subList(1, config.rest().size()).toArray(String[]::new),
                    config.dbUrl(), System.in, out, err);
        }
        if (!config.rest().isEmpty()) {
            err.println("Unknown command '" + config.rest().get(0) + "'.\n" + ServerConfig.USAGE);
            return 2;
        }
        Databases.settleH2AfterCrash(config.dbUrl());
        EnoriMcp core = EnoriMcp.builder().jdbcUrl(config.dbUrl())
                .rateLimits(config.apiKeyCallsPerMinute(), Math.max(100, config.apiKeyCallsPerMinute()))
                .publicBaseUrl(config.publicBaseUrl())
                .toolsets(config.toolsets())
                .adminTools(adminToolsOffered(config, env, err))
                .cluster(config.cluster())
                .dbPool(config.dbPoolSize(), Databases.DEFAULT_STATEMENT_TIMEOUT)
                .build();
        printFirstKeyIfEmpty(core, out);
        EnoriHttpServer server = EnoriHttpServer.start(core, config.http());
        core.start();
        if (!block) {
            server.stop();
            core.close();
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: draining in-flight calls");
            try {
                server.stop();
                core.close();
            } catch (Exception e) {
                LOG.warn("unclean stop", e);
            }
            stopped.countDown();
        }, "enori-shutdown"));
        stopped.await();
        return 0;
    }

    /** First start on an empty database: one account and one all-scopes key, shown once. */
    /**
     * The internal admin tools over HTTP are off unless switched on (--admin-tools), and even then offered only when
     * ENORI_ADMIN_KEY matches the configured admin key, as on stdio. Every HTTP caller with an API key sees them, so
     * this is for internal deployments only.
     */
    static boolean adminToolsOffered(ServerConfig config, Map<String, String> env, PrintStream err) {
        if (!config.adminTools()) {
            return false;
        }
        boolean matches = AdminKey.matchesConfigured(env.get("ENORI_ADMIN_KEY"), env.get("ENORI_ADMIN_KEY_HASH"),
                config.dbUrl());
        if (!matches) {
            err.println("--admin-tools: ENORI_ADMIN_KEY does not match the configured admin key; admin tools are off");
        }
        return matches;
    }

    static void printFirstKeyIfEmpty(EnoriMcp core, PrintStream out) {
        if (!core.apiKeys().list().isEmpty()) {
            return;
        }
        ApiKeys.IssuedKey key = core.apiKeys().create("default", EnumSet.allOf(Scope.class), "first start");
        out.println("Created account 'default' with an all-scopes API key (shown once, only its hash is stored):");
        out.println();
        out.println("    " + key.plaintext());
        out.println();
        out.println("Send it as the X-Api-Key header. More keys: java -jar enori-mcp-server.jar keys create --account NAME --scopes …");
        out.flush();
    }
}
