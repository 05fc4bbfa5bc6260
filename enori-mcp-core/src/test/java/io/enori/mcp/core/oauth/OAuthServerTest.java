package io.enori.mcp.core.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.core.EnoriMcp;
import io.enori.mcp.core.ratelimit.RateLimiter;
import io.enori.mcp.core.store.JdbiStorage;
import io.enori.mcp.core.testing.MutableClock;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthServerTest {
    private static final String ISSUER = "http://127.0.0.1:8080";
    private static final String RESOURCE = ISSUER + "/mcp";
    private static final String REDIRECT = "http://127.0.0.1:33418/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private EnoriMcp enori;
    private OAuthServer oauth;
    private Users.User alice;
    private RegisteredClient client;

    @BeforeEach
    void setUp() throws Exception {
        enori = EnoriMcp.builder()
                .storage(JdbiStorage.create("jdbc:h2:mem:oauth" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"))
                .clock(clock)
                .oauthSettings(new OAuthServer.Settings(ISSUER, Duration.ofHours(1), Duration.ofDays(30),
                        Duration.ofSeconds(60), true))
                .build();
        oauth = enori.oauth();
        alice = oauth.users().create("acme", "Alice@Example.com", "correct horse".toCharArray());
        client = oauth.register(new ClientRegistration(List.of(REDIRECT), "Claude"));
    }

    private Map<String, String> authorizeQuery() {
        Map<String, String> q = new HashMap<>();
        q.put("response_type", "code");
        q.put("client_id", client.clientId());
        q.put("redirect_uri", REDIRECT);
        q.put("code_challenge", CHALLENGE);
        q.put("code_challenge_method", "S256");
        q.put("state", "xyz");
        q.put("resource", RESOURCE);
        return q;
    }

    private String code() throws OAuthError {
        AuthorizationRequest request = oauth.validateAuthorization(authorizeQuery());
        return oauth.issueCode(request, alice.accountId(), alice.id());
    }

    private Map<String, String> codeForm(String code) {
        Map<String, String> f = new HashMap<>();
        f.put("grant_type", "authorization_code");
        f.put("code", code);
        f.put("client_id", client.clientId());
        f.put("redirect_uri", REDIRECT);
        f.put("code_verifier", VERIFIER);
        f.put("resource", RESOURCE);
        return f;
    }

    private Map<String, String> refreshForm(String refreshToken) {
        return new HashMap<>(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", client.clientId(), "resource", RESOURCE));
    }

    private static void assertOAuthError(ThrowingCallable call, String error, String descriptionPart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(OAuthError.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.description()).contains(descriptionPart);
        });
    }

    @Test
    void metadataNamesTheEndpointsAndS256Only() {
        Map<String, Object> m = oauth.metadata().asMap();
        assertThat(m).containsEntry("issuer", ISSUER)
                .containsEntry("authorization_endpoint", ISSUER + "/oauth/authorize")
                .containsEntry("token_endpoint", ISSUER + "/oauth/token")
                .containsEntry("registration_endpoint", ISSUER + "/oauth/register")
                .containsEntry("response_types_supported", List.of("code"))
                .containsEntry("code_challenge_methods_supported", List.of("S256"))
                .containsEntry("token_endpoint_auth_methods_supported", List.of("none"))
                .containsEntry("client_id_metadata_document_supported", true);
    }

    @Test
    void fullCodeExchangeWithPkceGivesAnOAuthCallerWithEveryScope() throws Exception {
        AuthorizationRequest request = oauth.validateAuthorization(authorizeQuery());
        assertThat(request.client().displayName()).isEqualTo("Claude");
        String code = oauth.issueCode(request, alice.accountId(), alice.id());
        assertThat(request.approvedRedirect(code).toString()).startsWith(REDIRECT + "?code=").endsWith("&state=xyz");

        TokenResponse tokens = oauth.exchange(codeForm(code));

        assertThat(tokens.expiresInSeconds()).isEqualTo(3600);
        assertThat(tokens.asMap()).containsEntry("token_type", "Bearer");
        Caller caller = oauth.authenticate(tokens.accessToken());
        assertThat(caller.kind()).isEqualTo(Caller.Kind.OAUTH);
        assertThat(caller.accountId()).isEqualTo(alice.accountId());
        assertThat(caller.scopes()).isEqualTo(EnumSet.allOf(Scope.class));
        assertThat(caller.principalId()).startsWith("grt_");
    }

    @Test
    void accessTokenExpiresAfterAnHour() throws Exception {
        TokenResponse tokens = oauth.exchange(codeForm(code()));
        clock.advance(Duration.ofMinutes(59));
        assertThat(oauth.authenticate(tokens.accessToken()).isAuthenticated()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(oauth.authenticate(tokens.accessToken()).authProblem()).contains("expired");
    }

    @Test
    void refreshRotatesAndReusingTheOldOneRevokesTheWholeGrant() throws Exception {
        TokenResponse first = oauth.exchange(codeForm(code()));
        clock.advance(Duration.ofMinutes(70));

        TokenResponse second = oauth.exchange(refreshForm(first.refreshToken()));
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(oauth.authenticate(second.accessToken()).isAuthenticated()).isTrue();

        assertOAuthError(() -> oauth.exchange(refreshForm(first.refreshToken())), "invalid_grant", "already used");

        assertThat(oauth.authenticate(second.accessToken()).authProblem()).contains("revoked");
        assertOAuthError(() -> oauth.exchange(refreshForm(second.refreshToken())), "invalid_grant", "revoked");
    }

    @Test
    void concurrentRefreshesOfOneTokenRotateItAtMostOnce() throws Exception {
        TokenResponse tokens = oauth.exchange(codeForm(code()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    oauth.exchange(refreshForm(tokens.refreshToken()));
                    return true;
                } catch (OAuthError e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int succeeded = 0;
        for (java.util.concurrent.Future<Boolean> result : results) {
            succeeded += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(succeeded).isLessThanOrEqualTo(1);
    }

    @Test
    void refreshTokenLivesThirtyDaysFromItsLastUse() throws Exception {
        TokenResponse tokens = oauth.exchange(codeForm(code()));
        clock.advance(Duration.ofDays(29));
        tokens = oauth.exchange(refreshForm(tokens.refreshToken()));
        clock.advance(Duration.ofDays(29));
        tokens = oauth.exchange(refreshForm(tokens.refreshToken()));

        clock.advance(Duration.ofDays(30).plusSeconds(1));
        String idle = tokens.refreshToken();
        assertThatThrownBy(() -> oauth.exchange(refreshForm(idle))).isInstanceOfSatisfying(OAuthError.class, e -> {
            assertThat(e.error()).isEqualTo("invalid_grant");
            assertThat(e.description()).isEqualTo("Refresh token expired");
            assertThat(e.httpStatus()).isEqualTo(400);
        });
    }

    @Test
    void anOAuthCallerGetsOneHundredCallsPerMinute() throws Exception {
        Caller caller = oauth.authenticate(oauth.exchange(codeForm(code())).accessToken());
        for (int i = 0; i < 100; i++) {
            assertThat(enori.admit(caller)).isInstanceOf(RateLimiter.Decision.Admitted.class);
        }
        assertThat(enori.admit(caller)).isInstanceOf(RateLimiter.Decision.Rejected.class);
    }

    @Test
    void wrongVerifierIsInvalidGrant() throws Exception {
        Map<String, String> form = codeForm(code());
        form.put("code_verifier", "x".repeat(43));
        assertOAuthError(() -> oauth.exchange(form), "invalid_grant", "code_verifier");
    }

    @Test
    void reusedCodeIsInvalidGrantAndRevokesTheTokensIssuedFromIt() throws Exception {
        String code = code();
        TokenResponse tokens = oauth.exchange(codeForm(code));

        assertOAuthError(() -> oauth.exchange(codeForm(code)), "invalid_grant", "already used");

        assertThat(oauth.authenticate(tokens.accessToken()).isAuthenticated()).isFalse();
        assertOAuthError(() -> oauth.exchange(refreshForm(tokens.refreshToken())), "invalid_grant", "revoked");
    }

    @Test
    void codeExpiresAfterSixtySeconds() throws Exception {
        String code = code();
        clock.advance(Duration.ofSeconds(60));
        assertOAuthError(() -> oauth.exchange(codeForm(code)), "invalid_grant", "expired");
    }

    @Test
    void mismatchedRedirectUriIsRefusedWithoutRedirecting() throws Exception {
        Map<String, String> query = authorizeQuery();
        query.put("redirect_uri", "http://127.0.0.1:33418/callback/other");
        assertThatThrownBy(() -> oauth.validateAuthorization(query)).isInstanceOfSatisfying(OAuthError.class, e -> {
            assertThat(e.error()).isEqualTo("invalid_request");
            assertThat(e.redirectTo()).isEmpty();
        });

        Map<String, String> form = codeForm(code());
        form.put("redirect_uri", "http://127.0.0.1:33418/other");
        assertOAuthError(() -> oauth.exchange(form), "invalid_grant", "redirect_uri");
    }

    @Test
    void foreignResourceIsInvalidTarget() throws Exception {
        Map<String, String> query = authorizeQuery();
        query.put("resource", "https://evil.example/mcp");
        assertThatThrownBy(() -> oauth.validateAuthorization(query)).isInstanceOfSatisfying(OAuthError.class, e -> {
            assertThat(e.error()).isEqualTo("invalid_target");
            assertThat(e.redirectTo()).hasValueSatisfying(uri -> assertThat(uri.toString())
                    .startsWith(REDIRECT + "?error=invalid_target").endsWith("&state=xyz"));
        });

        Map<String, String> form = codeForm(code());
        form.put("resource", "https://evil.example/mcp");
        assertOAuthError(() -> oauth.exchange(form), "invalid_target", RESOURCE);
    }

    @Test
    void tamperedOrUnknownTokensAreNotAuthenticated() throws Exception {
        TokenResponse tokens = oauth.exchange(codeForm(code()));
        String access = tokens.accessToken();
        String tampered = access.substring(0, access.length() - 1) + (access.endsWith("A") ? "B" : "A");

        assertThat(oauth.authenticate(tampered).authProblem()).isEqualTo("the access token is not valid");
        assertThat(oauth.authenticate(tokens.refreshToken()).isAuthenticated()).isFalse();
        assertThat(oauth.authenticate(null).isAuthenticated()).isFalse();
        assertOAuthError(() -> oauth.exchange(refreshForm(tokens.refreshToken() + "x")), "invalid_grant", "not valid");
    }

    @Test
    void plainPkceAndMissingChallengeAreRefused() {
        Map<String, String> plain = authorizeQuery();
        plain.put("code_challenge_method", "plain");
        plain.put("code_challenge", VERIFIER);
        assertOAuthError(() -> oauth.validateAuthorization(plain), "invalid_request", "S256");

        Map<String, String> none = authorizeQuery();
        none.remove("code_challenge");
        none.remove("code_challenge_method");
        assertOAuthError(() -> oauth.validateAuthorization(none), "invalid_request", "code_challenge");
    }

    @Test
    void unknownClientIsInvalidClientEverywhere() throws Exception {
        Map<String, String> query = authorizeQuery();
        query.put("client_id", "cli_nobody");
        assertThatThrownBy(() -> oauth.validateAuthorization(query)).isInstanceOfSatisfying(OAuthError.class, e -> {
            assertThat(e.error()).isEqualTo("invalid_client");
            assertThat(e.redirectTo()).isEmpty();
        });
        Map<String, String> form = codeForm(code());
        form.put("client_id", "cli_nobody");
        assertOAuthError(() -> oauth.exchange(form), "invalid_client", "client_id");
        assertOAuthError(() -> oauth.exchange(Map.of("grant_type", "password")), "unsupported_grant_type", "");
    }

    @Test
    void registrationRequiresSafeRedirectUris() throws Exception {
        assertOAuthError(() -> oauth.register(new ClientRegistration(List.of(), "x")), "invalid_redirect_uri", "");
        assertOAuthError(() -> oauth.register(new ClientRegistration(List.of("http://example.com/cb"), "x")),
                "invalid_redirect_uri", "https");
        assertOAuthError(() -> oauth.register(new ClientRegistration(List.of("https://example.com/cb#f"), "x")),
                "invalid_redirect_uri", "fragment");
        RegisteredClient ok = oauth.register(ClientRegistration.fromJson(Map.of(
                "redirect_uris", List.of("https://claude.ai/api/mcp/auth_callback", "http://localhost:5000/cb"),
                "client_name", "Claude", "token_endpoint_auth_method", "none")));
        assertThat(ok.asMap()).containsEntry("token_endpoint_auth_method", "none").doesNotContainKey("client_secret");
        assertThat(oauth.resolveClient(ok.clientId()).redirectUris()).hasSize(2);
    }

    @Test
    void passwordsAreHashedAndVerifiedWithoutTellingWhichPartWasWrong() {
        Users users = oauth.users();
        assertThat(users.verify("alice@example.com", "correct horse".toCharArray())).map(Users.User::id)
                .contains(alice.id());
        assertThat(users.verify("  ALICE@example.com ", "correct horse".toCharArray())).isPresent();
        assertThat(users.verify("alice@example.com", "wrong horse".toCharArray())).isEmpty();
        assertThat(users.verify("nobody@example.com", "correct horse".toCharArray())).isEmpty();
        assertThat(users.find(alice.id())).contains(alice);

        String stored = enori.storage().oauth().findUserByEmail("alice@example.com").orElseThrow().passwordHash();
        assertThat(stored).startsWith("pbkdf2_sha256$210000$").doesNotContain("correct horse");

        assertThat(users.resetPassword("alice@example.com", "battery staple".toCharArray())).isTrue();
        assertThat(users.verify("alice@example.com", "correct horse".toCharArray())).isEmpty();
        assertThat(users.verify("alice@example.com", "battery staple".toCharArray())).isPresent();
        assertThat(users.resetPassword("nobody@example.com", "battery staple".toCharArray())).isFalse();
        assertThatThrownBy(() -> users.create("acme", "alice@example.com", "another one".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.create("acme", "bob@example.com", "short".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(users.list()).extracting(l -> l.user().email(), Users.Listed::accountName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice@example.com", "acme"));
    }

    @Test
    void oauthErrorsNeverMentionAccountsUsersOrEmails() throws Exception {
        String code = code();
        oauth.exchange(codeForm(code));
        for (ThrowingCallable call : List.<ThrowingCallable>of(
                () -> oauth.exchange(codeForm(code)),
                () -> oauth.exchange(codeForm("eac_unknown")),
                () -> oauth.exchange(refreshForm("ert_unknown")))) {
            assertThatThrownBy(call).isInstanceOfSatisfying(OAuthError.class, e -> assertThat(
                    e.description().toLowerCase()).doesNotContain("account").doesNotContain("user")
                    .doesNotContain("email").doesNotContain("alice"));
        }
    }

    @Test
    void clientIdMetadataDocumentIsFetchedAndValidated() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> documents = Map.of(
                "/good.json", "{\"client_id\":\"" + base + "/good.json\",\"client_name\":\"Doc Client\","
                        + "\"redirect_uris\":[\"" + REDIRECT + "\"],\"token_endpoint_auth_method\":\"none\"}",
                "/other-id.json", "{\"client_id\":\"https://elsewhere.example/c.json\",\"redirect_uris\":[\""
                        + REDIRECT + "\"]}",
                "/no-redirects.json", "{\"client_id\":\"" + base + "/no-redirects.json\"}",
                "/huge.json", "{\"client_id\":\"" + " ".repeat(70_000) + "\"}");
        server.createContext("/", exchange -> {
            String body = documents.get(exchange.getRequestURI().getPath());
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            RegisteredClient doc = oauth.resolveClient(base + "/good.json");
            assertThat(doc.displayName()).isEqualTo("Doc Client");
            assertThat(doc.metadataDocument()).isTrue();

            Map<String, String> query = authorizeQuery();
            query.put("client_id", base + "/good.json");
            AuthorizationRequest request = oauth.validateAuthorization(query);
            String code = oauth.issueCode(request, alice.accountId(), alice.id());
            Map<String, String> form = codeForm(code);
            form.put("client_id", base + "/good.json");
            assertThat(oauth.authenticate(oauth.exchange(form).accessToken()).isAuthenticated()).isTrue();

            assertOAuthError(() -> oauth.resolveClient(base + "/other-id.json"), "invalid_client", "client_id");
            assertOAuthError(() -> oauth.resolveClient(base + "/no-redirects.json"), "invalid_client", "redirect_uris");
            assertOAuthError(() -> oauth.resolveClient(base + "/huge.json"), "invalid_client", "larger");
            assertOAuthError(() -> oauth.resolveClient(base + "/missing.json"), "invalid_client", "404");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void plainHttpClientIdsAreRefusedByDefault() {
        EnoriMcp strict = EnoriMcp.builder()
                .jdbcUrl("jdbc:h2:mem:oauth" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").clock(clock)
                .oauthSettings(OAuthServer.Settings.defaults(ISSUER)).build();
        assertOAuthError(() -> strict.oauth().resolveClient("http://127.0.0.1:1/c.json"), "invalid_client", "https");
    }
}
