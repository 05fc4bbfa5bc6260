// The incident story, read back through tools: a monitor goes down, an incident opens and alerts its webhook
// channel, someone acknowledges and posts an update, maintenance starts, the monitor recovers and the incident
// resolves itself while the resolve alert is suppressed by the maintenance window.
//
// The host (the Java test) prepares account "story" before the client starts, because channels and status pages
// are created through the core's Java API, not through tools:
//   ENORI_E2E_KEY_STORY      all-scopes API key of account "story"
//   ENORI_E2E_STORY_MONITOR  a website monitor pointing at a closed port, alertAfterFailures 2, on the channel below
//   ENORI_E2E_STORY_CHANNEL  a webhook channel whose receiver the host runs (it counts the POSTs itself)
//   ENORI_E2E_STORY_PAGE     a status page with one component for that monitor
import { callErr, callOk, eq, isoWithOffset, need, ok, startsWith } from './harness.mjs';
import { startTarget, stopTarget } from './local-target.mjs';

const ALERT_WAIT_MS = 20_000;

function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is required`);
  return value;
}

/** Polls list_alerts until `done(alerts)` holds; alerts are delivered off the request thread. */
async function alertsWhen(client, args, done, what) {
  const deadline = Date.now() + ALERT_WAIT_MS;
  let out;
  for (;;) {
    out = await callOk(client, 'list_alerts', args);
    if (done(out.alerts ?? [])) return out;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ALERT_WAIT_MS} ms; last list_alerts: ${JSON.stringify(out).slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function incidentStoryScenario({ h, open, shut }) {
  const label = 'story';
  const failedBefore = h.failed;
  const monitorId = env('ENORI_E2E_STORY_MONITOR');
  const channelId = env('ENORI_E2E_STORY_CHANNEL');
  const pageId = env('ENORI_E2E_STORY_PAGE');
  const conn = await open(label, env('ENORI_E2E_KEY_STORY'));
  const client = () => need(conn, 'story connection').client;
  await conn?.client.listTools().catch(() => {}); // arms output-schema validation, as real clients do
  let incidentId;

  await h.check('[story] two failed check_now calls open an incident on the second', async () => {
    const first = await callOk(client(), 'check_now', { monitorId });
    eq([first.result?.status, first.incident ?? null], ['down', null], 'first check [status, incident]');
    const second = await callOk(client(), 'check_now', { monitorId });
    eq(second.result?.status, 'down', 'second check status');
    startsWith(second.incident, 'opened inc_', 'second check incident');
    incidentId = second.incident.slice('opened '.length);
    return incidentId;
  });

  await h.check('[story] get_active_incidents lists it with its cause', async () => {
    const out = await callOk(client(), 'get_active_incidents', {});
    const row = (out.incidents ?? []).find((i) => i.id === need(incidentId, 'incident id'));
    ok(row, 'the incident is active', out.incidents);
    eq([row.monitorId, row.status], [monitorId, 'open'], '[monitorId, status]');
    ok(/2 consecutive failed checks/.test(row.cause), 'cause says 2 consecutive failed checks', row.cause);
  });

  await h.check('[story] list_alerts: exactly one opened alert, delivered to the webhook channel', async () => {
    const out = await alertsWhen(client(), { monitorId }, (alerts) => alerts.some((a) => a.status !== 'pending'), 'the opened alert settles');
    const alerts = out.alerts;
    eq(alerts.length, 1, 'number of alerts');
    eq([alerts[0].event, alerts[0].channel?.id, alerts[0].incidentId, alerts[0].status],
      ['incident_opened', channelId, incidentId, 'delivered'], '[event, channelId, incidentId, status]');
    isoWithOffset(alerts[0].createdAt, 'createdAt');
  });

  await h.check('[story] get_status_page shows the component in a major outage with the incident', async () => {
    const out = await callOk(client(), 'get_status_page', { statusPageId: pageId });
    const component = (out.components ?? []).find((c) => c.monitorId === monitorId);
    ok(component, 'the monitor is a component', out.components);
    eq([component.status, component.activeIncident?.id], ['major_outage', incidentId], '[status, activeIncident.id]');
    eq(out.overallStatus, 'major_outage', 'overallStatus');
  });

  await h.check('[story] get_overview counts the down monitor and the active incident', async () => {
    const out = await callOk(client(), 'get_overview', {});
    eq([out.totals?.monitors, out.totals?.down, out.totals?.activeIncidents, out.totals?.openIncidents], [1, 1, 1, 1],
      'totals [monitors, down, activeIncidents, openIncidents]');
    ok((out.recentIncidents ?? []).some((i) => i.id === incidentId && i.monitorId === monitorId), 'recentIncidents includes it', out.recentIncidents);
    eq((out.topFailingMonitors ?? [])[0]?.monitorId, monitorId, 'worst monitor');
    const monitorsCap = (out.usage ?? []).find((u) => u.cap === 'monitors');
    eq(monitorsCap?.used, 1, 'usage monitors.used');
    ok(typeof out.plan === 'string' && out.plan.length > 0, 'plan named', out.plan);
  });

  await h.check('[story] acknowledge_incident records who and when', async () => {
    const out = await callOk(client(), 'acknowledge_incident', { incidentId: need(incidentId, 'incident id'), note: 'on it' });
    eq([out.incident?.status, out.changed], ['acknowledged', true], '[status, changed]');
    ok(typeof out.incident.acknowledgedBy === 'string' && out.incident.acknowledgedBy.length > 0, 'acknowledgedBy', out.incident);
    isoWithOffset(out.incident.acknowledgedAt, 'acknowledgedAt');
  });

  await h.check('[story] add_incident_update appends to the timeline', async () => {
    const out = await callOk(client(), 'add_incident_update', { incidentId: need(incidentId, 'incident id'), message: 'Database failover in progress' });
    eq(out.timeline?.at(-1)?.message, 'Database failover in progress', 'last timeline message');
  });

  await h.check('[story] get_incident: timeline opened → acknowledged → update', async () => {
    const out = await callOk(client(), 'get_incident', { incidentId: need(incidentId, 'incident id') });
    eq((out.timeline ?? []).map((e) => e.kind), ['opened', 'acknowledged', 'update'], 'timeline kinds');
    eq(out.incident?.status, 'acknowledged', 'status');
  });

  await h.check('[story] the status page shows the latest update', async () => {
    const out = await callOk(client(), 'get_status_page', { statusPageId: pageId });
    const component = (out.components ?? []).find((c) => c.monitorId === monitorId);
    eq(component?.activeIncident?.latestUpdate, 'Database failover in progress', 'activeIncident.latestUpdate');
  });

  await h.check('[story] register_live_activity_token for the incident', async () => {
    const out = await callOk(client(), 'register_live_activity_token', { incidentId: need(incidentId, 'incident id'), token: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' });
    eq(out.incidentId, incidentId, 'incidentId');
  });

  await h.check('[story] start_maintenance_now → an active window; the status page says under maintenance', async () => {
    const out = await callOk(client(), 'start_maintenance_now', { durationMinutes: 30, monitorIds: [monitorId], name: 'Failover' });
    startsWith(out.window?.id, 'mw_', 'window.id');
    eq([out.created, out.window?.state], [true, 'active'], '[created, window.state]');
    const page = await callOk(client(), 'get_status_page', { statusPageId: pageId });
    const component = (page.components ?? []).find((c) => c.monitorId === monitorId);
    eq(component?.status, 'under_maintenance', 'component status');
  });

  const target = await startTarget();
  try {
    await h.check('[story] the monitor recovers: check_now resolves the incident by itself', async () => {
      await callOk(client(), 'update_monitor', { monitorId, url: target.url });
      const out = await callOk(client(), 'check_now', { monitorId });
      eq(out.result?.status, 'up', 'check status');
      eq(out.incident, `resolved ${incidentId}`, 'incident change');
      const active = await callOk(client(), 'get_active_incidents', {});
      ok(!(active.incidents ?? []).some((i) => i.id === incidentId), 'no longer active', active.incidents);
    });
  } finally {
    await stopTarget(target);
  }

  await h.check('[story] list_alerts: the resolve alert is suppressed by the maintenance window', async () => {
    const out = await alertsWhen(client(), { monitorId }, (alerts) => alerts.length >= 2, 'the resolve alert is recorded');
    const resolved = out.alerts.filter((a) => a.event === 'incident_resolved');
    eq(resolved.map((a) => a.status), ['suppressed'], 'resolve alert statuses');
    ok(/maintenance/i.test(resolved[0].reason ?? ''), 'reason names the maintenance window', resolved[0]);
    eq(out.alerts.filter((a) => a.event === 'incident_opened').map((a) => a.status), ['delivered'], 'opened alert still delivered');
  });

  await h.check('[story] get_incident after recovery: resolved, timeline ends with recovered', async () => {
    const out = await callOk(client(), 'get_incident', { incidentId: need(incidentId, 'incident id') });
    eq(out.incident?.status, 'resolved', 'status');
    eq((out.timeline ?? []).map((e) => e.kind), ['opened', 'acknowledged', 'update', 'recovered'], 'timeline kinds');
  });

  await h.check('[story] acknowledge_incident after it resolved → an error saying so', async () => {
    const body = await callErr(client(), 'acknowledge_incident', { incidentId: need(incidentId, 'incident id') });
    eq(body.error, 'Incident already resolved', 'error');
  });

  await shut(label, conn, failedBefore);
}
