package io.enori.mcp.core.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.enori.mcp.api.AlertChannel;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.StatusPage;
import io.enori.mcp.api.ToolOutcome;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.tool.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the host prepares for the incident story ({@code incident-story.mjs}) in account "story": an all-scopes key,
 * a webhook channel whose receiver this class runs, a website monitor on a closed port that alerts after 2
 * failures on that channel, and a status page showing it. Channels and status pages are created through the core's
 * Java API, as a host would, because the MCP tools only read them.
 */
public final class IncidentStory implements AutoCloseable {
    public static final String ACCOUNT = "story";

    private final HttpServer receiver;
    private final List<Map<?, ?>> posts = new CopyOnWriteArrayList<>();
    private String key;
    private String monitorId;
    private String channelId;
    private String statusPageId;

    private IncidentStory() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/story", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                posts.add(Json.mapper().readValue(new String(body.readAllBytes(), StandardCharsets.UTF_8), Map.class));
            } catch (IOException e) {
                posts.add(Map.of("unreadable", e.toString()));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    /** Starts the webhook receiver; then {@link #prepare} the account on the server's database. */
    public static IncidentStory start() throws IOException {
        return new IncidentStory();
    }

    /** Creates the story's key, channel, monitor and status page through {@code core}. */
    public IncidentStory prepare(EnoriMcp core) throws IOException {
        key = core.apiKeys().create(ACCOUNT, EnumSet.allOf(Scope.class), "e2e incident story").plaintext();
        Caller caller = core.apiKeys().authenticate(key);
        URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/story");
        String accountId = caller.accountId();
        AlertChannel channel = core.alertChannels().create(accountId, AlertChannel.Type.WEBHOOK, "ops webhook",
                hook.toString(), null);
        channelId = channel.id();
        ToolOutcome created = core.call("create_monitor", caller, Map.of("type", "website", "name", "Checkout API",
                "url", "http://127.0.0.1:" + closedPort() + "/health", "alertAfterFailures", 2,
                "intervalSeconds", 86400, "timeoutMs", 2000, "channelIds", List.of(channelId)));
        assertThat(created).as("create_monitor for the story").isInstanceOf(ToolOutcome.Ok.class);
        Map<?, ?> output = Json.mapper().convertValue(((ToolOutcome.Ok) created).content(), Map.class);
        monitorId = (String) ((Map<?, ?>) output.get("monitor")).get("id");
        StatusPage page = core.statusPages().create(accountId, "Shop status",
                List.of(new StatusPage.Component("Checkout", monitorId)));
        statusPageId = page.id();
        return this;
    }

    /** The environment {@code incident-story.mjs} reads. */
    public Map<String, String> env() {
        return Map.of("ENORI_E2E_KEY_STORY", key, "ENORI_E2E_STORY_MONITOR", monitorId,
                "ENORI_E2E_STORY_CHANNEL", channelId, "ENORI_E2E_STORY_PAGE", statusPageId);
    }

    /** The webhook bodies received so far. */
    public List<Map<?, ?>> posts() {
        return List.copyOf(posts);
    }

    @Override
    public void close() {
        receiver.stop(0);
    }

    /** A port nothing listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
