package io.enori.mcp.core.checks;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/** Turns what went wrong into the words a person reads on an incident: never a class name or a stack trace. */
final class Reasons {

    // JDK messages embed prefixes such as "sun.security.validator.ValidatorException: "; people should not see them.
    private static final Pattern CLASS_NAME =
            Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");

    private static final int MAX_CAUSES = 16;

    private Reasons() {
    }

    static String timedOut(long timeoutMs) {
        return "timed out after " + timeoutMs + " ms";
    }

    static String unknownHost(String host) {
        return "unknown host " + host;
    }

    /** Whole milliseconds since {@code startNanos}, for {@code responseTimeMs}. */
    static int elapsedMs(long startNanos) {
        return (int) Math.min(Integer.MAX_VALUE, Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
    }

    /** Milliseconds for APIs that take an {@code int} and read 0 as "wait forever". */
    static int positiveMillis(long millis) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }

    /** Words for a failure while connecting to or talking with {@code host}. */
    static String describe(Throwable failure, String host, long timeoutMs) {
        if (find(failure, UnknownHostException.class) != null
                || find(failure, UnresolvedAddressException.class) != null) {
            return unknownHost(host);
        }
        if (find(failure, HttpTimeoutException.class) != null || find(failure, SocketTimeoutException.class) != null
                || find(failure, TimeoutException.class) != null) {
            return timedOut(timeoutMs);
        }
        SSLException tls = find(failure, SSLException.class);
        if (tls != null) {
            return "TLS handshake failed: " + deepestMessage(tls, "no reason given");
        }
        if (find(failure, NoRouteToHostException.class) != null) {
            return "no route to host";
        }
        ConnectException connect = find(failure, ConnectException.class);
        if (connect != null) {
            String message = deepestMessage(connect, "connection failed");
            return message.contains("refused") ? "connection refused" : message;
        }
        return deepestMessage(failure, "connection failed");
    }

    /** The innermost readable message in the cause chain, cleaned of class names, or {@code fallback}. */
    static String deepestMessage(Throwable failure, String fallback) {
        String found = null;
        for (Throwable t : chain(failure)) {
            String cleaned = clean(t.getMessage());
            if (cleaned != null) {
                found = cleaned;
            }
        }
        return found == null ? fallback : found;
    }

    /** {@code message} without class names, starting lower case as a clause; {@code null} when nothing is left. */
    static String clean(String message) {
        if (message == null) {
            return null;
        }
        String stripped = CLASS_NAME.matcher(message).replaceAll("").strip();
        if (stripped.isEmpty()) {
            return null;
        }
        boolean acronym = stripped.length() > 1 && Character.isUpperCase(stripped.charAt(1));
        return acronym ? stripped : stripped.substring(0, 1).toLowerCase(Locale.ROOT) + stripped.substring(1);
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t : chain(failure)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    // Bounded because a hand-built cause chain can loop, and a reason is not worth hanging a check for.
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < MAX_CAUSES && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
