/**
 * Service provider interfaces: storage (one small interface per aggregate, bundled by {@link
 * io.enori.mcp.api.spi.Storage}) and check execution. The core ships JDBI storage and real checkers; a host
 * may register its own implementations on the builder.
 */
package io.enori.mcp.api.spi;
