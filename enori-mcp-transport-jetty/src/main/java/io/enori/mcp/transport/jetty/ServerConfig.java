package io.enori.mcp.transport.jetty;

import io.enori.mcp.core.Toolsets;
import io.enori.mcp.core.store.Databases;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The standalone server's settings from flags, {@code ENORI_*} environment variables and a properties file, in
 * that order of precedence. Each setting has one name per source: flag {@code --allowed-origins}, variable
 * {@code ENORI_ALLOWED_ORIGINS}, property {@code allowed-origins}.
 *
 * @param rest the arguments left after the flags (e.g. {@code keys create …})
 */
record ServerConfig(HttpSettings http, String dbUrl, int apiKeyCallsPerMinute, String publicBaseUrl, Toolsets toolsets,
                    boolean adminTools, boolean cluster, int dbPoolSize, List<String> rest) {

    static final String USAGE = String.join("\n",
            "Usage: java -jar enori-mcp-server.jar [options]           serve MCP over HTTP",
            "       java -jar enori-mcp-server.jar [--db URL] keys create|list|revoke …",
            "Options (flag / env / property; flags win over env, env over the properties file):",
            "  --port N                 ENORI_PORT              port             default 8080",
            "  --host ADDR              ENORI_HOST              host             default 127.0.0.1",
            "  --db JDBC_URL            ENORI_DB_URL            db               default H2 file ~/.enori/enori",
            "  --stateless              ENORI_STATELESS=true    stateless        no server-side sessions (default with --cluster)",
            "  --cluster                ENORI_CLUSTER=true      cluster          one of several nodes on one PostgreSQL --db",
            "  --db-pool-size N         ENORI_DB_POOL_SIZE      db-pool-size     PostgreSQL connections, default 10",
            "  --allowed-origins A,B    ENORI_ALLOWED_ORIGINS   allowed-origins  browser origins allowed",
            "  --rate-limit N           ENORI_RATE_LIMIT        rate-limit       tool calls/min per key, default 60",
            "  --public-base-url URL    ENORI_PUBLIC_BASE_URL   public-base-url  base of share links",
            "  --toolsets G,G[,read-only] ENORI_TOOLSETS        toolsets         offer only these tool groups",
            "  --admin-tools            ENORI_ADMIN_TOOLS=true  admin-tools      internal admin tools, if ENORI_ADMIN_KEY matches",
            "  --config FILE            ENORI_CONFIG                             properties file (default ./enori.properties)");

    private static final List<String> SETTINGS = List.of("port", "host", "db", "stateless", "allowed-origins",
            "rate-limit", "public-base-url", "toolsets", "admin-tools", "cluster", "db-pool-size", "config");

    static ServerConfig resolve(String[] args, Map<String, String> env) {
        Map<String, String> flags = new java.util.HashMap<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!rest.isEmpty() || !arg.startsWith("--") || arg.equals("--help")) {
                rest.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!SETTINGS.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + "\n" + USAGE);
            }
            if (value == null) {
                if (name.equals("stateless") || name.equals("admin-tools") || name.equals("cluster")) {
                    value = "true";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value\n" + USAGE);
                }
            }
            flags.put(name, value);
        }
        Properties file = load(flags.getOrDefault("config", env.get("ENORI_CONFIG")));
        Lookup lookup = name -> {
            if (flags.containsKey(name)) {
                return flags.get(name);
            }
            String fromEnv = env.get("ENORI_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            if (fromEnv != null && !fromEnv.isBlank()) {
                return fromEnv;
            }
            if (name.equals("db") && env.get("ENORI_DB_URL") != null) {
                return env.get("ENORI_DB_URL");
            }
            return file.getProperty(name);
        };
        boolean cluster = Boolean.parseBoolean(lookup.get("cluster"));
        // A cluster node must serve any request the load balancer sends it, so sessions are off unless asked for.
        boolean stateless = lookup.get("stateless") == null ? cluster : Boolean.parseBoolean(lookup.get("stateless"));
        HttpSettings http = HttpSettings.defaults()
                .withPort(integer(lookup, "port", 8080, 0, 65535))
                .withHost(lookup.get("host") == null ? "127.0.0.1" : lookup.get("host"))
                .withStateless(stateless)
                .withAllowedOrigins(list(lookup.get("allowed-origins")));
        String db = lookup.get("db") == null ? Databases.defaultH2Url() : lookup.get("db");
        if (cluster && !db.trim().startsWith(Databases.POSTGRES_PREFIX)) {
            throw new IllegalArgumentException("--cluster needs a PostgreSQL database shared by every node: --db "
                    + Databases.POSTGRES_PREFIX + "//host:5432/enori?user=…");
        }
        // A wildcard bind address is no place to send people; --public-base-url names the real one.
        String linkHost = http.host().equals("0.0.0.0") || http.host().equals("::") ? "127.0.0.1" : http.host();
        String publicBase = lookup.get("public-base-url") == null ? "http://" + linkHost + ":" + http.port()
                : lookup.get("public-base-url");
        return new ServerConfig(http, db, integer(lookup, "rate-limit", 60, 1, 1_000_000), publicBase,
                Toolsets.parse(lookup.get("toolsets")), Boolean.parseBoolean(lookup.get("admin-tools")), cluster,
                integer(lookup, "db-pool-size", Databases.DEFAULT_POOL_SIZE, 1, 1000), List.copyOf(rest));
    }

    private interface Lookup {
        String get(String name);
    }

    private static int integer(Lookup lookup, String name, int dflt, int min, int max) {
        String text = lookup.get(name);
        if (text == null) {
            return dflt;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number " + min + "-" + max + " (got '" + text + "')");
        }
    }

    private static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Properties load(String configPath) {
        Properties properties = new Properties();
        Path path = Path.of(configPath == null ? "enori.properties" : configPath);
        if (!Files.exists(path)) {
            if (configPath != null) {
                throw new IllegalArgumentException("config file " + path + " does not exist");
            }
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + path + ": " + e.getMessage());
        }
        for (String name : properties.stringPropertyNames()) {
            if (!SETTINGS.contains(name) || name.equals("config")) {
                throw new IllegalArgumentException("Unknown setting '" + name + "' in " + path + "\n" + USAGE);
            }
        }
        return properties;
    }
}
