package io.enori.mcp.core.checks;

import io.enori.mcp.core.testing.PostgresSchemas;
import org.junit.jupiter.api.AfterEach;

/**
 * The run claims contract on PostgreSQL, each test in a schema of its own; skipped unless
 * {@value PostgresSchemas#URL_VARIABLE} names a database.
 */
class PostgresRunClaimsIT extends RunClaimsContract {
    private final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    protected String freshUrl() {
        return schemas.freshUrl();
    }

    @AfterEach
    void dropSchemas() {
        closePools();
        schemas.close();
    }
}
