package io.enori.mcp.api;

/**
 * The MCP behaviour hints of a tool. Every tool sets all four: {@code destructive} only for deletes and
 * irreversible actions, never for creates.
 */
public record ToolAnnotations(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {

    /** A read that touches only our own data. */
    public static final ToolAnnotations READ = new ToolAnnotations(true, false, true, false);

    public ToolAnnotations {
        if (readOnly && destructive) {
            throw new IllegalArgumentException("a read-only tool cannot be destructive");
        }
    }

    /** A write that is safe to repeat with the same arguments (pause, resume, set). */
    public static ToolAnnotations idempotentWrite() {
        return new ToolAnnotations(false, false, true, false);
    }

    /** A write whose repetition has a new effect (create). */
    public static ToolAnnotations write() {
        return new ToolAnnotations(false, false, false, false);
    }

    /** The same hints, marked as reaching outside our own data (e.g. a live network check). */
    public ToolAnnotations reachingOut() {
        return new ToolAnnotations(readOnly, destructive, idempotent, true);
    }
}
