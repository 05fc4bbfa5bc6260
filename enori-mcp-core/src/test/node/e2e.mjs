// End-to-end scenario: drives the Enori MCP server through the official TypeScript MCP client.
//
// Prints one line per check (PASS/FAIL), diagnostics prefixed with "#", and ends with exactly
// "N passed, M failed"; exits non-zero when M > 0.
//
// The same calls and the same expected answers on every transport; only connecting differs, plus
// checks that exist on one transport alone (HTTP status codes, sessions), chosen by transport below.
//
// Environment:
//   ENORI_E2E_TRANSPORT  stdio (default) | streamable-http | streamable-http-stateless | sse
//   ENORI_E2E_KEY_RW     API key of account A with monitors:read + monitors:write
//   ENORI_E2E_KEY_RO     API key of account A with monitors:read only
//   ENORI_E2E_KEY_OTHER  API key of another account B with monitors:read + monitors:write
//   ENORI_E2E_KEY_LIMIT  API key with monitors:read used by nothing else (driven into its rate limit of 60/min)
//   ENORI_E2E_KEY_STORY and ENORI_E2E_STORY_*: account "story" as incident-story.mjs describes
//   stdio:               ENORI_E2E_JAR (server jar), ENORI_E2E_JAVA (java binary), ENORI_E2E_DB_URL
//   HTTP transports:     ENORI_E2E_URL (the /mcp endpoint, or the SSE endpoint for sse); keys go in X-Api-Key
//   ENORI_E2E_TIMEOUT_MS overall deadline (default 170000); ENORI_E2E_VERBOSE=1 prints server stderr always
// Account A must start with no monitors.
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { Harness, approx, callErr, callOk, eq, fail, isoWithOffset, need, ok, show, startsWith } from './harness.mjs';
import { checkCatalog } from './catalog.mjs';
import { startTarget, stopTarget } from './local-target.mjs';
import { checkEnvironment, connect, transportKind } from './transports.mjs';
import { credentialsScenario, sessionScenario, statelessScenario } from './access.mjs';
import { rateLimitScenario } from './rate-limit.mjs';
import { incidentStoryScenario } from './incident-story.mjs';
import { sloStoryScenario } from './slo-story.mjs';
import { samplingScenario } from './sampling.mjs';

const MINUTE = 60_000;

const h = new Harness();
const kind = transportKind();
const verbose = process.env.ENORI_E2E_VERBOSE === '1';

const deadline = setTimeout(() => {
  h.fail('scenario finished in time', `still running after ${process.env.ENORI_E2E_TIMEOUT_MS || 170000} ms`);
  process.exit(h.summary() || 1);
}, Number(process.env.ENORI_E2E_TIMEOUT_MS || 170_000));
deadline.unref();

function key(name) {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is required`);
  return value;
}

/** Opens a connection as a check; returns undefined (and records a failure) when it cannot. */
async function open(label, apiKey, options) {
  let conn;
  await h.check(`[${label}] connect over ${kind}`, async () => {
    try {
      conn = await connect(kind, apiKey, label, options);
    } catch (e) {
      printServerLog(label, e.serverLog);
      throw e;
    }
    const server = conn.client.getServerVersion();
    ok(server && typeof server.name === 'string', 'server reports its name in initialize', server);
    return `${server.name} ${server.version}`;
  });
  return conn;
}

/** Closes a connection, asserting the client saw no transport errors (e.g. non-JSON on stdout). */
async function shut(label, conn, failedBefore) {
  if (!conn) return;
  const what = kind === 'stdio' ? 'client saw no transport errors (stdout carried only JSON-RPC)' : 'client saw no transport errors';
  await h.check(`[${label}] ${what}`, () => {
    eq(conn.errors.map((e) => e.message), [], 'client onerror reports');
  });
  await conn.close().catch((e) => console.log(`# close failed: ${e.message}`));
  if (verbose || h.failed > failedBefore) printServerLog(label, conn.serverLog());
}

function printServerLog(label, log) {
  if (!log) return;
  const lines = log.trimEnd().split('\n');
  console.log(`# server stderr (${label}, last ${Math.min(lines.length, 60)} of ${lines.length} lines):`);
  for (const line of lines.slice(-60)) console.log(`#   ${line}`);
}

async function ownerScenario(target) {
  const label = 'rw';
  const failedBefore = h.failed;
  const conn = await open(label, key('ENORI_E2E_KEY_RW'));
  const client = () => need(conn, 'rw connection').client;
  let monitorId;
  let up;
  let down;

  await checkCatalog(h, client);

  await h.check('create_monitor website at the local target with keyword', async () => {
    const out = await callOk(client(), 'create_monitor', {
      type: 'website', name: 'E2E local target', url: target.url, keyword: 'enori',
      // Daily: the server's scheduler runs too, and a scheduled check must not land between the exact counts below.
      intervalSeconds: 86400,
    });
    const m = out.monitor;
    ok(typeof m?.id === 'string' && m.id.startsWith('mon_'), 'monitor.id starts with mon_', m?.id);
    eq([m.name, m.type, m.url, m.intervalSeconds], ['E2E local target', 'website', target.url, 86400], '[name, type, url, intervalSeconds]');
    monitorId = m.id;
    return monitorId;
  });

  await h.check('check_now while the target is up → up, statusCode 200', async () => {
    const out = await callOk(client(), 'check_now', { monitorId: need(monitorId, 'monitor id') });
    eq(out.monitorId, monitorId, 'monitorId');
    up = out.result;
    ok(typeof up?.id === 'string' && up.id.startsWith('chk_'), 'result.id starts with chk_', up?.id);
    eq([up.status, up.statusCode], ['up', 200], '[status, statusCode]');
    ok(typeof up.responseTimeMs === 'number' && up.responseTimeMs >= 0, 'responseTimeMs is a number ≥ 0', up.responseTimeMs);
    isoWithOffset(up.checkedAt, 'checkedAt');
    ok(target.hits >= 1, 'the local target actually received a request', target.hits);
    eq(out.monitorStatus, 'up', 'monitorStatus');
    return `${up.responseTimeMs} ms, ${target.hits} hit(s)`;
  });

  await stopTarget(target);

  await h.check('check_now after the target closed → down with an error', async () => {
    const out = await callOk(client(), 'check_now', { monitorId: need(monitorId, 'monitor id') });
    down = out.result;
    eq(down?.status, 'down', 'result.status');
    ok(typeof down.error === 'string' && down.error.length > 0, 'result.error is a non-empty string', down.error);
    ok(down.id !== need(up, 'first check').id, 'a new check id', down.id);
    isoWithOffset(down.checkedAt, 'checkedAt');
    ok(['up', 'down', 'pending'].includes(out.monitorStatus), 'monitorStatus is up|down|pending', out.monitorStatus);
    return down.error;
  });

  await h.check('get_check_results → the 2 checks, newest first', async () => {
    const out = await callOk(client(), 'get_check_results', { monitorId: need(monitorId, 'monitor id') });
    eq(out.monitorId, monitorId, 'monitorId');
    const rows = out.results ?? [];
    eq(rows.map((r) => [r.id, r.status]), [[need(down, 'down check').id, 'down'], [need(up, 'up check').id, 'up']], '[id, status] rows');
    eq(rows[1].statusCode, 200, 'up row statusCode');
    ok(isoWithOffset(rows[0].checkedAt, 'row 0 checkedAt') >= isoWithOffset(rows[1].checkedAt, 'row 1 checkedAt'), 'newest first', rows);
    isoWithOffset(out.since, 'since');
    isoWithOffset(out.until, 'until');
  });

  await h.check('get_check_results status=down → only the down check', async () => {
    const out = await callOk(client(), 'get_check_results', { monitorId: need(monitorId, 'monitor id'), status: 'down' });
    eq((out.results ?? []).map((r) => r.id), [need(down, 'down check').id], 'result ids');
  });

  await h.check('get_check_results pages with limit 1 and nextCursor', async () => {
    const first = await callOk(client(), 'get_check_results', { monitorId: need(monitorId, 'monitor id'), limit: 1 });
    eq((first.results ?? []).map((r) => r.id), [need(down, 'down check').id], 'page 1 ids');
    ok(typeof first.nextCursor === 'string' && first.nextCursor.length > 0, 'page 1 has a nextCursor', first.nextCursor);
    const second = await callOk(client(), 'get_check_results', { monitorId, limit: 1, cursor: first.nextCursor });
    eq((second.results ?? []).map((r) => r.id), [need(up, 'up check').id], 'page 2 ids');
    ok(second.nextCursor === null || second.nextCursor === undefined, 'page 2 is the last page', second.nextCursor);
  });

  await h.check('get_monitor_stats → totalChecks 2, failedChecks 1, uptimePercent 50', async () => {
    const out = await callOk(client(), 'get_monitor_stats', { monitorId: need(monitorId, 'monitor id') });
    eq([out.monitorId, out.totalChecks, out.failedChecks], [monitorId, 2, 1], '[monitorId, totalChecks, failedChecks]');
    approx(out.uptimePercent, 50, 0.01, 'uptimePercent');
    ok(typeof out.avgResponseTimeMs === 'number', 'avgResponseTimeMs is a number', out.avgResponseTimeMs);
    const span = isoWithOffset(out.until, 'until') - isoWithOffset(out.since, 'since');
    approx(span / MINUTE, 24 * 60, 1, 'default range length in minutes (24 h)');
    approx(isoWithOffset(out.until, 'until'), Date.now(), 2 * MINUTE, 'default range ends now (ms)');
  });

  await h.check('list_monitors shows exactly the new monitor', async () => {
    const out = await callOk(client(), 'list_monitors', {});
    eq((out.monitors ?? []).map((m) => [m.id, m.name, m.type]), [[need(monitorId, 'monitor id'), 'E2E local target', 'website']], '[id, name, type]');
    eq(out.monitors[0].intervalSeconds, 86400, 'intervalSeconds');
    isoWithOffset(out.monitors[0].lastCheckedAt, 'lastCheckedAt');
  });

  await h.check('get_health_summary lists the monitor with its 2 checks and 50 % errors', async () => {
    const out = await callOk(client(), 'get_health_summary', {});
    const row = (out.monitors ?? []).find((m) => m.monitorId === need(monitorId, 'monitor id'));
    ok(row, 'monitor present in health summary', out.monitors);
    eq(row.totalChecks, 2, 'totalChecks');
    approx(row.errorRatePercent, 50, 0.01, 'errorRatePercent');
    isoWithOffset(row.lastSuccessAt, 'lastSuccessAt');
  });

  await h.check('get_monitor returns the full config', async () => {
    const m = (await callOk(client(), 'get_monitor', { monitorId: need(monitorId, 'monitor id') })).monitor;
    eq([m?.id, m?.url, m?.paused, m?.intervalSeconds, m?.type], [monitorId, target.url, false, 86400, 'website'], '[id, url, paused, intervalSeconds, type]');
    ok(typeof m.timeoutMs === 'number' && typeof m.alertAfterFailures === 'number', 'timeoutMs and alertAfterFailures are numbers', m);
  });

  await h.check('pause_monitor → status paused', async () => {
    const out = await callOk(client(), 'pause_monitor', { monitorId: need(monitorId, 'monitor id') });
    eq([out.monitor?.id, out.monitor?.status, out.changed], [monitorId, 'paused', true], '[id, status, changed]');
    const again = await callOk(client(), 'pause_monitor', { monitorId });
    eq(again.changed, false, 'pausing twice changes nothing');
  });

  await h.check('list_monitors status=paused finds it', async () => {
    const out = await callOk(client(), 'list_monitors', { status: 'paused' });
    eq((out.monitors ?? []).map((m) => [m.id, m.status]), [[need(monitorId, 'monitor id'), 'paused']], '[id, status]');
  });

  await h.check('resume_monitor → no longer paused', async () => {
    const m = (await callOk(client(), 'resume_monitor', { monitorId: need(monitorId, 'monitor id') })).monitor;
    ok(m?.status === 'up' || m?.status === 'down', 'status is back to its last check (up/down)', m?.status);
    const full = (await callOk(client(), 'get_monitor', { monitorId })).monitor;
    eq(full?.paused, false, 'get_monitor paused');
    const paused = await callOk(client(), 'list_monitors', { status: 'paused' });
    eq(paused.monitors, [], 'list_monitors status=paused');
  });

  let snoozedUntil;
  await h.check('snooze_monitor 60 min → snoozed until ~60 min ahead', async () => {
    const out = await callOk(client(), 'snooze_monitor', { monitorId: need(monitorId, 'monitor id'), durationMinutes: 60 });
    eq([out.monitorId, out.snoozed], [monitorId, true], '[monitorId, snoozed]');
    approx(isoWithOffset(out.until, 'until') - Date.now(), 60 * MINUTE, 2 * MINUTE, 'until - now (ms)');
    snoozedUntil = out.until;
    return out.until;
  });

  await h.check('get_snooze_status → snoozed true, same until', async () => {
    const out = await callOk(client(), 'get_snooze_status', { monitorId: need(monitorId, 'monitor id') });
    eq(out.snoozed, true, 'snoozed');
    eq(Date.parse(out.until), Date.parse(need(snoozedUntil, 'snooze until')), 'until (as instant)');
  });

  await h.check('unsnooze_monitor → get_snooze_status snoozed false', async () => {
    const out = await callOk(client(), 'unsnooze_monitor', { monitorId: need(monitorId, 'monitor id') });
    eq([out.monitorId, out.snoozed], [monitorId, false], '[monitorId, snoozed]');
    const status = await callOk(client(), 'get_snooze_status', { monitorId });
    eq(status.snoozed, false, 'get_snooze_status snoozed');
  });

  await h.check('update_monitor name → changed includes name; other fields untouched', async () => {
    const out = await callOk(client(), 'update_monitor', { monitorId: need(monitorId, 'monitor id'), name: 'E2E renamed' });
    ok(Array.isArray(out.changed) && out.changed.includes('name'), 'changed includes "name"', out.changed);
    ok(!out.changed.includes('url') && !out.changed.includes('intervalSeconds'), 'changed lists only what was passed', out.changed);
    eq(out.monitor?.name, 'E2E renamed', 'monitor.name');
    const m = (await callOk(client(), 'get_monitor', { monitorId })).monitor;
    eq([m.name, m.url, m.intervalSeconds], ['E2E renamed', target.url, 86400], 'get_monitor [name, url, intervalSeconds]');
  });

  await h.check('share_monitor → shareUrl', async () => {
    const out = await callOk(client(), 'share_monitor', { monitorId: need(monitorId, 'monitor id'), action: 'create' });
    eq(out.monitorId, monitorId, 'monitorId');
    ok(typeof out.shareUrl === 'string' && /^https?:\/\/\S+$/.test(out.shareUrl), 'shareUrl is an http(s) URL', out.shareUrl);
    return out.shareUrl;
  });

  const badInputs = [
    ['intervalSeconds -5', { type: 'website', name: 'bad', url: target.url, intervalSeconds: -5 }, 'Invalid argument: intervalSeconds'],
    ['type "ftp"', { type: 'ftp', name: 'bad', url: target.url }, 'Invalid argument: type'],
    ['missing name', { type: 'website', url: target.url }, 'Invalid argument: name'],
    ['100000-char name', { type: 'website', name: 'x'.repeat(100_000), url: target.url }, 'Invalid argument: name'],
    ['intervalSeconds "abc"', { type: 'website', name: 'bad', url: target.url, intervalSeconds: 'abc' }, 'Invalid argument: intervalSeconds'],
    ['unknown field foo', { type: 'website', name: 'bad', url: target.url, foo: 1 }, 'Invalid argument'],
  ];
  for (const [what, args, prefix] of badInputs) {
    await h.check(`create_monitor with ${what} → isError "${prefix}…"`, async () => {
      const body = await callErr(client(), 'create_monitor', args);
      startsWith(body.error, prefix, 'error');
      if (what === 'unknown field foo') ok(body.error.includes('foo') || show(body).includes('"foo"'), 'error names the field foo', body);
      return body.error.length > 120 ? `${body.error.slice(0, 120)}…` : body.error;
    });
  }

  await h.check('after the rejected creates list_monitors still shows exactly 1 monitor', async () => {
    const out = await callOk(client(), 'list_monitors', {});
    eq((out.monitors ?? []).map((m) => m.id), [need(monitorId, 'monitor id')], 'monitor ids');
  });

  let secondId;
  await h.check('create_monitor accepts intervalSeconds as numeric string "60"', async () => {
    const m = (await callOk(client(), 'create_monitor', {
      type: 'website', name: 'E2E numeric string', url: 'http://127.0.0.1:9/', intervalSeconds: '60',
    })).monitor;
    eq(m?.intervalSeconds, 60, 'monitor.intervalSeconds (a number)');
    secondId = m.id;
  });

  await h.check('list_monitors now shows 2 monitors, pageable with limit 1', async () => {
    const all = await callOk(client(), 'list_monitors', {});
    eq((all.monitors ?? []).map((m) => m.id).sort(), [need(monitorId, 'monitor id'), need(secondId, 'second id')].sort(), 'monitor ids');
    const p1 = await callOk(client(), 'list_monitors', { limit: 1 });
    ok(p1.monitors?.length === 1 && typeof p1.nextCursor === 'string', 'page 1: one monitor and a nextCursor', p1);
    const p2 = await callOk(client(), 'list_monitors', { limit: 1, cursor: p1.nextCursor });
    ok(p2.monitors?.length === 1 && p2.monitors[0].id !== p1.monitors[0].id, 'page 2: the other monitor', p2);
  });

  await h.check('unknown tool name → JSON-RPC error (client throws)', async () => {
    try {
      const result = await client().callTool({ name: 'no_such_tool', arguments: {} });
      fail(`expected a JSON-RPC error, got a result: ${show(result)}`);
    } catch (e) {
      if (!(e instanceof McpError)) throw e;
      ok(typeof e.code === 'number' && e.code < 0, 'JSON-RPC error code', e.code);
      return `code ${e.code}: ${e.message}`;
    }
  });

  await shut(label, conn, failedBefore);
  return { monitorId, secondId };
}

async function readOnlyScenario(monitorId) {
  const label = 'ro';
  const failedBefore = h.failed;
  const conn = await open(label, key('ENORI_E2E_KEY_RO'));
  const client = () => need(conn, 'ro connection').client;
  await conn?.client.listTools().catch(() => {}); // as real clients do; enables output-schema validation
  await h.check('[ro] list_monitors works and sees the account\'s 2 monitors', async () => {
    const out = await callOk(client(), 'list_monitors', {});
    eq(out.monitors?.length, 2, 'number of monitors');
    ok(out.monitors.some((m) => m.id === need(monitorId, 'monitor id')), 'includes the first monitor', out.monitors);
  });
  await h.check('[ro] create_monitor → "Insufficient scope" requiring monitors:write', async () => {
    const body = await callErr(client(), 'create_monitor', { type: 'website', name: 'nope', url: 'http://127.0.0.1:9/' });
    eq([body.error, body.requiredScope], ['Insufficient scope', 'monitors:write'], '[error, requiredScope]');
  });
  await shut(label, conn, failedBefore);
}

async function otherAccountScenario(monitorId) {
  const label = 'other';
  const failedBefore = h.failed;
  const conn = await open(label, key('ENORI_E2E_KEY_OTHER'));
  const client = () => need(conn, 'other connection').client;
  await conn?.client.listTools().catch(() => {});
  await h.check('[other] get_monitor of account A\'s monitor → "Monitor not found"', async () => {
    const body = await callErr(client(), 'get_monitor', { monitorId: need(monitorId, 'monitor id') });
    eq(body.error, 'Monitor not found', 'error');
  });
  await h.check('[other] check_now of account A\'s monitor → "Monitor not found"', async () => {
    const body = await callErr(client(), 'check_now', { monitorId: need(monitorId, 'monitor id') });
    eq(body.error, 'Monitor not found', 'error');
  });
  await h.check('[other] list_monitors sees none of account A\'s monitors', async () => {
    const out = await callOk(client(), 'list_monitors', {});
    eq(out.monitors, [], 'monitors');
  });
  await shut(label, conn, failedBefore);
}

async function main() {
  checkEnvironment(kind);
  const target = await startTarget();
  console.log(`# transport ${kind}; local target ${target.url}`);
  const { monitorId, secondId } = await ownerScenario(target);
  await readOnlyScenario(monitorId);
  await otherAccountScenario(monitorId);
  const ctx = { h, kind, open, shut };
  await incidentStoryScenario(ctx);
  await sloStoryScenario(ctx);
  await samplingScenario(ctx);
  await credentialsScenario(ctx);
  await rateLimitScenario({ ...ctx, apiKey: key('ENORI_E2E_KEY_LIMIT') });
  if (kind === 'streamable-http') await sessionScenario({ ...ctx, apiKey: key('ENORI_E2E_KEY_RW') });
  if (kind === 'streamable-http-stateless') {
    await statelessScenario({ ...ctx, apiKey: key('ENORI_E2E_KEY_RW'), expectedMonitors: [monitorId, secondId].filter(Boolean) });
  }
}

try {
  await main();
} catch (e) {
  h.fail('scenario ran to the end', e?.stack ?? String(e));
}
process.exit(h.summary());
