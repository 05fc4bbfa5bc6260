package io.enori.mcp.core.monitors;

import io.enori.mcp.api.Monitor;
import io.enori.mcp.api.MonitorTarget;
import io.enori.mcp.core.tool.CoreContext;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The unguessable token in a job monitor's heartbeat URL. A job monitor gets one when it is created, or when it
 * is first shown if it predates tokens. Kept in plain text: it only lets its holder report this monitor's
 * heartbeats, and users need to read the URL again to configure their jobs.
 */
final class HeartbeatTokens {
    /** 32 random bytes: 256 bits, 43 URL-safe characters. */
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private HeartbeatTokens() {
    }

    /** The monitor's heartbeat URL (its last segment is the token), or {@code null} for other monitor types. */
    static String of(CoreContext context, Monitor monitor) {
        if (!(monitor.target() instanceof MonitorTarget.Job)) {
            return null;
        }
        String token = context.storage().jobPings().ensureToken(monitor.accountId(), monitor.id(), newToken(),
                context.clock().instant());
        return context.publicBaseUrl() + "/ping/" + token;
    }

    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
