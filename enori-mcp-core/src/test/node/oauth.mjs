// The OAuth sign-in end to end, as Claude Desktop would do it: the TypeScript MCP SDK client with its OAuth client
// provider meets a 401, discovers the authorization server, registers itself, and sends the user to our sign-in
// page; a real headless Chromium (playwright-core) signs in and approves; the client gets the code on its loopback
// redirect URI, exchanges it, calls tools, refreshes (the refresh token rotates), and a reused old refresh token
// revokes the whole grant.
//
// Environment: ENORI_E2E_URL (the server's /mcp URL), ENORI_OAUTH_EMAIL, ENORI_OAUTH_PASSWORD,
// ENORI_OAUTH_ACCOUNT (the account the user belongs to), optional ENORI_OAUTH_SCREENSHOTS (a folder for
// oauth-sign-in.png and oauth-consent.png), ENORI_CHROMIUM (default /usr/bin/chromium).
// Prints one line per check and ends with "N passed, M failed".
import http from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  auth,
  UnauthorizedError,
  discoverAuthorizationServerMetadata,
  refreshAuthorization,
} from '@modelcontextprotocol/sdk/client/auth.js';
import { Harness, ok, show } from './harness.mjs';

const MCP_URL = new URL(required('ENORI_E2E_URL'));
const EMAIL = required('ENORI_OAUTH_EMAIL');
const PASSWORD = required('ENORI_OAUTH_PASSWORD');
const ACCOUNT = required('ENORI_OAUTH_ACCOUNT');
const SHOTS = process.env.ENORI_OAUTH_SCREENSHOTS;
const CHROMIUM = process.env.ENORI_CHROMIUM ?? '/usr/bin/chromium';
const CLIENT_NAME = 'Enori OAuth e2e';

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.log(`FAIL setup: ${name} is not set`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  return value;
}

const h = new Harness();
const timer = setTimeout(() => {
  h.fail('global timeout', `${process.env.ENORI_E2E_TIMEOUT_MS ?? 100000} ms`);
  process.exit(h.summary() || 1);
}, Number(process.env.ENORI_E2E_TIMEOUT_MS ?? 100000));
timer.unref();

// The client's loopback redirect URI: a tiny server that hands each arriving query to whoever waits for it.
let arrived;
const callbacks = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('Signed in; you can close this window.');
  if (url.pathname === '/callback' && arrived) arrived(url.searchParams);
});
await new Promise((resolve) => callbacks.listen(0, '127.0.0.1', resolve));
const REDIRECT = `http://127.0.0.1:${callbacks.address().port}/callback`;
const nextCallback = () => new Promise((resolve) => { arrived = resolve; });

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 720, height: 640 } });
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

/** An in-memory OAuthClientProvider; redirectToAuthorization drives the browser through our pages. */
class BrowserProvider {
  info = undefined;
  saved = undefined;
  verifier = undefined;
  code = undefined;
  state = () => 'st-' + Math.random().toString(36).slice(2);
  get redirectUrl() { return REDIRECT; }
  get clientMetadata() {
    return {
      client_name: CLIENT_NAME,
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  clientInformation() { return this.info; }
  saveClientInformation(info) { this.info = info; }
  tokens() { return this.saved; }
  saveTokens(tokens) { this.saved = tokens; }
  saveCodeVerifier(v) { this.verifier = v; }
  codeVerifier() { return this.verifier; }
  async redirectToAuthorization(url) {
    this.authorizationUrl = url;
    const callback = nextCallback();
    await signInAndDecide(url, 'approve', true);
    const params = await callback;
    this.code = params.get('code');
    this.returnedState = params.get('state');
  }
}

/** Signs in with a wrong password first (when asked), then the right one, and approves or denies. */
async function signInAndDecide(url, decision, withShots) {
  await page.goto(url.toString());
  await h.check('authorize URL shows the sign-in page', async () => {
    ok(await page.getByRole('heading', { name: 'Sign in to Enori' }).isVisible(), 'sign-in heading visible');
    ok((await page.content()).includes(CLIENT_NAME), 'sign-in page names the client');
  });
  if (withShots) {
    await page.fill('#email', EMAIL);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'oauth-sign-in.png') });
    await page.fill('#password', 'not-the-password');
    await Promise.all([page.waitForLoadState(), page.click('button[type=submit]')]);
    await h.check('a wrong password is refused with a generic message', async () => {
      const alert = await page.getByRole('alert').textContent();
      ok(/email or password/i.test(alert), 'alert mentions email or password', alert);
    });
  }
  await page.fill('#email', EMAIL);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForLoadState(), page.click('button[type=submit]')]);
  await h.check('sign-in leads to the consent page (client, redirect host, account)', async () => {
    ok(await page.getByRole('heading', { name: 'Allow access?' }).isVisible(), 'consent heading visible');
    const text = await page.textContent('main');
    ok(text.includes(CLIENT_NAME) && text.includes('127.0.0.1') && text.includes(ACCOUNT),
      'consent names client, redirect host and account', text);
  });
  if (withShots && SHOTS) await page.screenshot({ path: join(SHOTS, 'oauth-consent.png') });
  await page.click(`button[value=${decision}]`);
}

const provider = new BrowserProvider();

async function connect() {
  const client = new Client({ name: 'enori-oauth-e2e', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(MCP_URL, { authProvider: provider });
  await client.connect(transport);
  return { client, transport };
}

async function rawInitialize(headers, url = MCP_URL) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify({
      jsonrpc: '2.0', id: 1, method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
    }),
  });
}

let exitCode = 1;
try {
  await h.check('no credentials: 401 with WWW-Authenticate naming the resource metadata', async () => {
    const res = await rawInitialize({});
    const header = res.headers.get('www-authenticate') ?? '';
    ok(res.status === 401, 'status 401', res.status);
    ok(header.startsWith('Bearer ') && header.includes('resource_metadata="'), 'Bearer resource_metadata', header);
  });

  await h.check('first connect: 401 → discovery → registration → browser sign-in → UnauthorizedError', async () => {
    let thrown;
    try {
      await connect();
    } catch (e) {
      thrown = e;
    }
    ok(thrown instanceof UnauthorizedError, 'UnauthorizedError until the code is exchanged', String(thrown));
    ok(provider.info?.client_id, 'dynamic registration gave a client_id', provider.info);
    ok(provider.authorizationUrl?.searchParams.get('code_challenge_method') === 'S256', 'PKCE S256');
  });

  await h.check('the redirect carries a code and the same state', async () => {
    ok(provider.code, 'code present');
    ok(provider.returnedState === provider.authorizationUrl.searchParams.get('state'), 'state round-trips',
      provider.returnedState);
  });

  let session;
  await h.check('finishAuth exchanges the code for access and refresh tokens', async () => {
    const transport = new StreamableHTTPClientTransport(MCP_URL, { authProvider: provider });
    await transport.finishAuth(provider.code);
    ok(provider.saved?.access_token && provider.saved?.refresh_token, 'both tokens', Object.keys(provider.saved ?? {}));
    ok(provider.saved.token_type?.toLowerCase() === 'bearer', 'token_type Bearer', provider.saved.token_type);
  });

  await h.check('tool calls succeed with the bearer token (list_monitors)', async () => {
    session = await connect();
    const tools = await session.client.listTools();
    ok(tools.tools.length > 10, 'all tools listed (OAuth has every scope)', tools.tools.length);
    const result = await session.client.callTool({ name: 'list_monitors', arguments: {} });
    ok(!result.isError, 'list_monitors is not an error', result.content);
    return `${tools.tools.length} tools`;
  });

  const first = { ...provider.saved };
  const metadata = await discoverAuthorizationServerMetadata(new URL('/', MCP_URL));
  await h.check('a refresh through the provider rotates the refresh token', async () => {
    const result = await auth(provider, { serverUrl: MCP_URL });
    ok(result === 'AUTHORIZED', 'AUTHORIZED', result);
    ok(provider.saved.refresh_token && provider.saved.refresh_token !== first.refresh_token, 'new refresh token');
    ok(provider.saved.access_token !== first.access_token, 'new access token');
  });

  await h.check('the new access token calls tools', async () => {
    await session.transport.terminateSession().catch(() => {});
    await session.client.close();
    session = await connect();
    const result = await session.client.callTool({ name: 'list_monitors', arguments: {} });
    ok(!result.isError, 'list_monitors is not an error', result.content);
  });

  await h.check('reusing the rotated refresh token is refused with invalid_grant', async () => {
    let thrown;
    try {
      await refreshAuthorization(metadata.issuer, {
        metadata, clientInformation: provider.info, refreshToken: first.refresh_token, resource: MCP_URL,
      });
    } catch (e) {
      thrown = e;
    }
    ok(thrown && (thrown.errorCode === 'invalid_grant' || /invalid_grant/.test(String(thrown))), 'invalid_grant',
      String(thrown));
  });

  await h.check('…and revokes the grant: the newer access token gets 401 invalid_token', async () => {
    const res = await rawInitialize({ authorization: `Bearer ${provider.saved.access_token}` });
    const header = res.headers.get('www-authenticate') ?? '';
    ok(res.status === 401, 'status 401', res.status);
    ok(header.includes('error="invalid_token"'), 'error="invalid_token"', header);
  });

  await h.check('…and the newer refresh token is refused too', async () => {
    let thrown;
    try {
      await refreshAuthorization(metadata.issuer, {
        metadata, clientInformation: provider.info, refreshToken: provider.saved.refresh_token, resource: MCP_URL,
      });
    } catch (e) {
      thrown = e;
    }
    ok(thrown && /invalid_grant/.test(`${thrown.errorCode} ${thrown}`), 'invalid_grant', String(thrown));
  });

  await h.check('an access token in the query string is refused', async () => {
    const url = new URL(MCP_URL);
    url.searchParams.set('access_token', first.access_token);
    const res = await rawInitialize({}, url);
    ok(res.status === 400 || res.status === 401, '400 or 401', res.status);
  });

  await h.check('deny on the consent page redirects with access_denied and the state', async () => {
    const { startAuthorization } = await import('@modelcontextprotocol/sdk/client/auth.js');
    const { authorizationUrl } = await startAuthorization(metadata.issuer, {
      metadata, clientInformation: provider.info, redirectUrl: REDIRECT, state: 'deny-state', resource: MCP_URL,
    });
    const callback = nextCallback();
    await signInAndDecide(authorizationUrl, 'deny', false);
    const params = await callback;
    ok(params.get('error') === 'access_denied' && params.get('state') === 'deny-state' && !params.get('code'),
      'error=access_denied&state, no code', params.toString());
  });

  await session?.transport.terminateSession().catch(() => {});
  await session?.client.close();
  exitCode = h.summary();
} catch (e) {
  h.fail('scenario crashed', e?.stack ?? String(e));
  exitCode = h.summary() || 1;
} finally {
  await browser.close().catch(() => {});
  callbacks.close();
}
process.exit(exitCode);
