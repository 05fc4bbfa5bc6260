package io.enori.mcp.core.store;

import io.enori.mcp.api.EnoriMcpException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings a database's schema up to date with the versioned scripts under {@code db/migration}. */
final class Migrations {

    static final String LOCATION = "classpath:db/migration";

    /**
     * Scripts only PostgreSQL runs (cluster support such as the shared rate limiter, in PL/pgSQL). Their versions
     * are never used in {@link #LOCATION}, so H2 simply has gaps in its history.
     */
    static final String POSTGRES_LOCATION = "classpath:db/postgresql";

    /**
     * Our own history table, so a host that embeds Enori MCP in a database it already migrates with Flyway
     * keeps its {@code flyway_schema_history} to itself.
     */
    static final String HISTORY_TABLE = "enori_schema_history";

    private Migrations() {
    }

    /** @return how many scripts were applied now (0 when the schema was already current) */
    static int migrate(DataSource dataSource) {
        try {
            return Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(isPostgres(dataSource) ? new String[] {LOCATION, POSTGRES_LOCATION}
                            : new String[] {LOCATION})
                    .table(HISTORY_TABLE)
                    // A repackaged jar that lost the scripts must fail here, not start on an empty schema.
                    .failOnMissingLocations(true)
                    // Lets a host point us at a schema that already holds its own tables; ours are then created
                    // beside them (a name clash fails the migration loudly).
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new EnoriMcpException("Could not migrate the database schema: " + e.getClass().getSimpleName(), e);
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            throw new EnoriMcpException("Could not connect to the database to migrate its schema", e);
        }
    }
}
