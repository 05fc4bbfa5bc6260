package io.enori.mcp.core.checks;

import java.time.Instant;

/** {@link RunClaims#local()}: a lone node, whose scheduler keeps its own monitors' runs apart. */
enum LocalRunClaims implements RunClaims {
    INSTANCE;

    @Override
    public boolean claim(String monitorId, Instant dueAt, int intervalSeconds, Instant runningUntil) {
        return true;
    }

    @Override
    public boolean shared() {
        return false;
    }
}
