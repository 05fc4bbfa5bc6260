package io.enori.mcp.transport.jetty;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Reads request bodies under a size cap, the one way every endpoint of this transport does it. */
final class RequestBodies {
    private RequestBodies() {
    }

    /** The body, or {@code null} when it is (or declares to be) larger than {@code maxBytes}. */
    static byte[] readCapped(HttpServletRequest request, int maxBytes) throws IOException {
        return readCapped(request, maxBytes, false);
    }

    /**
     * The body, gunzipped when {@code gzip}, or {@code null} when it is larger than {@code maxBytes} — after
     * decompression too, so a small gzip bomb is refused like a large body.
     */
    static byte[] readCapped(HttpServletRequest request, int maxBytes, boolean gzip) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            return null;
        }
        InputStream raw = request.getInputStream();
        try (InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            return bytes.length > maxBytes ? null : bytes;
        }
    }
}
