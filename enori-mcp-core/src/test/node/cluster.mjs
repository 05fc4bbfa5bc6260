// Cluster scenario: one account's tool calls spread over several Enori nodes that share one PostgreSQL
// database (cluster mode, stateless Streamable HTTP), through the official TypeScript MCP client. What one node
// writes, every other node reads at once; and the per-key rate limit is one count for the whole cluster.
//
// Prints one line per check (PASS/FAIL), diagnostics prefixed with "#", and ends with exactly
// "N passed, M failed"; exits non-zero when M > 0.
//
// Environment:
//   ENORI_CLUSTER_URLS        the nodes' /mcp endpoints, comma-separated (at least 3)
//   ENORI_CLUSTER_KEY         API key with all scopes of an account that starts without monitors
//   ENORI_CLUSTER_KEY_LIMIT   API key used by nothing else: driven into the rate limit
//   ENORI_CLUSTER_RATE_LIMIT  the nodes' tool calls per key and minute (every node the same); the main scenario
//                             stays below it with ENORI_CLUSTER_KEY
//   ENORI_E2E_TIMEOUT_MS      overall deadline (default 110000)
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { Harness, callErr, callOk, eq, fail, need, ok, show } from './harness.mjs';

const h = new Harness();
const timeoutMs = Number(process.env.ENORI_E2E_TIMEOUT_MS || 110_000);
const deadline = setTimeout(() => {
  h.fail('scenario finished in time', `still running after ${timeoutMs} ms`);
  process.exit(h.summary() || 1);
}, timeoutMs);
deadline.unref();

function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is required`);
  return value;
}

const URLS = env('ENORI_CLUSTER_URLS').split(',').map((u) => u.trim()).filter(Boolean);
const LIMIT = Number(env('ENORI_CLUSTER_RATE_LIMIT'));
// The limit phase must stay inside one rolling minute, or the exact count proves nothing.
const WINDOW_BUDGET_MS = 45_000;

const mentions429 = (e) => e?.code === 429 || /\b429\b/.test(String(e?.message));

/** One client per node, each with its own transport: the load balancer's choice made by hand. */
async function connectAll(label, apiKey) {
  const nodes = [];
  for (const [i, url] of URLS.entries()) {
    const name = `${label} node ${i + 1}`;
    let node;
    await h.check(`[${name}] connect over stateless Streamable HTTP`, async () => {
      const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { 'X-Api-Key': apiKey } } });
      const client = new Client({ name: `enori-cluster-${label}-${i + 1}`, version: '0.0.0' }, { capabilities: {} });
      const errors = [];
      client.onerror = (error) => errors.push(error);
      await client.connect(transport);
      eq(transport.sessionId, undefined, 'Mcp-Session-Id (a cluster node keeps no session)');
      await client.listTools(); // as real clients do; arms output-schema validation
      node = { name, url, client, errors };
      return `${client.getServerVersion()?.name} at ${url}`;
    });
    nodes.push(node);
  }
  return nodes;
}

async function closeAll(nodes, allowed = () => false) {
  for (const node of nodes) {
    if (!node) continue;
    await h.check(`[${node.name}] client saw no transport errors`, () => {
      eq(node.errors.filter((e) => !allowed(e)).map((e) => e.message), [], 'client onerror reports');
    });
    await node.client.close().catch((e) => console.log(`# close failed: ${e.message}`));
  }
}

/** The account's monitors as one node lists them: [id, name, status], sorted by id. */
async function monitorsOn(node) {
  const out = await callOk(node.client, 'list_monitors', {});
  return (out.monitors ?? []).map((m) => [m.id, m.name, m.status]).sort();
}

async function sharedStateScenario() {
  const nodes = await connectAll('rw', env('ENORI_CLUSTER_KEY'));
  const [n1, n2, n3] = nodes;
  const on = (node) => need(node, 'connection').client;
  let monitorId;
  let sloId;

  await h.check('[node 1] create_monitor website', async () => {
    const out = await callOk(on(n1), 'create_monitor', {
      // Nothing listens on port 9 and the interval is daily: no scheduler runs in this scenario's window.
      type: 'website', name: 'Cluster checkout', url: 'http://127.0.0.1:9/checkout', intervalSeconds: 86400,
    });
    ok(typeof out.monitor?.id === 'string' && out.monitor.id.startsWith('mon_'), 'monitor.id starts with mon_', out.monitor);
    monitorId = out.monitor.id;
    return monitorId;
  });

  for (const node of [n2, n3]) {
    await h.check(`[${node?.name ?? 'missing node'}] get_monitor sees the monitor node 1 created`, async () => {
      const m = (await callOk(on(node), 'get_monitor', { monitorId: need(monitorId, 'monitor id') })).monitor;
      eq([m?.id, m?.name, m?.url, m?.intervalSeconds, m?.paused], [monitorId, 'Cluster checkout', 'http://127.0.0.1:9/checkout', 86400, false],
        '[id, name, url, intervalSeconds, paused]');
    });
  }

  await h.check('[node 3] update_monitor renames it and pause_monitor pauses it', async () => {
    const updated = await callOk(on(n3), 'update_monitor', { monitorId: need(monitorId, 'monitor id'), name: 'Cluster checkout v2' });
    eq(updated.monitor?.name, 'Cluster checkout v2', 'monitor.name');
    const paused = await callOk(on(n3), 'pause_monitor', { monitorId });
    eq([paused.monitor?.status, paused.changed], ['paused', true], '[status, changed]');
  });

  await h.check('[node 1] list_monitors sees the rename and the pause made on node 3', async () => {
    eq(await monitorsOn(n1), [[need(monitorId, 'monitor id'), 'Cluster checkout v2', 'paused']], '[id, name, status]');
  });

  await h.check('[node 2] pause_monitor again changes nothing: node 3 paused it already', async () => {
    const again = await callOk(on(n2), 'pause_monitor', { monitorId: need(monitorId, 'monitor id') });
    eq(again.changed, false, 'changed');
  });

  await h.check('[node 2] create_slo 99.9 % rolling 30 days', async () => {
    const out = await callOk(on(n2), 'create_slo', {
      monitorId: need(monitorId, 'monitor id'), name: 'Checkout 30-day', target: 99.9, windowType: 'rolling', windowLengthDays: 30,
    });
    ok(typeof out.slo?.id === 'string' && out.slo.id.startsWith('slo_'), 'slo.id starts with slo_', out.slo);
    sloId = out.slo.id;
    return sloId;
  });

  await h.check('[node 3] get_slo_status reads the SLO node 2 created', async () => {
    const out = await callOk(on(n3), 'get_slo_status', { monitorId: need(monitorId, 'monitor id'), sloId: need(sloId, 'SLO id') });
    eq([out.slo?.id, out.slo?.target, out.slo?.windowType, out.slo?.windowLengthDays], [sloId, 99.9, 'rolling', 30],
      'slo [id, target, windowType, windowLengthDays]');
  });

  await h.check('[node 1] update_slo target 99.5 → [node 2] get_slo_status sees 99.5', async () => {
    // update_slo replaces every field (PUT).
    const updated = await callOk(on(n1), 'update_slo', {
      monitorId: need(monitorId, 'monitor id'), sloId: need(sloId, 'SLO id'), name: 'Checkout 30-day', target: 99.5,
      windowType: 'rolling', windowLengthDays: 30,
    });
    eq(updated.slo?.target, 99.5, 'updated slo.target');
    const out = await callOk(on(n2), 'get_slo_status', { monitorId, sloId });
    eq(out.slo?.target, 99.5, 'slo.target read on node 2');
  });

  await h.check('[node 1] resume_monitor → [node 3] get_monitor paused false', async () => {
    await callOk(on(n1), 'resume_monitor', { monitorId: need(monitorId, 'monitor id') });
    const m = (await callOk(on(n3), 'get_monitor', { monitorId })).monitor;
    eq(m?.paused, false, 'paused');
  });

  await h.check('[node 3] delete_slo → [node 1] get_slo_status "SLO not found"', async () => {
    const out = await callOk(on(n3), 'delete_slo', { monitorId: need(monitorId, 'monitor id'), sloId: need(sloId, 'SLO id') });
    eq([out.deleted, out.sloId], [true, sloId], '[deleted, sloId]');
    const gone = await callErr(on(n1), 'get_slo_status', { monitorId, sloId });
    eq(gone.error, 'SLO not found', 'error on node 1');
  });

  let second;
  await h.check('[node 2] create_monitor a second one', async () => {
    const out = await callOk(on(n2), 'create_monitor', { type: 'website', name: 'Cluster search', url: 'http://127.0.0.1:9/search', intervalSeconds: 86400 });
    second = out.monitor?.id;
    ok(typeof second === 'string', 'monitor.id', out.monitor);
  });

  await h.check('every node lists the same final monitors and SLOs', async () => {
    const expected = [[need(monitorId, 'monitor id'), 'Cluster checkout v2'], [need(second, 'second id'), 'Cluster search']].sort();
    const lists = [];
    for (const node of nodes) {
      const monitors = await monitorsOn(need(node, 'connection'));
      eq(monitors.map(([id, name]) => [id, name]), expected, `${node.name} [id, name]`);
      const slos = await callOk(node.client, 'list_slos', { monitorId });
      eq(slos.slos, [], `${node.name} list_slos`);
      lists.push(monitors);
    }
    for (const list of lists.slice(1)) eq(list, lists[0], 'the same [id, name, status] rows on every node');
    return `${nodes.length} nodes agree`;
  });

  await closeAll(nodes);
}

/**
 * Every node gets LIMIT calls of one key at once. A per-node limit would admit them all (3 × LIMIT); the shared
 * PostgreSQL count admits exactly LIMIT, and every other call is refused with HTTP 429 before MCP.
 */
async function sharedRateLimitScenario() {
  const nodes = await connectAll('limit', env('ENORI_CLUSTER_KEY_LIMIT'));
  const tally = nodes.map(() => ({ admitted: 0, refused: 0, other: [] }));
  const started = Date.now();

  await h.check(`[limit] ${LIMIT} calls on each of ${URLS.length} nodes at once → exactly ${LIMIT} admitted in total`, async () => {
    ok(nodes.every(Boolean), 'skipped: not every node connected');
    await Promise.all(nodes.map(async (node, i) => {
      for (let call = 0; call < LIMIT; call++) {
        try {
          await callOk(node.client, 'list_monitors', {});
          tally[i].admitted++;
        } catch (e) {
          if (mentions429(e) && String(e.message).includes('Rate limit exceeded')) tally[i].refused++;
          else tally[i].other.push(`${e.constructor?.name}: ${e.message}`);
        }
      }
    }));
    const elapsed = Date.now() - started;
    const summary = tally.map((t, i) => `node ${i + 1}: ${t.admitted} admitted, ${t.refused} refused`).join('; ');
    console.log(`# ${summary}; ${elapsed} ms`);
    eq(tally.flatMap((t) => t.other), [], 'answers other than success or a 429 "Rate limit exceeded"');
    ok(elapsed < WINDOW_BUDGET_MS, `all calls inside ${WINDOW_BUDGET_MS} ms`, elapsed);
    eq(tally.reduce((sum, t) => sum + t.admitted, 0), LIMIT, 'calls admitted over all nodes');
    eq(tally.reduce((sum, t) => sum + t.refused, 0), (URLS.length - 1) * LIMIT, 'calls refused with 429 over all nodes');
    return summary;
  });

  await h.check('[limit] once the cluster is over the limit, every node refuses the next call with 429', async () => {
    for (const node of nodes) {
      try {
        const result = await need(node, 'connection').client.callTool({ name: 'list_monitors', arguments: {} });
        fail(`${node.name} answered instead of refusing: ${show(result)}`);
      } catch (e) {
        ok(mentions429(e), `${node.name}: the error reports HTTP status 429`, `${e.constructor?.name} code ${e.code}: ${e.message}`);
      }
    }
  });

  await closeAll(nodes, mentions429);
}

try {
  if (URLS.length < 3) throw new Error(`ENORI_CLUSTER_URLS must name at least 3 nodes, got ${URLS.length}`);
  if (!Number.isInteger(LIMIT) || LIMIT < 1) throw new Error(`ENORI_CLUSTER_RATE_LIMIT must be a positive integer`);
  console.log(`# ${URLS.length} nodes; rate limit ${LIMIT}/min per key`);
  await sharedStateScenario();
  await sharedRateLimitScenario();
} catch (e) {
  h.fail('scenario ran to the end', e?.stack ?? String(e));
}
process.exit(h.summary());
