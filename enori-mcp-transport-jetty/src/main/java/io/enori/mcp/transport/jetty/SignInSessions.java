package io.enori.mcp.transport.jetty;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived server-side browser sessions of the sign-in flow, keyed by an HttpOnly SameSite=Lax cookie. A session
 * holds the authorization requests in progress ("flows"), each with its own CSRF token, and the user once signed in.
 * Nothing here outlives {@link #TTL}; the store is in memory (a sign-in is finished within minutes, on one node).
 */
final class SignInSessions {
    static final String COOKIE = "enori_signin";
    static final Duration TTL = Duration.ofMinutes(10);
    private static final int MAX_SESSIONS = 10_000;
    private static final int MAX_FLOWS_PER_SESSION = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInSessions(Clock clock) {
        this.clock = clock;
    }

    /** A browser's session; {@code user} is set once its password was verified. */
    static final class Session {
        final String id;
        final Instant expires;
        final Map<String, Flow> flows = new ConcurrentHashMap<>();
        volatile SignedIn user;

        Session(String id, Instant expires) {
            this.id = id;
            this.expires = expires;
        }
    }

    /** Who signed in: the user id, their email, and the account the grant will be for. */
    record SignedIn(String userId, String email, String accountId, String accountName) {
    }

    /** One authorization request in progress, with the CSRF token its forms carry. */
    record Flow(Object request, String clientName, String redirectHost, String csrf) {
    }

    /** The live session named by the cookie value, or null. */
    Session find(String cookieValue) {
        if (cookieValue == null) {
            return null;
        }
        Session session = sessions.get(cookieValue);
        if (session == null) {
            return null;
        }
        if (!clock.instant().isBefore(session.expires)) {
            sessions.remove(cookieValue);
            return null;
        }
        return session;
    }

    Session create() {
        if (sessions.size() >= MAX_SESSIONS) {
            Instant now = clock.instant();
            sessions.values().removeIf(s -> !now.isBefore(s.expires));
        }
        String id = random();
        Session session = new Session(id, clock.instant().plus(TTL));
        sessions.put(id, session);
        return session;
    }

    /** Adds a flow to the session and returns its id. */
    String addFlow(Session session, Object request, String clientName, String redirectHost) {
        if (session.flows.size() >= MAX_FLOWS_PER_SESSION) {
            session.flows.clear();
        }
        String flowId = random();
        session.flows.put(flowId, new Flow(request, clientName, redirectHost, random()));
        return flowId;
    }

    /** A new session id for the same flows (after a sign-in, so a cookie planted before it is worth nothing). */
    Session rotate(Session old) {
        sessions.remove(old.id);
        Session fresh = create();
        fresh.flows.putAll(old.flows);
        return fresh;
    }

    /** Ends a session (after a decision, so a code is issued once per sign-in). */
    void end(Session session) {
        sessions.remove(session.id);
    }

    static boolean sameToken(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
