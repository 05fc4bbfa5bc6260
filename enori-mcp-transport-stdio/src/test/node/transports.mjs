// Opens an MCP client connection to the Enori server over the transport chosen by
// ENORI_E2E_TRANSPORT (stdio | streamable-http | sse), authenticated by an API key.
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';

export const TRANSPORTS = ['stdio', 'streamable-http', 'sse'];

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
export async function connect(kind, apiKey, label) {
  const transport = kind === 'stdio' ? stdioTransport(apiKey) : httpTransport(kind, apiKey);
  const stderrChunks = [];
  transport.stderr?.on('data', (chunk) => stderrChunks.push(chunk));
  const client = new Client({ name: `enori-e2e-${label}`, version: '0.0.0' }, { capabilities: {} });
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
      if (kind === 'streamable-http' && transport.sessionId) {
        await transport.terminateSession().catch(() => {});
      }
      await client.close();
      // The next stdio connection opens the same H2 file: wait until this server has let go.
      if (pid !== null) await waitForExit(pid, 10_000);
    },
  };
}
