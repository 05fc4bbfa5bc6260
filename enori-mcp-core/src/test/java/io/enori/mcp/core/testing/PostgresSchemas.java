package io.enori.mcp.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.enori.mcp.core.store.Databases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fresh PostgreSQL schemas for ITs that need several cores on one real database. Runs only when
 * {@value #URL_VARIABLE} names a database (e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}):
 * {@link #freshUrl()} skips the test otherwise, and fails it when the variable is set but the server unreachable.
 * {@link #close()} drops the schemas it made.
 */
public final class PostgresSchemas implements AutoCloseable {
    public static final String URL_VARIABLE = "ENORI_TEST_POSTGRES_URL";

    private final List<String> schemas = new ArrayList<>();

    /** A URL whose connections default to a new, empty schema of this instance. */
    public String freshUrl() {
        String url = System.getenv(URL_VARIABLE);
        assumeTrue(url != null && !url.isBlank(), URL_VARIABLE + " is not set; PostgreSQL test skipped");
        String schema = "enori_t_" + UUID.randomUUID().toString().replace("-", "");
        try {
            execute(url, "CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(URL_VARIABLE + " is set but PostgreSQL is unreachable: " + e.getMessage(),
                    e);
        }
        schemas.add(schema);
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void close() {
        String url = System.getenv(URL_VARIABLE);
        for (String schema : schemas) {
            try {
                execute(url, "DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                // Left behind; the next run does not depend on it.
            }
        }
        schemas.clear();
    }

    /** The schema name is generated above, never taken from input, so it can be part of the DDL. */
    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = Databases.dataSource(url).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
