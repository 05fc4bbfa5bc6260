// The internal stdio flavor's admin tools through the TypeScript MCP client: the server is started with
// ENORI_ADMIN_KEY (and its hash in ENORI_ADMIN_KEY_HASH); a second connection without the key must see no admin
// tool. Env: ENORI_E2E_JAR, ENORI_E2E_DB_URL, ENORI_E2E_API_KEY, ENORI_E2E_ADMIN_KEY, ENORI_E2E_ADMIN_KEY_HASH,
// ENORI_E2E_ACCOUNT_ID, ENORI_E2E_JAVA. Last line: "N passed, M failed".
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { Harness, CheckFailure } from './harness.mjs';

const h = new Harness();
const need = (n) => { const v = process.env[n]; if (!v) throw new Error(`${n} is required`); return v; };
const account = need('ENORI_E2E_ACCOUNT_ID');

async function connect(admin) {
  const java = process.env.ENORI_E2E_JAVA || 'java';
  const env = { ENORI_DB_URL: need('ENORI_E2E_DB_URL'), ENORI_API_KEY: need('ENORI_E2E_API_KEY') };
  if (admin) {
    env.ENORI_ADMIN_KEY = need('ENORI_E2E_ADMIN_KEY');
    env.ENORI_ADMIN_KEY_HASH = need('ENORI_E2E_ADMIN_KEY_HASH');
  }
  for (const n of ['PATH', 'HOME']) if (process.env[n]) env[n] = process.env[n];
  env.JAVA_HOME = process.env.JAVA_HOME || path.dirname(path.dirname(java));
  const client = new Client({ name: 'enori-admin-e2e', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: java, args: ['-jar', need('ENORI_E2E_JAR')], env, stderr: 'pipe' }));
  return client;
}

function assert(cond, msg) { if (!cond) throw new CheckFailure(msg); }
const text = (r) => r.content?.[0]?.text ?? '';
async function ok(client, name, args) {
  const r = await client.callTool({ name, arguments: args });
  assert(!r.isError, `${name} ${JSON.stringify(args)} failed: ${text(r)}`);
  return r.structuredContent ?? JSON.parse(text(r));
}
async function err(client, name, args) {
  const r = await client.callTool({ name, arguments: args });
  assert(r.isError, `${name} should fail but answered ${text(r).slice(0, 200)}`);
  return JSON.parse(text(r)).error;
}

const ADMIN_TOOLS = ['manage_monitors', 'manage_incidents', 'manage_slos', 'manage_alert_channels', 'manage_status_pages',
  'manage_maintenance_windows', 'manage_api_keys', 'manage_accounts', 'admin_server_stats', 'admin_rate_limits',
  'admin_recent_errors', 'db_validate', 'db_stats', 'admin_audit_log'];

async function main() {
  const plain = await connect(false);
  await h.check('without the admin key: no admin tool listed', async () => {
    const names = (await plain.listTools()).tools.map((t) => t.name);
    const leaked = names.filter((n) => ADMIN_TOOLS.includes(n));
    assert(leaked.length === 0, `listed ${leaked}`);
  });
  await h.check('without the admin key: manage_monitors is an unknown tool (JSON-RPC error)', async () => {
    try {
      const r = await plain.callTool({ name: 'manage_monitors', arguments: { action: 'list', accountId: account } });
      throw new CheckFailure(`answered a result: ${text(r)}`);
    } catch (e) {
      if (e instanceof CheckFailure) throw e;
      assert(/unknown tool|not found/i.test(e.message), `unexpected error ${e.message}`);
    }
  });
  await plain.close();

  const c = await connect(true);
  const calls = {};
  const track = async (fn, name, args) => { calls[name] = (calls[name] ?? 0) + 1; return fn(c, name, args); };
  await h.check('with the admin key: every admin tool listed', async () => {
    const names = (await c.listTools()).tools.map((t) => t.name);
    const missing = ADMIN_TOOLS.filter((n) => !names.includes(n));
    assert(missing.length === 0, `missing ${missing}`);
  });
  let monitorId;
  await h.check('manage_monitors CRUD', async () => {
    const created = await track(ok, 'manage_monitors', { action: 'create', accountId: account, type: 'website', name: 'Admin shop', url: 'https://shop.example.com' });
    monitorId = created.monitor.id;
    await track(ok, 'manage_monitors', { action: 'update', accountId: account, monitorId, name: 'Admin shop 2' });
    const got = await track(ok, 'manage_monitors', { action: 'get', accountId: account, monitorId });
    assert(got.monitor.name === 'Admin shop 2', `name ${got.monitor.name}`);
    const list = await track(ok, 'manage_monitors', { action: 'list', accountId: account });
    assert(JSON.stringify(list).includes(monitorId), 'not listed');
  });
  await h.check('manage_slos CRUD, and a broken rule gives the same message as create_slo', async () => {
    const bad = { monitorId, name: 'A', sliType: 'availability', target: 120, windowType: 'rolling', windowLengthDays: 30 };
    const pub = await err(c, 'create_slo', bad);
    const adm = await track(err, 'manage_slos', { action: 'create', accountId: account, ...bad });
    assert(pub === adm, `create_slo: ${pub} / manage_slos: ${adm}`);
    const created = await track(ok, 'manage_slos', { action: 'create', accountId: account, ...bad, target: 99 });
    const sloId = created.slo.id;
    await track(ok, 'manage_slos', { action: 'update', accountId: account, ...bad, sloId, target: 99.5 });
    await track(ok, 'manage_slos', { action: 'get', accountId: account, monitorId, sloId });
    assert(JSON.stringify(await track(ok, 'manage_slos', { action: 'list', accountId: account, monitorId })).includes(sloId), 'not listed');
    await track(ok, 'manage_slos', { action: 'delete', accountId: account, monitorId, sloId });
    return pub;
  });
  await h.check('manage_maintenance_windows create/get/list/delete', async () => {
    const w = await track(ok, 'manage_maintenance_windows', { action: 'create', accountId: account, name: 'Deploy', durationMinutes: 30, startsAt: new Date(Date.now() + 86_400_000).toISOString(), monitorIds: [monitorId] });
    const windowId = w.window?.id ?? w.id ?? JSON.stringify(w).match(/"(mw_[A-Za-z0-9]+)"/)?.[1];
    assert(windowId, `no window id in ${JSON.stringify(w).slice(0, 200)}`);
    await track(ok, 'manage_maintenance_windows', { action: 'get', accountId: account, windowId });
    await track(ok, 'manage_maintenance_windows', { action: 'list', accountId: account });
    await track(ok, 'manage_maintenance_windows', { action: 'delete', accountId: account, windowId });
  });
  await h.check('manage_alert_channels create/get/list/delete', async () => {
    const ch = await track(ok, 'manage_alert_channels', { action: 'create', accountId: account, type: 'email', name: 'Ops', target: 'ops@example.com' });
    const channelId = ch.channel.id;
    await track(ok, 'manage_alert_channels', { action: 'get', accountId: account, channelId });
    await track(ok, 'manage_alert_channels', { action: 'list', accountId: account });
    await track(ok, 'manage_alert_channels', { action: 'delete', accountId: account, channelId });
  });
  await h.check('manage_status_pages create/get/list/delete', async () => {
    const sp = await track(ok, 'manage_status_pages', { action: 'create', accountId: account, name: 'Public', components: [{ name: 'Shop', monitorId }] });
    const statusPageId = sp.statusPage.id;
    await track(ok, 'manage_status_pages', { action: 'get', accountId: account, statusPageId });
    await track(ok, 'manage_status_pages', { action: 'list', accountId: account });
    await track(ok, 'manage_status_pages', { action: 'delete', accountId: account, statusPageId });
  });
  await h.check('manage_api_keys create/get/list/delete', async () => {
    const k = await track(ok, 'manage_api_keys', { action: 'create', accountName: 'admin-e2e-other', scopes: 'monitors:read', name: 'ci' });
    assert(k.key?.startsWith('enr_'), 'no key returned');
    await track(ok, 'manage_api_keys', { action: 'get', keyId: k.keyId });
    await track(ok, 'manage_api_keys', { action: 'list', accountId: k.accountId });
    await track(ok, 'manage_api_keys', { action: 'delete', keyId: k.keyId });
  });
  await h.check('manage_accounts list/get/update', async () => {
    await track(ok, 'manage_accounts', { action: 'list' });
    const up = await track(ok, 'manage_accounts', { action: 'update', accountId: account, maxMonitors: 77 });
    assert(up.account.plan.maxMonitors === 77, JSON.stringify(up));
    const got = await track(ok, 'manage_accounts', { action: 'get', accountId: account });
    assert(got.account.plan.maxMonitors === 77, JSON.stringify(got));
  });
  await h.check('manage_incidents list/get/update (acknowledge, resolve)/delete', async () => {
    const list = await track(ok, 'manage_incidents', { action: 'list', accountId: account });
    assert(JSON.stringify(list).includes('inc_E2E'), `inc_E2E not listed: ${JSON.stringify(list).slice(0, 300)}`);
    await track(ok, 'manage_incidents', { action: 'update', accountId: account, incidentId: 'inc_E2E', status: 'acknowledged', note: 'looking' });
    await track(ok, 'manage_incidents', { action: 'update', accountId: account, incidentId: 'inc_E2E', status: 'resolved', note: 'fixed' });
    const got = await track(ok, 'manage_incidents', { action: 'get', accountId: account, incidentId: 'inc_E2E' });
    assert(JSON.stringify(got).includes('resolved'), JSON.stringify(got).slice(0, 300));
    await track(ok, 'manage_incidents', { action: 'delete', accountId: account, incidentId: 'inc_E2E' });
    await track(err, 'manage_incidents', { action: 'get', accountId: account, incidentId: 'inc_E2E' });
  });
  await h.check('manage_monitors delete', async () => {
    await track(ok, 'manage_monitors', { action: 'delete', accountId: account, monitorId });
    await track(err, 'manage_monitors', { action: 'get', accountId: account, monitorId });
  });
  await h.check('db_validate is clean; db_stats counts rows', async () => {
    const v = await ok(c, 'db_validate', {});
    assert(v.clean === true, JSON.stringify(v));
    const s = await ok(c, 'db_stats', {});
    assert(s.rowCounts.accounts >= 1, JSON.stringify(s));
  });
  await h.check('admin_server_stats counts the calls made', async () => {
    const stats = await ok(c, 'admin_server_stats', {});
    const by = Object.fromEntries(stats.tools.map((t) => [t.tool, t]));
    for (const [name, n] of Object.entries(calls)) {
      assert(by[name]?.calls === n, `${name}: counted ${by[name]?.calls}, made ${n}`);
    }
    assert(by.create_slo?.errors === 1, `create_slo errors ${by.create_slo?.errors}`);
  });
  await h.check('admin_audit_log lists the admin calls, key masked', async () => {
    const log = await ok(c, 'admin_audit_log', { limit: 200 });
    assert(log.entries.some((e) => e.tool === 'manage_slos'), 'no manage_slos entry');
    assert(!JSON.stringify(log).includes('ops@example.com'), 'target not masked');
  });
  await c.close();
}

const timer = setTimeout(() => { h.fail('global', 'timed out after 150 s'); process.exit(h.summary()); }, 150_000);
try { await main(); } catch (e) { h.fail('admin scenario', e?.stack ?? String(e)); }
clearTimeout(timer);
process.exit(h.summary());
