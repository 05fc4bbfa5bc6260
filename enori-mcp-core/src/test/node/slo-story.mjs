// The SLO story of the seed docs, through tools: find the production monitor, put a 99.5 % calendar-monthly
// availability SLO on it (MSA commitment, maintenance and paused time excluded, balanced burn alerts), read its
// status and the list, add a 99.9 % rolling-30-day SLO, see three bad inputs refused with messages a model can act
// on, read the SLA report and the breaches, and delete one SLO.
//
// Runs after the incident story on the same account (ENORI_E2E_KEY_STORY, all scopes; its one monitor is
// ENORI_E2E_STORY_MONITOR), so the monitor already has down and up checks and a maintenance window.
import { callErr, callOk, eq, isoWithOffset, need, ok, startsWith } from './harness.mjs';

const HEALTH = ['green', 'amber', 'red'];

function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is required`);
  return value;
}

/** The first instant of the current UTC month, and of the next, as the server renders them. */
function utcMonth() {
  const now = new Date();
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
  return [iso(start), iso(end)];
}

export async function sloStoryScenario({ h, open, shut }) {
  const label = 'slo';
  const failedBefore = h.failed;
  const storyMonitor = env('ENORI_E2E_STORY_MONITOR');
  const conn = await open(label, env('ENORI_E2E_KEY_STORY'));
  const client = () => need(conn, 'slo connection').client;
  await conn?.client.listTools().catch(() => {}); // arms output-schema validation, as real clients do
  let monitorId;
  let monthlyId;
  let rollingId;

  await h.check('[slo] list_monitors finds the production monitor', async () => {
    const out = await callOk(client(), 'list_monitors', {});
    const row = (out.monitors ?? []).find((m) => m.id === storyMonitor);
    ok(row, 'the story monitor is listed', out.monitors);
    monitorId = row.id;
  });

  await h.check('[slo] create_slo: 99.5 % availability, calendar monthly, exclusions, balanced burn alerts', async () => {
    const out = await callOk(client(), 'create_slo', {
      monitorId: need(monitorId, 'monitor id'), name: 'MSA monthly uptime', sliType: 'availability', target: 99.5,
      windowType: 'calendar', calendarCycle: 'monthly', excludeMaintenance: true, excludePaused: true,
      burnAlertPolicy: 'balanced', description: 'MSA §4.2 — monthly uptime commitment for paying customers',
    });
    startsWith(out.slo?.id, 'slo_', 'slo.id');
    eq([out.slo.target, out.slo.sliType, out.slo.window], [99.5, 'availability', 'calendar monthly'], 'slo [target, sliType, window]');
    eq(out.windowStart, utcMonth()[0], 'windowStart (first of the UTC month)');
    ok(HEALTH.includes(out.status), 'status is green, amber or red', out.status);
    monthlyId = out.slo.id;
  });

  await h.check('[slo] get_slo_status: target 99.5 exactly, calendar month window, a colour and the why', async () => {
    const out = await callOk(client(), 'get_slo_status', { monitorId, sloId: need(monthlyId, 'monthly SLO id') });
    eq(out.slo?.target, 99.5, 'slo.target');
    eq([out.slo.windowType, out.slo.calendarCycle, out.slo.windowLengthDays], ['calendar', 'monthly', null], 'slo window fields');
    eq([out.slo.excludeMaintenance, out.slo.excludePaused, out.slo.burnAlertPolicy], [true, true, 'balanced'], 'slo [excludeMaintenance, excludePaused, burnAlertPolicy]');
    eq(out.slo.description, 'MSA §4.2 — monthly uptime commitment for paying customers', 'slo.description');
    eq([out.windowStart, out.windowEnd], utcMonth(), '[windowStart, windowEnd]');
    ok(HEALTH.includes(out.status), 'status is green, amber or red', out.status);
    eq(out.errorBudgetPercent, 0.5, 'errorBudgetPercent');
    eq((out.burnAlerts ?? []).map((a) => a.name), ['fast_1h', 'fast_6h', 'slow_3d'], 'burn alert names');
    ok(typeof out.explanation === 'string' && out.explanation.length > 0, 'explanation in words', out.explanation);
    ok(out.noData === (out.achievedPercent === null), 'achievedPercent is null exactly when noData', out);
  });

  await h.check('[slo] list_slos shows it with its status', async () => {
    const out = await callOk(client(), 'list_slos', { monitorId });
    eq((out.slos ?? []).map((r) => r.slo?.id), [monthlyId], 'SLO ids');
    ok(HEALTH.includes(out.slos[0].status), 'row status', out.slos[0]);
  });

  await h.check('[slo] create_slo: 99.9 % rolling 30 days', async () => {
    const out = await callOk(client(), 'create_slo', { monitorId, name: 'API 30-day', target: '99.9', windowType: 'rolling', windowLengthDays: 30 });
    eq([out.slo?.target, out.slo?.window], [99.9, 'rolling 30 days'], 'slo [target, window]');
    isoWithOffset(out.windowStart, 'windowStart');
    rollingId = out.slo.id;
  });

  await h.check('[slo] windowLengthDays 31 → Invalid argument naming the allowed lengths', async () => {
    const body = await callErr(client(), 'create_slo', { monitorId, name: 'x', target: 99.9, windowType: 'rolling', windowLengthDays: 31 });
    startsWith(body.error, 'Invalid argument: windowLengthDays must be one of 7, 28, 30, 90, 365', 'error');
  });

  await h.check('[slo] target 99.9999 → Invalid argument: at most 3 decimals', async () => {
    const body = await callErr(client(), 'create_slo', { monitorId, name: 'x', target: 99.9999, windowType: 'rolling', windowLengthDays: 30 });
    startsWith(body.error, 'Invalid argument: target must be between 90.000 and 99.999 with at most 3 decimals', 'error');
  });

  await h.check('[slo] latency without latencyThresholdMs → Invalid argument', async () => {
    const body = await callErr(client(), 'create_slo', { monitorId, name: 'x', sliType: 'latency', target: 99, windowType: 'rolling', windowLengthDays: 7 });
    eq(body.error, 'Invalid argument: latencyThresholdMs is required for sliType latency (1-60000 ms)', 'error');
  });

  await h.check('[slo] get_slo_compliance: the current month and 3 before it', async () => {
    const out = await callOk(client(), 'get_slo_compliance', { monitorId, sloId: need(monthlyId, 'monthly SLO id') });
    eq(out.target, 99.5, 'target');
    eq((out.periods ?? []).length, 4, 'periods (current + 3)');
    eq([out.periods[0].start, out.periods[0].inProgress], [utcMonth()[0], true], 'current period [start, inProgress]');
    for (const p of out.periods) isoWithOffset(p.end, 'period end');
  });

  await h.check('[slo] get_slo_breaches answers for the last 30 days', async () => {
    const out = await callOk(client(), 'get_slo_breaches', { monitorId, sloId: need(monthlyId, 'monthly SLO id') });
    const span = isoWithOffset(out.until, 'until') - isoWithOffset(out.since, 'since');
    eq(span, 30 * 24 * 3600 * 1000, 'range length');
    ok(Array.isArray(out.breachedPeriods) && Array.isArray(out.burnAlertFirings), 'breachedPeriods and burnAlertFirings are arrays', out);
  });

  await h.check('[slo] delete_slo removes the rolling SLO; the monthly one and the monitor stay', async () => {
    const out = await callOk(client(), 'delete_slo', { monitorId, sloId: need(rollingId, 'rolling SLO id') });
    eq([out.deleted, out.sloId], [true, rollingId], '[deleted, sloId]');
    const list = await callOk(client(), 'list_slos', { monitorId });
    eq((list.slos ?? []).map((r) => r.slo?.id), [monthlyId], 'remaining SLO ids');
    const gone = await callErr(client(), 'get_slo_status', { monitorId, sloId: rollingId });
    eq(gone.error, 'SLO not found', 'error for the deleted SLO');
    await callOk(client(), 'get_monitor', { monitorId });
  });

  await shut(label, conn, failedBefore);
}
