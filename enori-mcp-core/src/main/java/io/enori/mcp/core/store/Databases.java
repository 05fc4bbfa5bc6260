package io.enori.mcp.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Data sources for the JDBC URLs Enori MCP supports out of the box: H2 ({@value #H2_PREFIX}) and PostgreSQL
 * ({@value #POSTGRES_PREFIX}).
 *
 * <p>H2 gets H2's own connection pool; PostgreSQL gets a HikariCP pool of {@link #DEFAULT_POOL_SIZE} connections
 * (or as configured) whose sessions run with a statement timeout, so a stuck query fails instead of holding a
 * connection forever. A pool opens connections on demand (none at start, so an unreachable server surfaces at
 * the first use) and closes them after a minute idle; close it with {@link #close(DataSource)}.
 */
public final class Databases {

    /** Prefix of H2 URLs, e.g. {@code jdbc:h2:mem:test} or {@code jdbc:h2:file:/var/lib/enori/enori}. */
    public static final String H2_PREFIX = "jdbc:h2:";

    /** Prefix of PostgreSQL URLs, e.g. {@code jdbc:postgresql://db:5432/enori?user=enori&currentSchema=enori}. */
    public static final String POSTGRES_PREFIX = "jdbc:postgresql:";

    private Databases() {
    }

    /**
     * A data source for {@code jdbcUrl}. PostgreSQL URLs may carry {@code user}, {@code password},
     * {@code currentSchema} and any other driver property as query parameters.
     *
     * @throws IllegalArgumentException when the URL is neither an H2 nor a PostgreSQL URL
     */
    public static DataSource dataSource(String jdbcUrl) {
        return dataSource(jdbcUrl, DEFAULT_POOL_SIZE, DEFAULT_STATEMENT_TIMEOUT);
    }

    /** Enough for the HTTP transport's worker threads to rarely wait; H2 serialises writes anyway. */
    private static final int H2_POOL_SIZE = 32;

    /** Connections of a PostgreSQL pool unless configured ({@code --db-pool-size}). */
    public static final int DEFAULT_POOL_SIZE = 10;

    /** How long one PostgreSQL statement may run before the server cancels it. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Like {@link #dataSource(String)} with the PostgreSQL pool's size and statement timeout; both are ignored
     * for H2, which keeps its own pool.
     *
     * @param poolSize         maximum connections of the PostgreSQL pool, at least 1
     * @param statementTimeout per-statement limit on PostgreSQL, positive
     */
    public static DataSource dataSource(String jdbcUrl, int poolSize, Duration statementTimeout) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("the database pool size must be >= 1");
        }
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("the statement timeout must be positive");
        }
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        String url = jdbcUrl.trim();
        if (url.startsWith(H2_PREFIX)) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(durableH2(url));
            // H2's own small pool: a reused session keeps its parsed statements, which the load harness
            // showed to be ~10 % of a call's CPU when every operation opened a fresh session.
            JdbcConnectionPool pool = JdbcConnectionPool.create(h2);
            pool.setMaxConnections(H2_POOL_SIZE);
            return pool;
        }
        if (url.startsWith(POSTGRES_PREFIX)) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            // setUrl parses the query string into the data source's properties (user, password, currentSchema).
            postgres.setUrl(url);
            HikariConfig config = new HikariConfig();
            config.setDataSource(postgres);
            config.setPoolName("enori-postgres");
            config.setMaximumPoolSize(poolSize);
            config.setMinimumIdle(0);
            config.setIdleTimeout(Duration.ofMinutes(1).toMillis());
            config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
            // No connection at construction: a down database is reported by the first use (the migration).
            config.setInitializationFailTimeout(-1);
            config.setConnectionInitSql("SET statement_timeout = " + statementTimeout.toMillis());
            return new HikariDataSource(config);
        }
        throw new IllegalArgumentException("Unsupported JDBC URL '" + redact(url) + "'; supported prefixes: "
                + H2_PREFIX + " (embedded H2) and " + POSTGRES_PREFIX + " (PostgreSQL)");
    }

    /**
     * For a launcher, before anything else opens the database: opens an H2 file database once and shuts it down
     * cleanly, so H2 finishes recovering from an earlier kill (finding its last chunk and writing a store header
     * that names it) before the process starts writing. Without this, a database killed twice in a row could come
     * back at an older state: chunks the first recovery declared free were reused while the header on disk still
     * led through them (seen in CrashSafetyIT). Does nothing for other URLs. Must not be called while this JVM has
     * the database open, as it closes it.
     */
    public static void settleH2AfterCrash(String jdbcUrl) {
        String url = jdbcUrl.trim();
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        if (!upper.startsWith("JDBC:H2:") || upper.startsWith("JDBC:H2:MEM:") || upper.startsWith("JDBC:H2:TCP:")
                || upper.startsWith("JDBC:H2:SSL:")) {
            return;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(durableH2(url));
        try (java.sql.Connection connection = h2.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (java.sql.SQLException e) {
            // The real open that follows reports a database that cannot be opened, with the launcher's message.
        }
    }

    /** Closes a pool made here (PostgreSQL's); other data sources are left alone. */
    public static void close(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            hikari.close();
        }
    }

    /**
     * The standalone default: an H2 file database at {@code ${user.home}/.enori/enori} (H2 adds {@code .mv.db}).
     * The database stays open until the JVM exits rather than being reopened per connection; each commit is
     * written through to the file ({@code WRITE_DELAY=0}) so a killed process loses no committed data.
     */
    public static String defaultH2Url() {
        Path file = Path.of(System.getProperty("user.home"), ".enori", "enori");
        return H2_PREFIX + "file:" + file + ";AUTO_SERVER=FALSE;DB_CLOSE_DELAY=-1;WRITE_DELAY=0";
    }

    /**
     * A file (or TCP) H2 URL with {@code WRITE_DELAY=0} unless the URL sets a write delay itself: H2's default
     * delays writing a commit to the file by up to 500 ms, so a {@code kill -9} lost acknowledged writes (found by
     * CrashSafetyIT with a plain {@code jdbc:h2:file:…} URL). In-memory databases are left as they are.
     */
    /**
     * The URL {@link #dataSource} really opens for an H2 URL: file databases get {@code WRITE_DELAY=0} (unless
     * set) and H2's {@code retry:} file system. Code that opens the same database with its own JDBC connection while
     * a core has it open must use this URL, since H2 tells databases apart by their URL's path.
     */
    public static String durableH2(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("JDBC:H2:MEM:")) {
            return url;
        }
        String durable = upper.contains(";WRITE_DELAY=") ? url : url + ";WRITE_DELAY=0";
        // A thread interrupted in the middle of a write (a stopping scheduler or alert sender interrupts its
        // workers) would close H2's FileChannel and break the database for everyone; H2's retry: file system
        // reopens the file and retries instead.
        String rest = durable.substring(H2_PREFIX.length());
        if (rest.regionMatches(true, 0, "file:", 0, 5)) {
            return H2_PREFIX + "retry:" + rest;
        }
        if (rest.startsWith("/") || rest.startsWith("~") || rest.startsWith(".")) {
            return H2_PREFIX + "retry:file:" + rest;
        }
        return durable;
    }

    /** Keeps a password in a URL out of error messages and logs. */
    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
