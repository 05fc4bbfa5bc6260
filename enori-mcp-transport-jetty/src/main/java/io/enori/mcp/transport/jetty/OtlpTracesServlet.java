package io.enori.mcp.transport.jetty;

import io.enori.mcp.api.Caller;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.traces.TraceIngest;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipException;

/**
 * {@code POST /v1/traces}: the OTLP/HTTP trace receiver, JSON encoding only. Authenticates the {@code X-Api-Key},
 * reads the body within the transport's size cap (also after gzip), and hands caller and bytes to
 * {@link TraceIngest}; the answer is the OTLP partial-success JSON, or an error body carrying both the OTLP
 * {@code Status} fields ({@code code}, {@code message}) and Enori's {@code error}.
 */
final class OtlpTracesServlet extends HttpServlet {
    static final String PATH = "/v1/traces";
    private static final int GRPC_INVALID_ARGUMENT = 3;
    private static final int GRPC_UNAUTHENTICATED = 16;
    private static final int GRPC_PERMISSION_DENIED = 7;

    private final EnoriMcp core;
    private final HttpSettings settings;

    OtlpTracesServlet(EnoriMcp core, HttpSettings settings) {
        this.core = core;
        this.settings = settings;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && !settings.originAllowed(origin)) {
            refuse(request, response, 403, GRPC_PERMISSION_DENIED, "Forbidden origin " + origin);
            return;
        }
        String key = request.getHeader("X-Api-Key");
        if (key == null || key.isBlank()) {
            refuse(request, response, 401, GRPC_UNAUTHENTICATED, "Authentication required: send an Enori API key "
                    + "with monitors:write in the X-Api-Key header (OTEL_EXPORTER_OTLP_HEADERS=X-Api-Key=...)");
            return;
        }
        Caller caller = core.apiKeys().authenticate(key);
        if (!caller.isAuthenticated()) {
            refuse(request, response, 401, GRPC_UNAUTHENTICATED, "Invalid API key: " + caller.authProblem());
            return;
        }
        String contentType = request.getContentType() == null ? ""
                : request.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!contentType.equals("application/json")) {
            refuse(request, response, 415, GRPC_INVALID_ARGUMENT, "Unsupported Content-Type '" + contentType
                    + "': this receiver accepts OTLP/HTTP JSON only (Content-Type: application/json); set the "
                    + "exporter's protocol to http/json (OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/json)");
            return;
        }
        String encoding = request.getHeader("Content-Encoding");
        boolean gzip = encoding != null && encoding.strip().equalsIgnoreCase("gzip");
        if (encoding != null && !gzip && !encoding.strip().equalsIgnoreCase("identity")) {
            refuse(request, response, 415, GRPC_INVALID_ARGUMENT, "Unsupported Content-Encoding '" + encoding
                    + "'; send gzip or no encoding");
            return;
        }
        byte[] body;
        try {
            body = RequestBodies.readCapped(request, settings.maxRequestBytes(), gzip);
        } catch (ZipException e) {
            write(response, 400, GRPC_INVALID_ARGUMENT, "The body is not valid gzip");
            return;
        }
        if (body == null) {
            response.setHeader("Connection", "close");
            write(response, 413, GRPC_INVALID_ARGUMENT, "Request body too large: at most "
                    + settings.maxRequestBytes() + " bytes; lower the exporter's batch size");
            return;
        }
        TraceIngest.Result result = core.traceIngest().ingestJson(caller, body);
        if (result instanceof TraceIngest.Result.Accepted accepted) {
            JsonResponses.write(response, 200, accepted.body());
        } else if (result instanceof TraceIngest.Result.Refused refused) {
            int code = refused.httpStatus() == 403 ? GRPC_PERMISSION_DENIED
                    : refused.httpStatus() == 401 ? GRPC_UNAUTHENTICATED : GRPC_INVALID_ARGUMENT;
            write(response, refused.httpStatus(), code, refused.message());
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, int code,
                               String message) throws IOException {
        if (request.getContentLengthLong() != 0) {
            // The body stays unread, so Jetty closes the connection; tell a pooling client up front.
            response.setHeader("Connection", "close");
        }
        write(response, status, code, message);
    }

    private static void write(HttpServletResponse response, int status, int code, String message)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("error", message);
        JsonResponses.write(response, status, body);
    }

}
