package io.enori.mcp.core.checks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A DNS responder over UDP on 127.0.0.1 with fixed answers: just enough of RFC 1035 to answer one question
 * per query, so DNS checks are tested without the network.
 */
final class FakeDnsServer implements AutoCloseable {

    static final int A = 1;
    static final int NS = 2;
    static final int CNAME = 5;
    static final int MX = 15;
    static final int TXT = 16;
    static final int AAAA = 28;

    private final DatagramSocket socket;
    private final Map<String, List<byte[]>> records = new HashMap<>();
    private final Set<String> knownNames = new HashSet<>();
    private final Set<String> silentNames = new HashSet<>();
    private final Thread responder;

    FakeDnsServer() throws IOException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        responder = new Thread(this::serve, "fake-dns");
        responder.setDaemon(true);
        responder.start();
    }

    /** The JNDI URL of this server. */
    String url() {
        return "dns://127.0.0.1:" + socket.getLocalPort();
    }

    synchronized FakeDnsServer a(String name, String address) throws IOException {
        return add(name, A, InetAddress.getByName(address).getAddress());
    }

    synchronized FakeDnsServer aaaa(String name, String address) throws IOException {
        return add(name, AAAA, InetAddress.getByName(address).getAddress());
    }

    synchronized FakeDnsServer txt(String name, String... strings) {
        ByteArrayOutputStream rdata = new ByteArrayOutputStream();
        for (String string : strings) {
            byte[] bytes = string.getBytes(StandardCharsets.US_ASCII);
            rdata.write(bytes.length);
            rdata.writeBytes(bytes);
        }
        return add(name, TXT, rdata.toByteArray());
    }

    synchronized FakeDnsServer mx(String name, int preference, String exchange) {
        ByteArrayOutputStream rdata = new ByteArrayOutputStream();
        rdata.write(preference >> 8);
        rdata.write(preference);
        rdata.writeBytes(encodeName(exchange));
        return add(name, MX, rdata.toByteArray());
    }

    synchronized FakeDnsServer cname(String name, String target) {
        return add(name, CNAME, encodeName(target));
    }

    /** Queries for {@code name} get no reply at all, as from a server that is down. */
    synchronized FakeDnsServer silent(String name) {
        silentNames.add(key(name));
        return this;
    }

    private FakeDnsServer add(String name, int type, byte[] rdata) {
        knownNames.add(key(name));
        records.computeIfAbsent(key(name) + "/" + type, k -> new ArrayList<>()).add(rdata);
        return this;
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket query = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(query);
                byte[] reply = answer(query.getData(), query.getLength());
                if (reply != null) {
                    socket.send(new DatagramPacket(reply, reply.length, query.getSocketAddress()));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private synchronized byte[] answer(byte[] query, int length) {
        StringBuilder name = new StringBuilder();
        int pos = 12;
        while (query[pos] != 0) {
            int label = query[pos] & 0xFF;
            name.append(name.length() == 0 ? "" : ".")
                    .append(new String(query, pos + 1, label, StandardCharsets.US_ASCII));
            pos += 1 + label;
        }
        int questionEnd = pos + 1 + 4;
        int type = ((query[pos + 1] & 0xFF) << 8) | (query[pos + 2] & 0xFF);
        String key = key(name.toString());
        if (silentNames.contains(key) || questionEnd > length) {
            return null;
        }
        List<byte[]> answers = records.getOrDefault(key + "/" + type, List.of());
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        reply.write(query, 0, 2);
        reply.write(0x81); // response, recursion desired
        reply.write(knownNames.contains(key) ? 0x80 : 0x83); // recursion available; NXDOMAIN for unknown names
        writeShort(reply, 1);
        writeShort(reply, answers.size());
        writeShort(reply, 0);
        writeShort(reply, 0);
        reply.write(query, 12, questionEnd - 12);
        for (byte[] rdata : answers) {
            writeShort(reply, 0xC00C); // pointer to the name in the question
            writeShort(reply, type);
            writeShort(reply, 1);
            reply.writeBytes(new byte[] {0, 0, 0, 60});
            writeShort(reply, rdata.length);
            reply.writeBytes(rdata);
        }
        return reply.toByteArray();
    }

    private static byte[] encodeName(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String label : name.split("\\.")) {
            out.write(label.length());
            out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(0);
        return out.toByteArray();
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }

    private static String key(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    @Override
    public void close() {
        // The responder thread ends when its blocked receive fails on the closed socket.
        socket.close();
    }
}
