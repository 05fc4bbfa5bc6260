package io.enori.mcp.transport.jetty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.EnoriMcpException;
import io.enori.mcp.api.JobPing;
import io.enori.mcp.core.monitors.JobHeartbeats;
import io.enori.mcp.core.monitors.JobReport;
import io.enori.mcp.core.ratelimit.RateLimits;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Job heartbeats over HTTP: {@code POST|GET /ping/{token}} (success), {@code /ping/{token}/start},
 * {@code /ping/{token}/fail}. Outside the MCP gateway: the token in the path is the credential, so a cron job
 * needs nothing but curl. Reads the optional JSON body (capped), rate-limits per token and hands the rest to
 * {@link JobHeartbeats#receive}. The limiter comes from {@link io.enori.mcp.core.EnoriMcp#newRateLimiter}: in
 * cluster mode one count in PostgreSQL for all nodes, so a load balancer spreading a token's pings does not
 * multiply its limit.
 */
final class PingServlet extends HttpServlet {
    static final String PATH = "/ping";
    /** A heartbeat says little: a 1000-character message and 50 metrics fit in a few KiB. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** Per token and minute: room for a sharded run's many pings, not for a flood. */
    static final int PINGS_PER_MINUTE = 300;

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final transient JobHeartbeats heartbeats;
    private final transient RateLimits limiter;
    private final int maxBodyBytes;

    /** @param limiter counts per token; built for {@link #PINGS_PER_MINUTE} */
    PingServlet(JobHeartbeats heartbeats, int maxRequestBytes, RateLimits limiter) {
        this.heartbeats = heartbeats;
        this.limiter = limiter;
        this.maxBodyBytes = Math.min(maxRequestBytes, MAX_BODY_BYTES);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        handle(request, response, true);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, boolean withBody)
            throws IOException {
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().substring(1).split("/", -1);
        JobPing.Kind kind = parts.length == 1 ? JobPing.Kind.SUCCESS
                : parts.length == 2 && parts[1].equals("start") ? JobPing.Kind.START
                : parts.length == 2 && parts[1].equals("fail") ? JobPing.Kind.FAIL : null;
        if (kind == null || !TOKEN.matcher(parts[0]).matches()) {
            notFound(response, withBody);
            return;
        }
        String token = parts[0];
        RateLimits.Decision decision;
        try {
            decision = limiter.tryAcquire(Caller.apiKey("heartbeat", principal(token), Set.of()));
        } catch (EnoriMcpException e) {
            // Cluster mode counts in PostgreSQL: an outage there is a 503 to retry, as on the MCP gateway.
            closeIfUnread(response, withBody);
            response.setHeader("Retry-After", "1");
            JsonResponses.error(response, 503, "Rate limit unavailable, try again shortly", "retryAfterSeconds", 1);
            return;
        }
        if (decision instanceof RateLimits.Decision.Rejected rejected) {
            closeIfUnread(response, withBody);
            response.setHeader("Retry-After", Long.toString(rejected.retryAfterSeconds()));
            JsonResponses.error(response, 429, "Rate limit exceeded", "retryAfterSeconds",
                    rejected.retryAfterSeconds(), "limit", rejected.limit(), "remaining", 0);
            return;
        }
        JobReport report = JobReport.EMPTY;
        if (withBody) {
            byte[] body = RequestBodies.readCapped(request, maxBodyBytes);
            if (body == null) {
                response.setHeader("Connection", "close");
                JsonResponses.error(response, 413, "Request body too large", "limitBytes", maxBodyBytes);
                return;
            }
            try {
                report = report(body);
            } catch (JobReport.Invalid e) {
                JsonResponses.error(response, 400, "Invalid heartbeat: " + e.getMessage(), "field", e.field());
                return;
            }
        }
        Optional<JobHeartbeats.Received> received = heartbeats.receive(token, kind, report);
        if (received.isEmpty()) {
            notFound(response, false);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("monitorId", received.get().ping().monitorId());
        body.put("kind", kind.wireName());
        body.put("status", received.get().monitorStatus());
        JsonResponses.write(response, 200, body);
    }

    /**
     * The token is a credential, and in cluster mode the count sits in a table the admin tools list
     * (admin_rate_limits): count under a digest of it instead.
     */
    static String principal(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "ping:" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** An empty body is a plain heartbeat; anything else must be a JSON object of the known fields. */
    private static JobReport report(byte[] body) {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return JobReport.EMPTY;
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw invalidBody();
        }
        if (node == null || !node.isObject()) {
            throw invalidBody();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = MAPPER.convertValue(node, Map.class);
        return JobReport.fromJson(fields);
    }

    private static JobReport.Invalid invalidBody() {
        return JobReport.fromJsonProblem("body", "must be a JSON object such as {\"runId\": \"r1\", \"metrics\": "
                + "{\"rows\": 1200}}, or empty");
    }

    private static void notFound(HttpServletResponse response, boolean bodyUnread) throws IOException {
        closeIfUnread(response, bodyUnread);
        JsonResponses.error(response, 404, "Unknown heartbeat URL; copy it from get_monitor of the job monitor");
    }

    private static void closeIfUnread(HttpServletResponse response, boolean bodyUnread) {
        if (bodyUnread) {
            // A body we never read keeps the connection from being reused; tell a pooling client so.
            response.setHeader("Connection", "close");
        }
    }

}
