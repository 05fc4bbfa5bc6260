package io.enori.mcp.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.enori.mcp.api.spi.Storage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The storage contract on PostgreSQL, each test in a schema of its own. Runs only when
 * {@value #URL_VARIABLE} names a database (e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres});
 * when it does, an unreachable server fails the tests instead of skipping them.
 */
class PostgresStorageIT extends StorageContract {

    static final String URL_VARIABLE = "ENORI_TEST_POSTGRES_URL";

    private final List<String> schemas = new ArrayList<>();
    private final List<DataSource> pools = new ArrayList<>();

    /** Assumes here rather than in a {@code @BeforeAll}, so reports count every test as skipped, not as none. */
    @Override
    protected Storage newStorage() {
        assumeTrue(configuredUrl() != null, URL_VARIABLE + " is not set; PostgreSQL contract skipped");
        DataSource pool = Databases.dataSource(newSchemaUrl());
        pools.add(pool);
        return JdbiStorage.create(pool);
    }

    @AfterEach
    void dropSchemas() throws SQLException {
        pools.forEach(Databases::close);
        for (String schema : schemas) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void urlParametersChooseTheUserAndTheSchema() throws SQLException {
        String url = newSchemaUrl();
        DataSource dataSource = Databases.dataSource(url);
        pools.add(dataSource);
        JdbiStorage.create(dataSource);

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_schema(), "
                     + "(SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                     + "AND table_name = 'monitors')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(schemas.get(schemas.size() - 1));
            assertThat(rs.getLong(2)).isEqualTo(1);
        }
    }

    @Test
    void pooledConnectionsCancelStatementsThatRunPastTheTimeout() {
        assumeTrue(configuredUrl() != null, URL_VARIABLE + " is not set; PostgreSQL contract skipped");
        DataSource pool = Databases.dataSource(newSchemaUrl(), 2, java.time.Duration.ofMillis(300));
        pools.add(pool);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_sleep(2)");
            }
        }).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
    }

    /** A URL whose connections default to a new, empty schema, dropped after the test. */
    private String newSchemaUrl() {
        String schema = "enori_t_" + UUID.randomUUID().toString().replace("-", "");
        try {
            execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(URL_VARIABLE + " is set but PostgreSQL is unreachable: " + e.getMessage(),
                    e);
        }
        schemas.add(schema);
        String url = configuredUrl();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The schema name is generated above, never taken from input, so it can be part of the DDL. */
    private static void execute(String sql) throws SQLException {
        try (Connection connection = java.sql.DriverManager.getConnection(configuredUrl());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Maven passes the variable through even when unset, as an empty value or an unresolved expression. */
    static String configuredUrl() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() || url.startsWith("${") ? null : url.trim();
    }
}
