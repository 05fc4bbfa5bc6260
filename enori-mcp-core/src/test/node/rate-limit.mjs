// The rate limit (SPEC §4): per API key, rolling 60 s, tools/call only, 60 calls. The same calls on
// every transport and the same answer body; only the channel differs: over stdio the 61st call is a
// tool error result, over HTTP it is a 429 with Retry-After before MCP (the client throws).
import { callErr, callOk, eq, fail, need, ok, show } from './harness.mjs';
import { isHttp, postUrl, rawPost } from './transports.mjs';

const LIMIT = 60;
// All 61 calls must land inside one rolling minute, or the check proves nothing.
const WINDOW_BUDGET_MS = 45_000;

const mentions429 = (e) => e?.code === 429 || /\b429\b/.test(String(e?.message));

/** The answer over the limit, on every transport: {"error":"Rate limit exceeded","retryAfterSeconds":n,"limit":60,"remaining":0}. */
function checkLimitBody(body) {
  ok(body && typeof body === 'object', 'a JSON object body', body);
  eq(Object.keys(body).sort(), ['error', 'limit', 'remaining', 'retryAfterSeconds'], 'body keys');
  eq([body.error, body.limit, body.remaining], ['Rate limit exceeded', LIMIT, 0], '[error, limit, remaining]');
  ok(Number.isInteger(body.retryAfterSeconds) && body.retryAfterSeconds >= 1 && body.retryAfterSeconds <= 60,
    'retryAfterSeconds is an integer in 1..60', body.retryAfterSeconds);
}

/** Uses a key nothing else uses (ENORI_E2E_KEY_LIMIT), so the other checks never meet the limit. */
export async function rateLimitScenario({ h, kind, open, apiKey }) {
  const label = 'limit';
  const http = isHttp(kind);
  const conn = await open(label, apiKey);
  const client = () => need(conn, 'limit connection').client;
  await conn?.client.listTools().catch(() => {}); // not a tools/call: does not count
  const started = Date.now();
  let underLimit = false;

  underLimit = await h.check(`[limit] tool calls 1–${LIMIT} within the minute all succeed`, async () => {
    for (let i = 1; i <= LIMIT; i++) {
      try {
        await callOk(client(), 'list_monitors', {});
      } catch (e) {
        fail(`call ${i} of ${LIMIT} failed: ${e.message}`);
      }
    }
    return `${Date.now() - started} ms`;
  });

  const what = http ? 'the client throws on HTTP 429' : 'a tool error result';
  await h.check(`[limit] call ${LIMIT + 1} within the minute → "Rate limit exceeded", ${what}`, async () => {
    ok(underLimit, `skipped: calls 1–${LIMIT} did not all succeed`);
    let result;
    try {
      result = http ? await client().callTool({ name: 'list_monitors', arguments: {} }) : await callErr(client(), 'list_monitors', {});
    } catch (e) {
      if (!http) throw e;
      ok(mentions429(e), 'the error reports HTTP status 429', `${e.constructor?.name} code ${e.code}: ${e.message}`);
      ok(String(e.message).includes('Rate limit exceeded'), 'the error carries the body "Rate limit exceeded"', e.message);
      return `${e.constructor?.name} code ${e.code}: ${e.message}`;
    } finally {
      ok(Date.now() - started < WINDOW_BUDGET_MS, `all ${LIMIT + 1} calls inside ${WINDOW_BUDGET_MS} ms`, Date.now() - started);
    }
    if (http) fail(`call ${LIMIT + 1} was answered instead of refused with 429: ${show(result)}`);
    checkLimitBody(result);
    return show(result);
  });

  if (http) {
    await h.check('[limit] raw POST tools/call over the limit → 429, Retry-After header, JSON body', async () => {
      ok(underLimit, `skipped: calls 1–${LIMIT} did not all succeed`);
      const message = { jsonrpc: '2.0', id: 'raw-over-limit', method: 'tools/call', params: { name: 'list_monitors', arguments: {} } };
      const res = await rawPost(postUrl(kind, conn?.transport), message, {
        apiKey, sessionId: conn?.transport?.sessionId, protocolVersion: conn?.transport?.protocolVersion,
      });
      eq(res.status, 429, 'HTTP status');
      ok((res.headers.get('content-type') ?? '').startsWith('application/json'), 'Content-Type application/json', res.headers.get('content-type'));
      const retryAfter = res.headers.get('retry-after');
      ok(/^[1-9]\d*$/.test(retryAfter ?? ''), 'Retry-After is a positive integer number of seconds', retryAfter);
      checkLimitBody(res.json ?? fail(`body is not JSON: ${show(res.text)}`));
      eq(res.json.retryAfterSeconds, Number(retryAfter), 'body retryAfterSeconds equals the Retry-After header');
      return `Retry-After: ${retryAfter}; ${res.text}`;
    });
  }

  if (conn) {
    await h.check(`[${label}] client saw no transport errors${http ? ' other than the 429' : ''}`, () => {
      eq(conn.errors.filter((e) => !(http && mentions429(e))).map((e) => e.message), [], 'client onerror reports');
    });
    await conn.close().catch((e) => console.log(`# close failed: ${e.message}`));
  }
}
