package io.enori.mcp.transport.jetty;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;

/** What the endpoints do with a request body they refuse. */
final class RequestBodies {
    /** How much of an over-cap body is read and dropped before answering; beyond it the connection just closes. */
    static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private RequestBodies() {
    }

    /**
     * Reads and drops what is left of a refused body, up to {@link #DRAIN_LIMIT}. A client such as java.net.http
     * sends its whole body before it reads the answer; closing while it still uploads resets the connection and the
     * client never sees the 413 that says why.
     */
    static void drainRest(HttpServletRequest request) {
        byte[] buffer = new byte[64 * 1024];
        long left = DRAIN_LIMIT;
        try {
            InputStream in = request.getInputStream();
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the stream was taken as a reader: nothing left to be polite to.
        }
    }
}
