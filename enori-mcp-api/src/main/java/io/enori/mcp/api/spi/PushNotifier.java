package io.enori.mcp.api.spi;

import io.enori.mcp.api.LiveActivityPush;

/**
 * Pushes incident changes to iOS Live Activities (e.g. through APNs with the {@code liveactivity} push type).
 * The core calls it once per registered token for every timeline change after the token was registered, from its
 * own worker threads, and records each push and its outcome.
 */
@FunctionalInterface
public interface PushNotifier {
    /**
     * @throws Exception when the push was not accepted; recorded as a failed push (not retried)
     */
    void push(LiveActivityPush push) throws Exception;
}
