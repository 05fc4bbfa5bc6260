/**
 * The built-in OAuth 2.1 authorization server (no HTTP): {@link io.enori.mcp.core.oauth.OAuthServer} with
 * client registration and client ID metadata documents, PKCE S256 codes, rotating refresh tokens and bearer
 * authentication; {@link io.enori.mcp.core.oauth.Users} for the people who sign in.
 */
package io.enori.mcp.core.oauth;
