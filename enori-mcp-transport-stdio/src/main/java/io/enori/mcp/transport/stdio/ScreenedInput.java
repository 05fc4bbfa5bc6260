package io.enori.mcp.transport.stdio;

import io.enori.mcp.core.JsonRpcScreen;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's stdin as the SDK's stdio transport gets to read it: only lines {@link JsonRpcScreen} accepts. The
 * SDK ends the whole session at the first line it cannot deserialize (and at an over-long one), so one bad message
 * from a client would silently stop every later answer. Here a refused line is answered on stdout with its JSON-RPC
 * error and skipped; blank lines are skipped; a line over the cap is read through and dropped without being held in
 * memory.
 *
 * <p>Runs on the SDK's single inbound thread. Answers are written under the lock the SDK's writer takes on the same
 * stream ({@code synchronized (outputStream)}), so an error line never interleaves with a response.
 */
final class ScreenedInput extends InputStream {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenedInput.class);

    private final InputStream in;
    private final OutputStream protocolOut;
    private final int maxLineBytes;
    private final Runnable onEnd;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private byte[] pending = new byte[0];
    private int position;
    private boolean ended;
    private boolean endReported;

    /**
     * @param onEnd run once the reader has had the last line and asks for more (closing stdin is how an MCP client
     *              ends a stdio session)
     */
    ScreenedInput(InputStream in, OutputStream protocolOut, int maxLineBytes, Runnable onEnd) {
        this.in = new BufferedInputStream(in, 64 * 1024);
        this.protocolOut = protocolOut;
        this.maxLineBytes = maxLineBytes;
        this.onEnd = onEnd;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return pending[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, pending.length - position);
        System.arraycopy(pending, position, buffer, offset, count);
        position += count;
        return count;
    }

    @Override
    public int available() {
        return pending.length - position;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Makes sure an accepted line (with its newline) is pending; false at the end of the client's input. */
    private boolean fill() throws IOException {
        while (position >= pending.length) {
            if (ended) {
                if (!endReported) {
                    // Only now has the SDK read every line, so stopping the server cannot cut off the last one.
                    endReported = true;
                    onEnd.run();
                }
                return false;
            }
            byte[] next = nextLine();
            if (next == null) {
                continue; // blank or over-long line, already dealt with
            }
            JsonRpcScreen.Verdict verdict = JsonRpcScreen.screen(next);
            if (verdict instanceof JsonRpcScreen.Verdict.Refused refused) {
                LOG.warn("refused a stdio message ({}): {}", refused.reason(), JsonRpcScreen.preview(next));
                answer(refused.response());
                continue;
            }
            pending = new byte[next.length + 1];
            System.arraycopy(next, 0, pending, 0, next.length);
            pending[next.length] = '\n';
            position = 0;
        }
        return true;
    }

    /**
     * The next line without its terminator; null for a blank line or one over the cap (answered here), and null
     * with {@code ended} set at the end of input.
     */
    private byte[] nextLine() throws IOException {
        line.reset();
        boolean tooLong = false;
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (tooLong) {
                continue;
            }
            if (line.size() >= maxLineBytes) {
                tooLong = true;
                line.reset();
                continue;
            }
            line.write(b);
        }
        if (b == -1) {
            ended = true;
        }
        if (tooLong) {
            LOG.warn("refused a stdio message over {} bytes", maxLineBytes);
            answer(JsonRpcScreen.tooLong(maxLineBytes).response());
            return null;
        }
        byte[] bytes = line.toByteArray();
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        if (new String(bytes, 0, end, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        return end == bytes.length ? bytes : Arrays.copyOf(bytes, end);
    }

    private void answer(String response) throws IOException {
        byte[] bytes = (response + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (protocolOut) {
            protocolOut.write(bytes);
            protocolOut.flush();
        }
    }
}
