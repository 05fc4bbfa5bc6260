// Who gets in, and on what: credentials (per transport), and HTTP sessions (Streamable HTTP with
// sessions, and stateless). The tool answers themselves are asserted identically in e2e.mjs.
import { callErr, eq, fail, need, ok, show, startsWith } from './harness.mjs';
import { connect, rawPost } from './transports.mjs';

const toolsCall = (id, name, args = {}) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });
const mentions401 = (e) => e?.code === 401 || /\b401\b/.test(String(e?.message));

/**
 * A missing or wrong key. Over stdio the key is fixed at launch, so the server starts and every tool
 * call answers "Authentication failed…"; over HTTP the request is refused before MCP with 401.
 */
export async function credentialsScenario({ h, kind, open, shut }) {
  if (kind === 'stdio') {
    const label = 'bogus';
    const failedBefore = h.failed;
    const conn = await open(label, 'bogus');
    const client = () => need(conn, 'bogus connection').client;
    await conn?.client.listTools().catch(() => {});
    await h.check('[bogus] tool call → isError "Authentication failed…"', async () => {
      const body = await callErr(client(), 'list_monitors', {});
      startsWith(body.error, 'Authentication failed', 'error');
      return body.error;
    });
    await shut(label, conn, failedBefore);
    return;
  }

  for (const [label, apiKey, what] of [['no key', undefined, 'without X-Api-Key'], ['bogus', 'bogus', 'with X-Api-Key "bogus"']]) {
    await h.check(`[${label}] connect ${what} is refused: the client throws with 401`, async () => {
      let conn;
      try {
        conn = await connect(kind, apiKey, label);
      } catch (e) {
        ok(mentions401(e), 'the error reports HTTP status 401', `${e.constructor?.name} code ${e.code}: ${e.message}`);
        return `${e.constructor?.name} code ${e.code}: ${e.message}`;
      }
      await conn.close().catch(() => {});
      fail(`connect ${what} succeeded`);
    });
  }

  await h.check('[no key] raw request without X-Api-Key → 401 JSON naming the missing header', async () => {
    const url = new URL(process.env.ENORI_E2E_URL);
    const res = kind === 'sse'
      ? await fetchText(url, { headers: { Accept: 'text/event-stream' } })
      : await rawPost(url, { jsonrpc: '2.0', id: 1, method: 'initialize', params: initializeParams() });
    eq(res.status, 401, 'HTTP status');
    ok((res.headers.get('content-type') ?? '').startsWith('application/json'), 'Content-Type application/json', res.headers.get('content-type'));
    eq(res.json?.error, 'Authentication required', 'body error');
    ok(typeof res.json.missing === 'string' && res.json.missing.includes('X-Api-Key'), 'body "missing" names X-Api-Key', res.json);
    return res.text;
  });
}

/** Streamable HTTP with sessions: DELETE ends a session and the server then answers 404 on it. */
export async function sessionScenario({ h, kind, apiKey }) {
  const url = new URL(process.env.ENORI_E2E_URL);
  const label = 'session';
  let conn;
  let sessionId;
  let protocolVersion;
  await h.check(`[${label}] initialize issues a visible-ASCII Mcp-Session-Id`, async () => {
    conn = await connect(kind, apiKey, label);
    sessionId = conn.transport.sessionId;
    protocolVersion = conn.transport.protocolVersion;
    ok(typeof sessionId === 'string' && /^[\x21-\x7e]+$/.test(sessionId), 'session id', sessionId);
    return `${sessionId}, protocol ${protocolVersion}`;
  });
  await h.check(`[${label}] raw POST tools/list on the live session → 200 with the tools`, async () => {
    const res = await rawPost(url, { jsonrpc: '2.0', id: 'live', method: 'tools/list' }, { apiKey, sessionId: need(sessionId, 'session id'), protocolVersion });
    eq(res.status, 200, 'HTTP status');
    ok(Array.isArray(res.json?.result?.tools) && res.json.result.tools.length > 0, 'result.tools', res.json ?? res.text);
  });
  let ended = false;
  ended = await h.check(`[${label}] transport.terminateSession() (DELETE) succeeds`, async () => {
    await need(conn, 'session connection').transport.terminateSession();
    eq(conn.transport.sessionId, undefined, 'client forgot the session id');
  });
  await h.check(`[${label}] raw POST on the ended session → 404`, async () => {
    ok(ended, 'skipped: the session was not ended');
    const res = await rawPost(url, { jsonrpc: '2.0', id: 'ended', method: 'tools/list' }, { apiKey, sessionId, protocolVersion });
    eq(res.status, 404, `HTTP status (body ${show(res.text, 200)})`);
    return show(res.text, 200);
  });
  await h.check(`[${label}] raw POST with an unknown Mcp-Session-Id → 404`, async () => {
    const res = await rawPost(url, { jsonrpc: '2.0', id: 'unknown', method: 'tools/list' }, { apiKey, sessionId: 'no-such-session', protocolVersion });
    eq(res.status, 404, `HTTP status (body ${show(res.text, 200)})`);
  });
  await h.check(`[${label}] raw tools/call without Mcp-Session-Id or initialize is not served (400)`, async () => {
    const res = await rawPost(url, toolsCall('no-session', 'list_monitors'), { apiKey });
    eq(res.status, 400, `HTTP status (body ${show(res.text, 200)})`);
  });
  await conn?.close().catch((e) => console.log(`# close failed: ${e.message}`));
}

/** Stateless Streamable HTTP: no session is issued, and a bare tools/call is served. */
export async function statelessScenario({ h, kind, apiKey, expectedMonitors }) {
  const url = new URL(process.env.ENORI_E2E_URL);
  const label = 'stateless';
  await h.check(`[${label}] initialize issues no Mcp-Session-Id`, async () => {
    const conn = await connect(kind, apiKey, label);
    try {
      eq(conn.transport.sessionId, undefined, 'session id');
      return `protocol ${conn.transport.protocolVersion}`;
    } finally {
      await conn.close().catch(() => {});
    }
  });
  await h.check(`[${label}] raw tools/call list_monitors, no session header, no initialize → 200 with the result`, async () => {
    const res = await rawPost(url, toolsCall('bare', 'list_monitors'), { apiKey });
    eq(res.status, 200, `HTTP status (body ${show(res.text, 200)})`);
    eq([res.json?.jsonrpc, res.json?.id], ['2.0', 'bare'], '[jsonrpc, id]');
    const result = res.json.result;
    ok(result && result.isError !== true, 'a successful tool result', res.json);
    const ids = (result.structuredContent?.monitors ?? []).map((m) => m.id).sort();
    eq(ids, [...expectedMonitors].sort(), 'the account\'s monitor ids');
    eq(JSON.parse(result.content?.find((c) => c.type === 'text')?.text ?? 'null'), result.structuredContent, 'text content JSON equals structuredContent');
    return `${ids.length} monitors`;
  });
}

async function fetchText(url, init) {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

function initializeParams() {
  return { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'enori-e2e-raw', version: '0.0.0' } };
}
