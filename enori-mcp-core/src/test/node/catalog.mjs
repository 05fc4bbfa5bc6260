// Checks on tools/list: the catalog's names, schemas and annotations.
import { eq, ok } from './harness.mjs';

// The monitor tool set served today; extend these lists as tools are added.
export const READ_TOOLS = ['get_browser_monitors', 'get_browser_monitor_status', 'get_browser_check_details', 'get_check_results', 'get_health_summary', 'get_monitor', 'get_monitor_stats', 'get_snooze_status', 'list_monitors',
  'list_incidents', 'get_incident', 'get_active_incidents', 'get_incident_stats', 'list_alerts', 'list_alert_channels',
  'list_maintenance_windows', 'list_status_pages', 'get_status_page', 'get_overview',
  'list_slos', 'get_slo_status', 'get_slo_compliance', 'get_slo_breaches',
  'get_monitor_pings', 'get_monitor_custom_metrics', 'get_monitor_run_series',
  'get_monitor_traces', 'get_trace_detail'];
const WRITE_TOOLS = ['check_now', 'create_monitor', 'pause_monitor', 'resume_monitor', 'share_monitor', 'snooze_monitor', 'unsnooze_monitor', 'update_monitor',
  'acknowledge_incident', 'resolve_incident', 'add_incident_update', 'register_live_activity_token',
  'create_maintenance_window', 'start_maintenance_now',
  'create_slo', 'update_slo', 'delete_slo',
  'create_browser_monitor', 'update_browser_steps', 'generate_browser_steps', 'delete_browser_monitor'];
// Deletes are the only destructive tools.
const DESTRUCTIVE_TOOLS = ['delete_slo', 'delete_browser_monitor'];
const ALL_TOOLS = [...READ_TOOLS, ...WRITE_TOOLS].sort();
const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'];

/** Lists the tools (which also arms the client's output-schema validation of later calls) and checks the catalog. */
export async function checkCatalog(h, client) {
  let tools = [];
  await h.check('tools/list names exactly the catalog tools', async () => {
    tools = (await client().listTools()).tools;
    eq(tools.map((t) => t.name).sort(), ALL_TOOLS, 'tool names');
  });
  await h.check('every tool has a description, an object inputSchema and an object outputSchema', () => {
    ok(tools.length > 0, 'skipped: tools/list returned no tools');
    for (const t of tools) {
      ok(typeof t.description === 'string' && t.description.length > 20, `${t.name} description`, t.description);
      eq(t.inputSchema?.type, 'object', `${t.name} inputSchema.type`);
      eq(t.outputSchema?.type, 'object', `${t.name} outputSchema.type`);
    }
  });
  await h.check('every tool sets all four annotation hints as booleans', () => {
    ok(tools.length > 0, 'skipped: tools/list returned no tools');
    for (const t of tools) {
      for (const hint of HINTS) ok(typeof t.annotations?.[hint] === 'boolean', `${t.name} annotations.${hint}`, t.annotations);
    }
  });
  await h.check('reads are readOnlyHint true, writes false, only deletes are destructive', () => {
    ok(tools.length > 0, 'skipped: tools/list returned no tools');
    for (const t of tools) {
      eq(t.annotations?.readOnlyHint, READ_TOOLS.includes(t.name), `${t.name} readOnlyHint`);
      eq(t.annotations?.destructiveHint, DESTRUCTIVE_TOOLS.includes(t.name), `${t.name} destructiveHint`);
    }
  });
  await h.check('every schema pattern is a valid JavaScript (u-flag) regex that accepts a real id', () => {
    ok(tools.length > 0, 'skipped: tools/list returned no tools');
    let seen = 0;
    const visit = (name, schema) => {
      if (!schema || typeof schema !== 'object') return;
      if (typeof schema.pattern === 'string') {
        seen++;
        const re = new RegExp(schema.pattern, 'u');
        const prefix = schema.pattern.replace(/^\^/, '').split('[')[0];
        // Prefixed ids (mon_…), or a W3C trace id (32 hex digits) for traceId.
        const real = name === 'get_trace_detail' && !prefix ? '4bf92f3577b34da6a3ce929d0e0e4736' : `${prefix}01ABCDEF`;
        ok(re.test(real), `${name} pattern ${schema.pattern} accepts ${real}`);
        ok(!re.test('not-an-id'), `${name} pattern ${schema.pattern} rejects not-an-id`);
      }
      for (const v of Object.values(schema.properties ?? {})) visit(name, v);
      if (schema.items) visit(name, schema.items);
    };
    for (const t of tools) visit(t.name, t.inputSchema);
    ok(seen >= 18, 'patterns seen (monitorId, incidentId and channelIds fields)', seen);
  });
}
