// Opens an MCP client connection to the Enori server over the transport chosen by
// ENORI_E2E_TRANSPORT, authenticated by an API key; and raw HTTP requests for the checks that
// must look below the client (status codes, headers, sessions).
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';

// streamable-http and streamable-http-stateless use the same client; they differ on the server
// (sessions via Mcp-Session-Id, or none), so the scenario can assert what each must do.
export const TRANSPORTS = ['stdio', 'streamable-http', 'streamable-http-stateless', 'sse'];

export const isHttp = (kind) => kind !== 'stdio';
export const isStreamable = (kind) => kind === 'streamable-http' || kind === 'streamable-http-stateless';

export function transportKind() {
  const kind = process.env.ENORI_E2E_TRANSPORT || 'stdio';
  if (!TRANSPORTS.includes(kind)) {
    throw new Error(`ENORI_E2E_TRANSPORT must be one of ${TRANSPORTS.join(', ')}; got ${kind}`);
  }
  return kind;
}

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is required`);
  return value;
}

/** Fails early, with a clear message, when the environment for the chosen transport is incomplete. */
export function checkEnvironment(kind) {
  if (kind === 'stdio') {
    required('ENORI_E2E_JAR');
    required('ENORI_E2E_DB_URL');
  } else {
    required('ENORI_E2E_URL');
  }
}

function stdioTransport(apiKey) {
  const java = process.env.ENORI_E2E_JAVA || 'java';
  // The SDK gives the child only a minimal environment (PATH, HOME, ...) plus `env`.
  const env = { ENORI_DB_URL: required('ENORI_E2E_DB_URL') };
  if (apiKey !== undefined) env.ENORI_API_KEY = apiKey;
  for (const name of ['PATH', 'HOME']) {
    if (process.env[name]) env[name] = process.env[name];
  }
  const javaHome = process.env.JAVA_HOME || (path.isAbsolute(java) ? path.dirname(path.dirname(java)) : undefined);
  if (javaHome) env.JAVA_HOME = javaHome;
  return new StdioClientTransport({
    command: java,
    args: ['-jar', required('ENORI_E2E_JAR')],
    env,
    stderr: 'pipe',
  });
}

function httpTransport(kind, apiKey) {
  const url = new URL(required('ENORI_E2E_URL'));
  const headers = apiKey === undefined ? {} : { 'X-Api-Key': apiKey };
  return kind === 'sse'
    ? new SSEClientTransport(url, { requestInit: { headers } })
    : new StreamableHTTPClientTransport(url, { requestInit: { headers } });
}

async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/**
 * Connects a fresh client. Returns { client, transport, errors, serverLog(), close() }:
 * errors collects everything the client reported through onerror (for stdio this includes
 * any stdout line that is not JSON-RPC); serverLog() is the server's stderr so far (stdio).
 */
export async function connect(kind, apiKey, label, { capabilities = {}, setup } = {}) {
  const transport = kind === 'stdio' ? stdioTransport(apiKey) : httpTransport(kind, apiKey);
  const stderrChunks = [];
  transport.stderr?.on('data', (chunk) => stderrChunks.push(chunk));
  const client = new Client({ name: `enori-e2e-${label}`, version: '0.0.0' }, { capabilities });
  setup?.(client); // e.g. request handlers for the capabilities declared
  const errors = [];
  client.onerror = (error) => errors.push(error);
  const serverLog = () => Buffer.concat(stderrChunks).toString('utf8');
  try {
    await client.connect(transport);
  } catch (e) {
    e.serverLog = serverLog();
    await client.close().catch(() => {});
    throw e;
  }
  return {
    client,
    transport,
    errors,
    serverLog,
    async close() {
      const pid = transport.pid ?? null;
      if (isStreamable(kind) && transport.sessionId) {
        await transport.terminateSession().catch(() => {});
      }
      await client.close();
      // The next stdio connection opens the same H2 file: wait until this server has let go.
      if (pid !== null) await waitForExit(pid, 10_000);
    },
  };
}

/** The URL a raw POST for this connection goes to: /mcp, or the SSE session's message endpoint. */
export function postUrl(kind, transport) {
  const base = new URL(required('ENORI_E2E_URL'));
  if (kind === 'sse') return transport?._endpoint ?? new URL('/mcp/message', base);
  return base;
}

/**
 * POSTs one JSON-RPC message the way a Streamable HTTP client must (JSON body, Accept both JSON and
 * SSE). Returns { status, headers, text, json }: json is the body parsed as JSON, or the last JSON
 * `data:` event of an SSE-framed answer, or undefined.
 */
export async function rawPost(url, message, { apiKey, sessionId, protocolVersion } = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
  if (apiKey !== undefined) headers['X-Api-Key'] = apiKey;
  if (sessionId !== undefined) headers['Mcp-Session-Id'] = sessionId;
  if (protocolVersion !== undefined) headers['MCP-Protocol-Version'] = protocolVersion;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(message), signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parseBody(response.headers.get('content-type'), text) };
}

function parseBody(contentType, text) {
  const tryParse = (s) => {
    try {
      return JSON.parse(s);
    } catch {
      return undefined;
    }
  };
  if ((contentType ?? '').includes('text/event-stream')) {
    const events = text.split(/\r?\n\r?\n/).map((event) => event.split(/\r?\n/)
      .filter((line) => line.startsWith('data:')).map((line) => line.slice(5).replace(/^ /, '')).join('\n'));
    return events.map(tryParse).filter((v) => v !== undefined).pop();
  }
  return tryParse(text);
}
