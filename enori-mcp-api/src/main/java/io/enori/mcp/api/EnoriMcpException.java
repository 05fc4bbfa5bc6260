package io.enori.mcp.api;

/**
 * The root of every infrastructure failure (storage down, migration failed). Tools surface these to clients
 * as a generic error result without stack traces or SQL; the core logs them once with context.
 */
public class EnoriMcpException extends RuntimeException {
    public EnoriMcpException(String message) {
        super(message);
    }

    public EnoriMcpException(String message, Throwable cause) {
        super(message, cause);
    }
}
