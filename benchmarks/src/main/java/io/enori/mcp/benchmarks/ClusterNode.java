package io.enori.mcp.benchmarks;

import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.transport.jetty.EnoriHttpServer;
import io.enori.mcp.transport.jetty.HttpSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One server process of {@link ClusterLoadHarness}, which starts it with {@code java -cp <its own classpath>}:
 * <ul>
 *   <li>{@code --mode cluster}: {@code EnoriMcp.builder().jdbcUrl(db).cluster(true)} (the rate limit counted in
 *       PostgreSQL) behind {@link EnoriHttpServer}, stateless, on {@code 127.0.0.1:0};</li>
 *   <li>{@code --mode local}: the same on the same database without cluster mode (the in-memory limiter);</li>
 *   <li>{@code --mode bare}: the SDK's stateless transport with one echo tool ({@link BareEcho}).</li>
 * </ul>
 * It prints {@code READY <mcp url>} on stdout and serves until its stdin closes, so it dies with the harness. The
 * check scheduler is not started ({@link EnoriMcp#start()} is not called): the seeded monitors point at hosts that
 * do not exist, and the run measures tool calls, not checks.
 */
public final class ClusterNode {
    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Map<String, String> flags = Flags.parse(args, "options: --mode cluster|local|bare --db JDBC_URL "
                + "--rate-limit CALLS_PER_MINUTE --pool N");
        Flags.rejectUnknown(flags, List.of("mode", "db", "rate-limit", "pool"));
        String mode = flags.getOrDefault("mode", "cluster");
        AutoCloseable running;
        String url;
        if (mode.equals("bare")) {
            BareEcho echo = BareEcho.start(true);
            running = echo;
            url = echo.url().toString();
        } else if (mode.equals("cluster") || mode.equals("local")) {
            int limit = Integer.parseInt(flags.getOrDefault("rate-limit", "1000000"));
            EnoriMcp core = EnoriMcp.builder()
                    .jdbcUrl(required(flags, "db"))
                    .rateLimits(limit, limit)
                    .cluster(mode.equals("cluster"))
                    .dbPool(Integer.parseInt(flags.getOrDefault("pool", "10")), Duration.ofSeconds(30))
                    .build();
            EnoriHttpServer server = EnoriHttpServer.start(core, HttpSettings.defaults().withPort(0).withStateless(true));
            running = () -> {
                server.stop();
                core.close();
            };
            url = server.mcpUrl().toString();
        } else {
            throw new IllegalArgumentException("--mode must be cluster, local or bare");
        }
        System.out.println("READY " + url);
        System.out.flush();
        while (System.in.read() != -1) {
            // Nothing is sent; end of input means the harness is done (or gone).
        }
        running.close();
        System.exit(0);
    }

    private static String required(Map<String, String> flags, String name) {
        String value = flags.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
