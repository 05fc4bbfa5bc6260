/**
 * Service provider interfaces: storage (one small interface per aggregate, bundled by {@link
 * io.enori.mcp.api.spi.Storage}), check execution, and the delivery hooks for alert email
 * ({@link io.enori.mcp.api.spi.EmailSender}) and Live Activity pushes ({@link io.enori.mcp.api.spi.PushNotifier}).
 * The core ships JDBI storage and real checkers; a host may register its own implementations on the builder.
 */
package io.enori.mcp.api.spi;
