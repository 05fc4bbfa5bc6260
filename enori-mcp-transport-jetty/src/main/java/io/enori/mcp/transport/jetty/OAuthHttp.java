package io.enori.mcp.transport.jetty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.enori.mcp.api.Account;
import io.enori.mcp.api.spi.AccountStore;
import io.enori.mcp.api.spi.Authenticator;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.oauth.AuthorizationRequest;
import io.enori.mcp.core.oauth.ClientRegistration;
import io.enori.mcp.core.oauth.OAuthError;
import io.enori.mcp.core.oauth.OAuthServer;
import io.enori.mcp.core.oauth.Users;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The HTTP face of the OAuth authorization server in the core: the RFC 9728 and RFC 8414 metadata documents,
 * dynamic client registration, the token endpoint, and the sign-in and consent pages of the authorization endpoint.
 * It only adapts HTTP to {@link OAuthServer}: every OAuth rule (PKCE, redirect URI matching, rotation) lives there.
 */
final class OAuthHttp {
    static final String PROTECTED_RESOURCE_PATH = "/.well-known/oauth-protected-resource";
    static final String AUTHORIZATION_SERVER_PATH = "/.well-known/oauth-authorization-server";
    static final String AUTHORIZE_PATH = "/oauth/authorize";
    static final String TOKEN_PATH = "/oauth/token";
    static final String REGISTER_PATH = "/oauth/register";
    static final int MAX_FORM_BYTES = 64 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OAuthHttp() {
    }

    /** Mounts the metadata documents and the three OAuth endpoints. */
    static void mount(ServletContextHandler context, EnoriMcp core, Authenticator authenticator) {
        OAuthServer oauth = core.oauth();
        context.addServlet(new ServletHolder(new ProtectedResourceServlet(oauth)), PROTECTED_RESOURCE_PATH);
        context.addServlet(new ServletHolder(new ProtectedResourceServlet(oauth)),
                PROTECTED_RESOURCE_PATH + HttpSettings.MCP_PATH);
        context.addServlet(new ServletHolder(new AuthorizationServerServlet(oauth)), AUTHORIZATION_SERVER_PATH);
        context.addServlet(new ServletHolder(new RegisterServlet(oauth)), REGISTER_PATH);
        context.addServlet(new ServletHolder(new TokenServlet(oauth)), TOKEN_PATH);
        context.addServlet(new ServletHolder(new AuthorizeServlet(oauth, new SignInSessions(Clock.systemUTC()),
                core.storage().accounts(), authenticator)),
                AUTHORIZE_PATH);
    }

    /**
     * This server's base URL as clients must use it: the core's issuer (the public base URL). Tokens are issued for
     * {@code issuer + "/mcp"} only, so every URL we publish is derived from it, never from a request's Host header.
     */
    static String baseUrl(OAuthServer oauth) {
        return oauth.settings().issuer();
    }

    /** The resource metadata URL that a 401 from {@code /mcp} names. */
    static String resourceMetadataUrl(OAuthServer oauth) {
        return baseUrl(oauth) + PROTECTED_RESOURCE_PATH + HttpSettings.MCP_PATH;
    }

    /** JSON any browser page may read (metadata and token answers carry no cookies and no ambient authority). */
    static void json(HttpServletResponse response, int status, Object body) throws IOException {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        JsonResponses.write(response, status, MAPPER.convertValue(body, Map.class));
    }

    static void oauthError(HttpServletResponse response, OAuthError error) throws IOException {
        json(response, error.httpStatus(), error.asMap());
    }

    /** CORS preflight for the JSON endpoints browser-based clients call. */
    static void preflight(HttpServletResponse response, String methods) {
        response.setStatus(204);
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Allow-Methods", methods);
        response.setHeader("Access-Control-Allow-Headers", "Content-Type, Authorization, MCP-Protocol-Version");
        response.setHeader("Access-Control-Max-Age", "600");
    }

    /** Reads an application/x-www-form-urlencoded body ourselves (capped), so no parameter comes from the query. */
    static Map<String, String> form(HttpServletRequest request) throws IOException {
        byte[] body = RequestBodies.readCapped(request, MAX_FORM_BYTES);
        if (body == null) {
            return null;
        }
        return parsePairs(new String(body, StandardCharsets.US_ASCII));
    }

    static Map<String, String> query(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? new LinkedHashMap<>() : parsePairs(query);
    }

    /** Pairs of a query or form; a repeated name is kept as its first value plus a marker the core refuses. */
    static Map<String, String> parsePairs(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (pairs.putIfAbsent(name, value) != null) {
                // RFC 6749 §3.1: parameters must not be included more than once.
                pairs.put(name, null);
            }
        }
        return pairs;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** RFC 9728 protected resource metadata for {@code /mcp}. */
    static final class ProtectedResourceServlet extends HttpServlet {
        private final transient OAuthServer oauth;

        ProtectedResourceServlet(OAuthServer oauth) {
            this.oauth = oauth;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("resource", oauth.resource());
            body.put("authorization_servers", List.of(baseUrl(oauth)));
            body.put("bearer_methods_supported", List.of("header"));
            body.put("scopes_supported", oauth.metadata().scopesSupported());
            body.put("resource_name", "Enori MCP");
            json(response, 200, body);
        }

        @Override
        protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
            preflight(response, "GET, OPTIONS");
        }
    }

    /** RFC 8414 authorization server metadata, as the core states it. */
    static final class AuthorizationServerServlet extends HttpServlet {
        private final transient OAuthServer oauth;

        AuthorizationServerServlet(OAuthServer oauth) {
            this.oauth = oauth;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            json(response, 200, oauth.metadata().asMap());
        }

        @Override
        protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
            preflight(response, "GET, OPTIONS");
        }
    }

    /** RFC 7591 dynamic client registration: a JSON body in, 201 with the client or 400 with an OAuth error out. */
    static final class RegisterServlet extends HttpServlet {
        private final transient OAuthServer oauth;

        RegisterServlet(OAuthServer oauth) {
            this.oauth = oauth;
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] body = RequestBodies.readCapped(request, MAX_FORM_BYTES);
            if (body == null) {
                json(response, 413, Map.of("error", "invalid_client_metadata",
                        "error_description", "Registration body too large"));
                return;
            }
            Map<String, Object> metadata;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> parsed = MAPPER.readValue(body, Map.class);
                metadata = parsed;
            } catch (IOException | RuntimeException e) {
                json(response, 400, Map.of("error", "invalid_client_metadata",
                        "error_description", "The body must be a JSON object of client metadata"));
                return;
            }
            try {
                json(response, 201, oauth.register(ClientRegistration.fromJson(metadata)).asMap());
            } catch (OAuthError e) {
                oauthError(response, e);
            }
        }

        @Override
        protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
            preflight(response, "POST, OPTIONS");
        }
    }

    /** The token endpoint: a form in, tokens or an OAuth error as JSON out, never cached. */
    static final class TokenServlet extends HttpServlet {
        private final transient OAuthServer oauth;

        TokenServlet(OAuthServer oauth) {
            this.oauth = oauth;
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String type = request.getContentType();
            if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
                json(response, 400, Map.of("error", "invalid_request",
                        "error_description", "The token request must be application/x-www-form-urlencoded"));
                return;
            }
            if (request.getQueryString() != null) {
                json(response, 400, Map.of("error", "invalid_request",
                        "error_description", "Token request parameters belong in the body, not the URL"));
                return;
            }
            Map<String, String> form = form(request);
            if (form == null) {
                json(response, 400, Map.of("error", "invalid_request", "error_description", "Body too large"));
                return;
            }
            addBasicCredentials(request, form);
            try {
                json(response, 200, oauth.exchange(form).asMap());
            } catch (OAuthError e) {
                if (e.httpStatus() == 401) {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"enori\"");
                }
                oauthError(response, e);
            }
        }

        @Override
        protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
            preflight(response, "POST, OPTIONS");
        }

        /** client_secret_basic: the client's id and secret from an Authorization: Basic header. */
        private static void addBasicCredentials(HttpServletRequest request, Map<String, String> form) {
            String header = request.getHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return;
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    form.putIfAbsent("client_id", decode(decoded.substring(0, colon)));
                    form.put("client_secret", decode(decoded.substring(colon + 1)));
                }
            } catch (IllegalArgumentException ignored) {
                // Not Base64: the core then sees no secret and refuses the client.
            }
        }
    }

    /**
     * The authorization endpoint. GET validates the request in the core; until the client and its redirect URI are
     * validated every problem is an HTML page, never a redirect. Then our sign-in page (or the session's user), the
     * consent page, and on a decision a redirect to the exact registered redirect URI with the code (or
     * {@code access_denied}) and the state. Forms carry a per-flow CSRF token bound to a short-lived HttpOnly,
     * SameSite=Lax session cookie.
     */
    static final class AuthorizeServlet extends HttpServlet {
        private final transient OAuthServer oauth;
        private final transient SignInSessions sessions;
        private final transient AccountStore accounts;
        private final transient Authenticator authenticator;

        AuthorizeServlet(OAuthServer oauth, SignInSessions sessions, AccountStore accounts,
                         Authenticator authenticator) {
            this.oauth = oauth;
            this.sessions = sessions;
            this.accounts = accounts;
            this.authenticator = authenticator;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            AuthorizationRequest authorization;
            try {
                authorization = oauth.validateAuthorization(query(request));
            } catch (OAuthError e) {
                if (e.redirectTo().isPresent()) {
                    // The client and its redirect URI are verified: the client hears about the problem.
                    redirect(response, e.redirectTo().get().toString());
                } else {
                    OAuthPages.error(response, 400, "This sign-in link is not valid",
                            e.description() == null ? e.error() : e.description());
                }
                return;
            }
            SignInSessions.Session session = sessions.find(cookie(request));
            if (session == null) {
                session = sessions.create();
                setCookie(request, response, session.id);
            }
            String flowId = sessions.addFlow(session, authorization, authorization.client().displayName(),
                    host(authorization.redirectUri()));
            SignInSessions.Flow flow = session.flows.get(flowId);
            SignInSessions.SignedIn user = session.user;
            if (user == null && authenticator != null) {
                // The host's own login decides who is signed in; our sign-in page only when it has no login page.
                var hostUser = authenticator.currentUser(hostRequest(request));
                if (hostUser.isPresent()) {
                    var signedIn = hostUser.get();
                    user = new SignInSessions.SignedIn(signedIn.userId(),
                            signedIn.displayName() == null ? signedIn.userId() : signedIn.displayName(),
                            signedIn.accountId(), accountName(signedIn.accountId()));
                    session.user = user;
                } else {
                    String returnTo = baseUrl(oauth) + AUTHORIZE_PATH + "?" + request.getQueryString();
                    var login = authenticator.loginRedirect(returnTo);
                    if (login.isPresent()) {
                        redirect(response, login.get().toString());
                        return;
                    }
                }
            }
            if (user == null) {
                OAuthPages.signIn(response, 200, flowId, flow.csrf(), flow.clientName(), null, null);
            } else {
                OAuthPages.consent(response, flowId, flow.csrf(), flow.clientName(), flow.redirectHost(), user.email(),
                        user.accountName());
            }
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Map<String, String> form = form(request);
            SignInSessions.Session session = sessions.find(cookie(request));
            SignInSessions.Flow flow = session == null || form == null || form.get("flow") == null ? null
                    : session.flows.get(form.get("flow"));
            if (flow == null || !SignInSessions.sameToken(flow.csrf(), form.get("csrf"))) {
                OAuthPages.error(response, 403, "This form has expired",
                        "The sign-in form was not sent from this browser's current sign-in, or it is too old.");
                return;
            }
            String flowId = form.get("flow");
            AuthorizationRequest authorization = (AuthorizationRequest) flow.request();
            if ("sign-in".equals(form.get("step"))) {
                signIn(request, response, session, flowId, flow, form);
            } else if ("consent".equals(form.get("step")) && session.user != null) {
                SignInSessions.SignedIn user = session.user;
                // One decision per sign-in: the session (and its CSRF tokens) ends here.
                sessions.end(session);
                clearCookie(request, response);
                if ("approve".equals(form.get("decision"))) {
                    String code = oauth.issueCode(authorization, user.accountId(), user.userId());
                    redirect(response, authorization.approvedRedirect(code).toString());
                } else {
                    redirect(response, authorization.errorRedirect(
                            OAuthError.accessDenied("The user denied access")).toString());
                }
            } else {
                OAuthPages.error(response, 400, "This form has expired", "Sign in first, then approve or deny.");
            }
        }

        private void signIn(HttpServletRequest request, HttpServletResponse response, SignInSessions.Session session,
                            String flowId, SignInSessions.Flow flow, Map<String, String> form) throws IOException {
            String email = form.getOrDefault("email", "");
            String password = form.getOrDefault("password", "");
            String address = request.getRemoteAddr();
            var blocked = oauth.signInThrottle().blockedFor(email, address);
            if (blocked.isPresent()) {
                long minutes = Math.max(1, (blocked.get().getSeconds() + 59) / 60);
                response.setHeader("Retry-After", Long.toString(blocked.get().getSeconds() + 1));
                OAuthPages.signIn(response, 429, flowId, flow.csrf(), flow.clientName(), email,
                        "Too many failed sign-ins. Try again in " + minutes + (minutes == 1 ? " minute." : " minutes."));
                return;
            }
            var verified = email == null || password == null ? java.util.Optional.<Users.User>empty()
                    : oauth.users().verify(email.strip(), password.toCharArray());
            if (verified.isEmpty()) {
                oauth.signInThrottle().failed(email, address);
                OAuthPages.signIn(response, 401, flowId, flow.csrf(), flow.clientName(), email,
                        "The email or password is wrong.");
                return;
            }
            oauth.signInThrottle().succeeded(email);
            var user = verified.get();
            String accountName = accountName(user.accountId());
            session = sessions.rotate(session);
            setCookie(request, response, session.id);
            session.user = new SignInSessions.SignedIn(user.id(), user.email(), user.accountId(), accountName);
            OAuthPages.consent(response, flowId, flow.csrf(), flow.clientName(), flow.redirectHost(), user.email(),
                    accountName);
        }

        private String accountName(String accountId) {
            return accounts.find(accountId).map(Account::name).orElse(accountId);
        }

        private static Authenticator.Request hostRequest(HttpServletRequest request) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String name : java.util.Collections.list(request.getHeaderNames())) {
                headers.put(name.toLowerCase(java.util.Locale.ROOT), java.util.Collections.list(request.getHeaders(name)));
            }
            Map<String, String> cookies = new LinkedHashMap<>();
            if (request.getCookies() != null) {
                for (Cookie cookie : request.getCookies()) {
                    cookies.putIfAbsent(cookie.getName(), cookie.getValue());
                }
            }
            return new Authenticator.Request(headers, cookies, request.getRemoteAddr());
        }

        private static void redirect(HttpServletResponse response, String target) {
            response.setStatus(303);
            response.setHeader("Location", target);
            response.setHeader("Cache-Control", "no-store");
        }

        private static String host(String redirectUri) {
            try {
                URI uri = URI.create(redirectUri);
                return uri.getHost() == null ? redirectUri : uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            } catch (IllegalArgumentException e) {
                return redirectUri;
            }
        }

        private static String cookie(HttpServletRequest request) {
            Cookie[] cookies = request.getCookies();
            if (cookies == null) {
                return null;
            }
            for (Cookie cookie : cookies) {
                if (SignInSessions.COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
            return null;
        }

        private static void clearCookie(HttpServletRequest request, HttpServletResponse response) {
            response.addHeader("Set-Cookie", SignInSessions.COOKIE + "=; Path=/oauth; Max-Age=0; HttpOnly; SameSite=Lax"
                    + (request.isSecure() ? "; Secure" : ""));
        }

        private static void setCookie(HttpServletRequest request, HttpServletResponse response, String value) {
            response.addHeader("Set-Cookie", SignInSessions.COOKIE + "=" + value + "; Path=/oauth; Max-Age="
                    + SignInSessions.TTL.toSeconds() + "; HttpOnly; SameSite=Lax"
                    + (request.isSecure() ? "; Secure" : ""));
        }
    }
}
