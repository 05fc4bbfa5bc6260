package io.enori.mcp.core.oauth;

import io.enori.mcp.api.Caller;
import io.enori.mcp.api.Scope;
import io.enori.mcp.api.spi.OAuthStore;
import io.enori.mcp.core.auth.ApiKeys;
import io.enori.mcp.core.tool.CoreContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The built-in OAuth 2.1 authorization server, without HTTP: a transport maps its endpoints onto these methods.
 *
 * <ul>
 * <li>Clients are public (no secret): registered dynamically ({@link #register}, RFC 7591) or named by the URL of
 * a client ID metadata document ({@link #resolveClient}). Redirect URIs match exactly.</li>
 * <li>Authorization code flow with PKCE S256 only ({@code plain} is refused). Codes live {@code codeTtl} (60 s)
 * and are single-use: presenting a used code again revokes the grant, and with it every token issued from
 * it.</li>
 * <li>Access tokens are opaque and live {@code accessTokenTtl} (1 h), bound to this server's MCP resource URL
 * (RFC 8707). Refresh tokens live {@code refreshIdleTtl} (30 days) from their last use and rotate on every use;
 * presenting a rotated one again revokes the whole grant (theft detection); an expired one answers
 * {@code invalid_grant} / {@code Refresh token expired}.</li>
 * <li>Codes and tokens are 256-bit random strings stored only as SHA-256 hashes.</li>
 * <li>An OAuth caller gets every scope of its account ({@link Caller#oauth}); its principal is the grant.</li>
 * </ul>
 * Every time comes from the core's clock.
 */
public final class OAuthServer {

    /**
     * @param issuer                     this server's base URL, e.g. {@code http://127.0.0.1:8080}; endpoints are
     *                                   under {@code /oauth/}, the MCP resource is {@code issuer + "/mcp"}
     * @param allowHttpLoopbackClientIds whether a client ID metadata document may be fetched over plain http from
     *                                   a loopback host (tests and local development only)
     */
    public record Settings(String issuer, Duration accessTokenTtl, Duration refreshIdleTtl, Duration codeTtl,
                           boolean allowHttpLoopbackClientIds) {
        public Settings {
            Objects.requireNonNull(issuer, "issuer");
            if (!issuer.startsWith("https://") && !issuer.startsWith("http://")) {
                throw new IllegalArgumentException("issuer must start with http:// or https://");
            }
            issuer = issuer.replaceAll("/+$", "");
            for (Duration d : List.of(accessTokenTtl, refreshIdleTtl, codeTtl)) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("token lifetimes must be positive");
                }
            }
        }

        public Settings(String issuer, Duration accessTokenTtl, Duration refreshIdleTtl, Duration codeTtl) {
            this(issuer, accessTokenTtl, refreshIdleTtl, codeTtl, false);
        }

        /** Access tokens 1 h, refresh tokens 30 days idle, codes 60 s. */
        public static Settings defaults(String issuer) {
            return new Settings(issuer, Duration.ofHours(1), Duration.ofDays(30), Duration.ofSeconds(60));
        }
    }

    static final String REFRESH_EXPIRED = "Refresh token expired";
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9\\-_]{43}");

    private final CoreContext context;
    private final Settings settings;
    private final Users users;
    private final SignInThrottle signInThrottle;
    private final ClientMetadataDocuments documents;
    private final SecureRandom random = new SecureRandom();

    public OAuthServer(CoreContext context, Settings settings) {
        this.context = Objects.requireNonNull(context, "context");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.users = new Users(context, new PasswordHasher(PasswordHasher.ITERATIONS));
        this.signInThrottle = new SignInThrottle(context.clock());
        this.documents = new ClientMetadataDocuments(context.clock(), settings.allowHttpLoopbackClientIds());
    }

    public Settings settings() {
        return settings;
    }

    /** The MCP endpoint's resource URL, {@code issuer + "/mcp"}: the only audience tokens are issued for. */
    public String resource() {
        return settings.issuer() + "/mcp";
    }

    /** RFC 8414 metadata, for {@code /.well-known/oauth-authorization-server}. */
    public Metadata metadata() {
        String base = settings.issuer();
        return new Metadata(base, base + "/oauth/authorize", base + "/oauth/token", base + "/oauth/register",
                List.of("code"), List.of("authorization_code", "refresh_token"), List.of("S256"), List.of("none"),
                true, Arrays.stream(Scope.values()).map(Scope::wireName).toList());
    }

    /** Login users of accounts. */
    public Users users() {
        return users;
    }

    /** Failed sign-ins per email and per client address, for the sign-in page to consult before checking a password. */
    public SignInThrottle signInThrottle() {
        return signInThrottle;
    }

    /**
     * Registers a public client (RFC 7591). Redirect URIs are required: https, or http only for a loopback host
     * ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}), absolute, without a fragment.
     *
     * @throws OAuthError {@code invalid_redirect_uri} or {@code invalid_client_metadata}
     */
    public RegisteredClient register(ClientRegistration request) throws OAuthError {
        Objects.requireNonNull(request, "request");
        if (request.redirectUris().isEmpty()) {
            throw OAuthError.invalidRedirectUri("redirect_uris is required: at least one https (or loopback http) URI");
        }
        if (request.redirectUris().size() > 10) {
            throw OAuthError.invalidRedirectUri("redirect_uris may hold at most 10 URIs");
        }
        for (String uri : request.redirectUris()) {
            checkRedirectUri(uri);
        }
        String name = request.clientName() == null ? null : request.clientName().strip();
        if (name != null && name.length() > 200) {
            throw OAuthError.invalidClientMetadata("client_name may be at most 200 characters");
        }
        OAuthStore.Client client = new OAuthStore.Client(context.ids().next("cli_"), name, request.redirectUris(),
                context.clock().instant());
        context.storage().oauth().insertClient(client);
        return new RegisteredClient(client.clientId(), client.clientName(), client.redirectUris(), client.createdAt(),
                false);
    }

    /**
     * A registered client by id, or a client ID metadata document fetched from the URL given as {@code client_id}
     * (its {@code client_id} must equal that URL; its {@code redirect_uris} are checked like a registration's).
     *
     * @throws OAuthError {@code invalid_client} when unknown or when the document cannot be used
     */
    public RegisteredClient resolveClient(String clientId) throws OAuthError {
        if (clientId == null || clientId.isBlank()) {
            throw OAuthError.invalidRequest("client_id is required");
        }
        if (clientId.startsWith("https://") || clientId.startsWith("http://")) {
            ClientMetadataDocuments.Document doc = documents.fetch(clientId);
            for (String uri : doc.redirectUris()) {
                try {
                    checkRedirectUri(uri);
                } catch (OAuthError e) {
                    throw OAuthError.invalidClient("The client metadata document has an unusable redirect URI: "
                            + e.description());
                }
            }
            return new RegisteredClient(clientId, doc.clientName(), doc.redirectUris(), null, true);
        }
        return context.storage().oauth().findClient(clientId)
                .map(c -> new RegisteredClient(c.clientId(), c.clientName(), c.redirectUris(), c.createdAt(), false))
                .orElseThrow(() -> OAuthError.invalidClient("Unknown client_id; register the client first"));
    }

    /**
     * Checks an {@code /oauth/authorize} request's query parameters. Problems with the client or the redirect
     * URI come back without {@link OAuthError#redirectTo()} (show them; never redirect); every later problem
     * carries the redirect to send the browser to.
     */
    public AuthorizationRequest validateAuthorization(Map<String, String> query) throws OAuthError {
        Objects.requireNonNull(query, "query");
        RegisteredClient client = resolveClient(query.get("client_id"));
        String redirectUri = query.get("redirect_uri");
        if (redirectUri == null || redirectUri.isBlank()) {
            throw OAuthError.invalidRequest("redirect_uri is required");
        }
        if (!client.redirectUris().contains(redirectUri)) {
            throw OAuthError.invalidRequest("redirect_uri is not one of the client's registered redirect URIs");
        }
        String state = query.get("state");
        AuthorizationRequest partial = new AuthorizationRequest(client, redirectUri, null, state, null, resource());
        try {
            String responseType = query.get("response_type");
            if (responseType == null || responseType.isBlank()) {
                throw OAuthError.invalidRequest("response_type is required; use code");
            }
            if (!responseType.equals("code")) {
                throw OAuthError.unsupportedResponseType("Only response_type=code is supported");
            }
            String challenge = query.get("code_challenge");
            String method = query.get("code_challenge_method");
            if (challenge == null || challenge.isBlank()) {
                throw OAuthError.invalidRequest("code_challenge is required (PKCE S256)");
            }
            if (!"S256".equals(method)) {
                throw OAuthError.invalidRequest("code_challenge_method must be S256; plain is not accepted");
            }
            if (!CHALLENGE.matcher(challenge).matches()) {
                throw OAuthError.invalidRequest("code_challenge must be 43 base64url characters (SHA-256 of the verifier)");
            }
            String resource = checkResource(query.get("resource"), resource());
            String scope = query.get("scope");
            if (scope != null && scope.length() > 1000) {
                throw new OAuthError("invalid_scope", "scope is too long", 400);
            }
            return new AuthorizationRequest(client, redirectUri, challenge, state, scope, resource);
        } catch (OAuthError e) {
            throw e.redirectingTo(partial.errorRedirect(e));
        }
    }

    /**
     * After the user approved: records the grant and returns a new authorization code (plaintext, once; only its
     * hash is stored) to send to the client with {@link AuthorizationRequest#approvedRedirect}.
     */
    public String issueCode(AuthorizationRequest request, String accountId, String userId) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(accountId, "accountId");
        Instant now = context.clock().instant();
        OAuthStore.Grant grant = new OAuthStore.Grant(context.ids().next("grt_"), accountId, userId,
                request.client().clientId(), request.resource(), request.scope(), now, null);
        context.storage().oauth().insertGrant(grant);
        String code = "eac_" + secret();
        context.storage().oauth().insertCode(new OAuthStore.Code(hash(code), grant.id(), request.client().clientId(),
                request.redirectUri(), request.codeChallenge(), now, now.plus(settings.codeTtl()), null));
        return code;
    }

    /**
     * The token endpoint: {@code grant_type=authorization_code} ({@code code}, {@code redirect_uri},
     * {@code client_id}, {@code code_verifier}, optional {@code resource}) or {@code grant_type=refresh_token}
     * ({@code refresh_token}, {@code client_id}, optional {@code resource}).
     */
    public TokenResponse exchange(Map<String, String> form) throws OAuthError {
        Objects.requireNonNull(form, "form");
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            throw OAuthError.invalidRequest("grant_type is required");
        }
        switch (grantType) {
            case "authorization_code":
                return exchangeCode(form);
            case "refresh_token":
                return refresh(form);
            default:
                throw OAuthError.unsupportedGrantType("grant_type must be authorization_code or refresh_token");
        }
    }

    private TokenResponse exchangeCode(Map<String, String> form) throws OAuthError {
        String code = required(form, "code");
        String clientId = required(form, "client_id");
        String redirectUri = required(form, "redirect_uri");
        String verifier = required(form, "code_verifier");
        resolveClient(clientId);
        OAuthStore store = context.storage().oauth();
        Instant now = context.clock().instant();
        String codeHash = hash(code);
        OAuthStore.Code stored = store.findCode(codeHash)
                .orElseThrow(() -> OAuthError.invalidGrant("The authorization code is not valid"));
        if (stored.usedAt() != null) {
            store.revokeGrant(stored.grantId(), now);
            throw OAuthError.invalidGrant("The authorization code was already used; tokens issued from it are revoked");
        }
        if (!now.isBefore(stored.expiresAt())) {
            throw OAuthError.invalidGrant("The authorization code expired; start the authorization again");
        }
        if (!stored.clientId().equals(clientId)) {
            throw OAuthError.invalidGrant("The authorization code was issued to another client");
        }
        if (!stored.redirectUri().equals(redirectUri)) {
            throw OAuthError.invalidGrant("redirect_uri does not match the one of the authorization request");
        }
        if (!VERIFIER.matcher(verifier).matches() || !MessageDigest.isEqual(
                s256(verifier).getBytes(StandardCharsets.US_ASCII),
                stored.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
            throw OAuthError.invalidGrant("code_verifier does not match the code_challenge");
        }
        OAuthStore.Grant grant = store.findGrant(stored.grantId())
                .orElseThrow(() -> OAuthError.invalidGrant("The authorization code is not valid"));
        checkResource(form.get("resource"), grant.resource());
        if (!store.markCodeUsed(codeHash, now)) {
            store.revokeGrant(grant.id(), now);
            throw OAuthError.invalidGrant("The authorization code was already used; tokens issued from it are revoked");
        }
        if (grant.isRevoked()) {
            throw OAuthError.invalidGrant("The grant was revoked");
        }
        return issueTokens(grant, now);
    }

    private TokenResponse refresh(Map<String, String> form) throws OAuthError {
        String refreshToken = required(form, "refresh_token");
        String clientId = required(form, "client_id");
        OAuthStore store = context.storage().oauth();
        Instant now = context.clock().instant();
        String tokenHash = hash(refreshToken);
        OAuthStore.Token token = store.findToken(tokenHash).filter(t -> t.kind() == OAuthStore.TokenKind.REFRESH)
                .orElseThrow(() -> OAuthError.invalidGrant("The refresh token is not valid"));
        OAuthStore.Grant grant = store.findGrant(token.grantId())
                .orElseThrow(() -> OAuthError.invalidGrant("The refresh token is not valid"));
        if (!grant.clientId().equals(clientId)) {
            throw OAuthError.invalidGrant("The refresh token was issued to another client");
        }
        if (grant.isRevoked()) {
            throw OAuthError.invalidGrant("The grant was revoked; sign in again");
        }
        if (token.usedAt() != null) {
            store.revokeGrant(grant.id(), now);
            throw OAuthError.invalidGrant("The refresh token was already used; the grant is revoked, sign in again");
        }
        if (!now.isBefore(token.expiresAt())) {
            throw OAuthError.invalidGrant(REFRESH_EXPIRED);
        }
        checkResource(form.get("resource"), grant.resource());
        if (!store.markTokenUsed(tokenHash, now)) {
            store.revokeGrant(grant.id(), now);
            throw OAuthError.invalidGrant("The refresh token was already used; the grant is revoked, sign in again");
        }
        return issueTokens(grant, now);
    }

    private TokenResponse issueTokens(OAuthStore.Grant grant, Instant now) {
        OAuthStore store = context.storage().oauth();
        String access = "eat_" + secret();
        String refresh = "ert_" + secret();
        store.insertToken(new OAuthStore.Token(hash(access), grant.id(), OAuthStore.TokenKind.ACCESS, now,
                now.plus(settings.accessTokenTtl()), null));
        store.insertToken(new OAuthStore.Token(hash(refresh), grant.id(), OAuthStore.TokenKind.REFRESH, now,
                now.plus(settings.refreshIdleTtl()), null));
        String scope = Arrays.stream(Scope.values()).map(Scope::wireName).collect(Collectors.joining(" "));
        return new TokenResponse(access, settings.accessTokenTtl().toSeconds(), refresh, scope);
    }

    /**
     * Turns a bearer access token into a caller: {@link Caller#oauth} with every scope of the grant's account, or
     * {@link Caller#unauthenticated} saying why (missing, not valid, expired, revoked, another audience). Every
     * unauthenticated answer means {@code error="invalid_token"} on HTTP.
     */
    public Caller authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            return Caller.unauthenticated("no access token was given");
        }
        OAuthStore store = context.storage().oauth();
        Optional<OAuthStore.Token> token = store.findToken(hash(bearerToken.strip()))
                .filter(t -> t.kind() == OAuthStore.TokenKind.ACCESS);
        if (token.isEmpty()) {
            return Caller.unauthenticated("the access token is not valid");
        }
        if (!context.clock().instant().isBefore(token.get().expiresAt())) {
            return Caller.unauthenticated("the access token expired");
        }
        Optional<OAuthStore.Grant> grant = store.findGrant(token.get().grantId());
        if (grant.isEmpty() || grant.get().isRevoked()) {
            return Caller.unauthenticated("the access token was revoked");
        }
        if (!normalizeResource(grant.get().resource()).equals(normalizeResource(resource()))) {
            return Caller.unauthenticated("the access token is for another resource");
        }
        return Caller.oauth(grant.get().accountId(), grant.get().id());
    }

    /** Revokes a grant (and so all its tokens). @return whether it was active */
    public boolean revokeGrant(String grantId) {
        return context.storage().oauth().revokeGrant(grantId, context.clock().instant());
    }

    /** Deletes codes and tokens that expired more than a day ago. @return how many went */
    public int purgeExpired() {
        return context.storage().oauth().purgeExpired(context.clock().instant().minus(Duration.ofDays(1)));
    }

    private static String checkResource(String given, String expected) throws OAuthError {
        if (given == null || given.isBlank()) {
            return expected;
        }
        if (!normalizeResource(given).equals(normalizeResource(expected))) {
            throw OAuthError.invalidTarget("resource must be this server's MCP endpoint, " + expected);
        }
        return expected;
    }

    private static String normalizeResource(String resource) {
        return resource.replaceAll("/+$", "");
    }

    private static String required(Map<String, String> form, String name) throws OAuthError {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw OAuthError.invalidRequest(name + " is required");
        }
        return value;
    }

    static void checkRedirectUri(String uri) throws OAuthError {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException | NullPointerException e) {
            throw OAuthError.invalidRedirectUri("Not a URI: " + uri);
        }
        if (!parsed.isAbsolute() || parsed.getHost() == null || parsed.getFragment() != null) {
            throw OAuthError.invalidRedirectUri("A redirect URI must be absolute, with a host and no fragment: " + uri);
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && isLoopback(parsed.getHost())) {
            return;
        }
        throw OAuthError.invalidRedirectUri("A redirect URI must use https (http only for localhost): " + uri);
    }

    static boolean isLoopback(String host) {
        return Set.of("localhost", "127.0.0.1", "[::1]", "::1").contains(host.toLowerCase(Locale.ROOT));
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        return ApiKeys.hash(secret);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
