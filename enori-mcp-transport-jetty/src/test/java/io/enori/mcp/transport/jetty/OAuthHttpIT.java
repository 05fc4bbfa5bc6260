package io.enori.mcp.transport.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enori.mcp.api.spi.Authenticator;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.oauth.Users;
import io.enori.mcp.transport.jetty.McpHttp.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP side of OAuth without a browser: metadata documents, the 401s of {@code /mcp}, the pages' CSRF and
 * redirect rules, and one whole sign-in with plain HTTP (the browser version is {@link OAuthBrowserIT}).
 */
class OAuthHttpIT {
    static final String ACCOUNT = "acme";
    static final String EMAIL = "ops@acme.example";
    static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HIDDEN = Pattern.compile("name=\"(flow|csrf)\" value=\"([^\"]*)\"");
    private static final String VERIFIER = "verifier-0123456789-0123456789-0123456789-0123456789";

    private EnoriMcp core;
    private EnoriHttpServer server;
    private String base;
    private Users.User user;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        core = EnoriMcp.builder().jdbcUrl(HttpTestSupport.freshH2Url()).publicBaseUrl(base).build();
        server = EnoriHttpServer.start(core, HttpSettings.defaults().withPort(port));
        user = createUser(core, ACCOUNT, EMAIL, PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        core.close();
    }

    static Users.User createUser(EnoriMcp core, String account, String email, String password) {
        return core.oauth().users().create(account, email, password.toCharArray());
    }

    /** The issuer (and so the token audience) names the port, so the port is chosen before the core is built. */
    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void protectedResourceMetadataNamesTheMcpUrlAndTheIssuer() throws Exception {
        for (String path : List.of("/.well-known/oauth-protected-resource",
                "/.well-known/oauth-protected-resource/mcp")) {
            HttpResponse<String> response = get(path, Map.of());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("resource").asText()).isEqualTo(base + "/mcp");
            assertThat(body.path("authorization_servers").get(0).asText()).isEqualTo(base);
            assertThat(body.path("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
            assertThat(body.path("scopes_supported").isArray()).as(body.toString()).isTrue();
        }
    }

    @Test
    void authorizationServerMetadataHasTheEndpointsAndS256Only() throws Exception {
        HttpResponse<String> response = get("/.well-known/oauth-authorization-server", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("issuer").asText()).isEqualTo(base);
        assertThat(body.path("authorization_endpoint").asText()).isEqualTo(base + "/oauth/authorize");
        assertThat(body.path("token_endpoint").asText()).isEqualTo(base + "/oauth/token");
        assertThat(body.path("registration_endpoint").asText()).isEqualTo(base + "/oauth/register");
        assertThat(body.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(body.path("response_types_supported").toString()).isEqualTo("[\"code\"]");
        assertThat(body.path("token_endpoint_auth_methods_supported").toString()).contains("\"none\"");
    }

    @Test
    void noCredentialsGet401NamingTheResourceMetadata() {
        Reply reply = McpHttp.to(server.mcpUrl(), null).initialize();
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).hasValue(
                "Bearer resource_metadata=\"" + base + "/.well-known/oauth-protected-resource/mcp\"");
    }

    @Test
    void tamperedBearerGets401InvalidToken() throws Exception {
        String token = signIn().path("access_token").asText();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        Reply reply = McpHttp.to(server.mcpUrl(), null).withHeader("Authorization", "Bearer " + tampered).initialize();
        assertThat(reply.status()).isEqualTo(401);
        String header = reply.header("WWW-Authenticate").orElse("");
        assertThat(header).startsWith("Bearer error=\"invalid_token\", error_description=\"")
                .contains("resource_metadata=\"" + base + "/.well-known/oauth-protected-resource/mcp\"");
        HttpTestSupport.assertNoLeaks(List.of(reply.body()));
    }

    @Test
    void theRealBearerCallsToolsAndAQueryStringTokenIsRefused() throws Exception {
        String token = signIn().path("access_token").asText();
        McpHttp bearer = McpHttp.to(server.mcpUrl(), null).withHeader("Authorization", "Bearer " + token);
        assertThat(bearer.initialize().status()).isEqualTo(200);
        Reply call = bearer.listMonitors();
        assertThat(call.status()).as(call.toString()).isEqualTo(200);
        assertThat(call.structured().path("count").asInt()).isZero();

        Reply inUrl = McpHttp.to(URI.create(server.mcpUrl() + "?access_token=" + token), null).initialize();
        assertThat(inUrl.status()).isEqualTo(400);
        assertThat(inUrl.header("WWW-Authenticate").orElse("")).contains("error=\"invalid_request\"");
    }

    @Test
    void postsWithoutTheRightCsrfTokenGetA403Page() throws Exception {
        String clientId = register("http://127.0.0.1:9/cb");
        HttpResponse<String> page = get("/oauth/authorize", authorizeQuery(clientId, "http://127.0.0.1:9/cb"));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String cookie = cookie(page);
        Map<String, String> hidden = hidden(page.body());

        HttpResponse<String> wrong = post("/oauth/authorize", cookie, Map.of("flow", hidden.get("flow"), "csrf",
                "forged", "step", "sign-in", "email", EMAIL, "password", PASSWORD));
        HttpResponse<String> missing = post("/oauth/authorize", cookie, Map.of("flow", hidden.get("flow"),
                "step", "sign-in", "email", EMAIL, "password", PASSWORD));
        HttpResponse<String> noCookie = post("/oauth/authorize", null, Map.of("flow", hidden.get("flow"), "csrf",
                hidden.get("csrf"), "step", "sign-in", "email", EMAIL, "password", PASSWORD));
        for (HttpResponse<String> refused : List.of(wrong, missing, noCookie)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(refused.headers().firstValue("Location")).isEmpty();
        }
        assertThat(page.headers().firstValue("Set-Cookie").orElse("")).contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void aMismatchedRedirectUriIsAnErrorPageNeverARedirect() throws Exception {
        String clientId = register("http://127.0.0.1:9/cb");
        for (String redirect : List.of("https://evil.example/cb", "http://127.0.0.1:9/cb/extra",
                "http://127.0.0.1:9/cb?x=1")) {
            HttpResponse<String> page = get("/oauth/authorize", authorizeQuery(clientId, redirect));
            assertThat(page.statusCode()).as(redirect).isBetween(400, 499);
            assertThat(page.headers().firstValue("Location")).as(redirect).isEmpty();
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).doesNotContain("evil.example");
        }
        HttpResponse<String> unknownClient = get("/oauth/authorize", authorizeQuery("no-such-client",
                "https://evil.example/cb"));
        assertThat(unknownClient.statusCode()).isBetween(400, 499);
        assertThat(unknownClient.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithAGenericMessage() throws Exception {
        String clientId = register("http://127.0.0.1:9/cb");
        HttpResponse<String> page = get("/oauth/authorize", authorizeQuery(clientId, "http://127.0.0.1:9/cb"));
        String cookie = cookie(page);
        Map<String, String> hidden = hidden(page.body());
        for (String email : List.of(EMAIL, "nobody@acme.example")) {
            HttpResponse<String> refused = post("/oauth/authorize", cookie, Map.of("flow", hidden.get("flow"),
                    "csrf", hidden.get("csrf"), "step", "sign-in", "email", email, "password", "wrong"));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("The email or password is wrong.");
        }
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedFor15MinutesWithoutBeingChecked() throws Exception {
        String clientId = register("http://127.0.0.1:9/cb");
        HttpResponse<String> page = get("/oauth/authorize", authorizeQuery(clientId, "http://127.0.0.1:9/cb"));
        String cookie = cookie(page);
        Map<String, String> hidden = hidden(page.body());
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> refused = post("/oauth/authorize", cookie, Map.of("flow", hidden.get("flow"),
                    "csrf", hidden.get("csrf"), "step", "sign-in", "email", EMAIL, "password", "guess" + i));
            assertThat(refused.statusCode()).isEqualTo(401);
        }
        HttpResponse<String> blocked = post("/oauth/authorize", cookie, Map.of("flow", hidden.get("flow"),
                "csrf", hidden.get("csrf"), "step", "sign-in", "email", EMAIL, "password", PASSWORD));
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.body()).contains("Too many failed sign-ins. Try again in 15 minutes.");
        assertThat(Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow())).isBetween(850L, 901L);
    }

    @Test
    void anOAuthCallerHas100CallsPerMinute() throws Exception {
        String token = signIn().path("access_token").asText();
        McpHttp bearer = McpHttp.to(server.mcpUrl(), null).withHeader("Authorization", "Bearer " + token);
        assertThat(bearer.initialize().status()).isEqualTo(200);
        for (int i = 1; i <= 100; i++) {
            Reply call = bearer.listMonitors();
            assertThat(call.status()).as("call %d: %s", i, call).isEqualTo(200);
        }
        Reply refused = bearer.listMonitors();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isPresent();
    }

    @Test
    void aHostAuthenticatorReplacesTheSignInPage() throws Exception {
        server.stop();
        Authenticator host = new Authenticator() {
            @Override
            public java.util.Optional<SignedInUser> currentUser(Request request) {
                return request.cookies().containsKey("host_session")
                        ? java.util.Optional.of(new SignedInUser(user.accountId(), user.id(), "Host user"))
                        : java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<URI> loginRedirect(String returnTo) {
                return java.util.Optional.of(URI.create("https://login.host.example/?return=" + OAuthHttp.encode(returnTo)));
            }
        };
        server = EnoriHttpServer.start(core, HttpSettings.defaults().withPort(URI.create(base).getPort()), host);
        String clientId = register("http://127.0.0.1:9/cb");
        Map<String, String> query = authorizeQuery(clientId, "http://127.0.0.1:9/cb");

        HttpResponse<String> anonymous = get("/oauth/authorize", query);
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location").orElse(""))
                .startsWith("https://login.host.example/?return=" + OAuthHttp.encode(base + "/oauth/authorize?"));

        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth/authorize?"
                + form(query))).header("Cookie", "host_session=1").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("Allow access?").contains("Host user").contains(ACCOUNT)
                .doesNotContain("type=\"password\"");
    }

    /** Registers a client, signs in over plain HTTP, approves, and exchanges the code: the token response. */
    private JsonNode signIn() throws Exception {
        String redirect = "http://127.0.0.1:9/cb";
        String clientId = register(redirect);
        HttpResponse<String> page = get("/oauth/authorize", authorizeQuery(clientId, redirect));
        String cookie = cookie(page);
        Map<String, String> hidden = hidden(page.body());
        HttpResponse<String> consent = post("/oauth/authorize", cookie, Map.of("flow", hidden.get("flow"), "csrf",
                hidden.get("csrf"), "step", "sign-in", "email", EMAIL, "password", PASSWORD));
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        assertThat(consent.body()).contains("Allow access?").contains(ACCOUNT);
        String signedInCookie = cookie(consent);
        assertThat(signedInCookie).as("the session id changes at sign-in").isNotEqualTo(cookie);
        hidden = hidden(consent.body());
        HttpResponse<String> oldCookie = post("/oauth/authorize", cookie, Map.of("flow", hidden.get("flow"), "csrf",
                hidden.get("csrf"), "step", "consent", "decision", "approve"));
        assertThat(oldCookie.statusCode()).as("the pre-sign-in cookie is dead").isEqualTo(403);
        cookie = signedInCookie;
        HttpResponse<String> approved = post("/oauth/authorize", cookie, Map.of("flow", hidden.get("flow"), "csrf",
                hidden.get("csrf"), "step", "consent", "decision", "approve"));
        assertThat(approved.statusCode()).isEqualTo(303);
        String location = approved.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirect + "?code=").endsWith("&state=xyz");
        String code = location.substring((redirect + "?code=").length(), location.indexOf("&state="));

        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", redirect, "client_id", clientId, "code_verifier", VERIFIER, "resource",
                        base + "/mcp"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(token.headers().firstValue("Cache-Control")).hasValue("no-store");
        return JSON.readTree(token.body());
    }

    private String register(String redirect) throws Exception {
        String body = JSON.writeValueAsString(Map.of("client_name", "Test client", "redirect_uris", List.of(redirect),
                "token_endpoint_auth_method", "none", "grant_types", List.of("authorization_code", "refresh_token"),
                "response_types", List.of("code")));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("client_id").asText();
    }

    private Map<String, String> authorizeQuery(String clientId, String redirect) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII));
        return Map.of("response_type", "code", "client_id", clientId, "redirect_uri", redirect, "state", "xyz",
                "code_challenge", Base64.getUrlEncoder().withoutPadding().encodeToString(digest),
                "code_challenge_method", "S256", "resource", base + "/mcp");
    }

    private HttpResponse<String> get(String path, Map<String, String> query) throws Exception {
        String uri = base + path + (query.isEmpty() ? "" : "?" + form(query));
        return http.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, Map<String, String> fields) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> out.append(out.length() == 0 ? "" : "&").append(OAuthHttp.encode(name))
                .append('=').append(OAuthHttp.encode(value)));
        return out.toString();
    }

    private static String cookie(HttpResponse<String> response) {
        String header = response.headers().firstValue("Set-Cookie").orElseThrow();
        return header.substring(0, header.indexOf(';'));
    }

    private static Map<String, String> hidden(String html) {
        Matcher matcher = HIDDEN.matcher(html);
        Map<String, String> values = new java.util.HashMap<>();
        while (matcher.find()) {
            values.put(matcher.group(1), matcher.group(2));
        }
        assertThat(values).as(html).containsKeys("flow", "csrf");
        return values;
    }
}
