/**
 * The built-in storage: {@link io.enori.mcp.core.store.JdbiStorage}, one JDBI implementation of the storage SPI
 * for embedded H2 and PostgreSQL alike, with the schema migrated by versioned scripts under
 * {@code db/migration} at start; and {@link io.enori.mcp.core.store.Databases}, data sources for the JDBC URLs
 * supported out of the box. The per-aggregate stores are package-private: callers see only the SPI.
 */
package io.enori.mcp.core.store;
