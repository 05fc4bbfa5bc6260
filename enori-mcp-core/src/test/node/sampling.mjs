// generate_browser_steps through MCP sampling: the client declares `sampling` and answers
// sampling/createMessage itself, once with a valid step list and once with an invalid one. The server must
// preview the valid steps (navigate first) and reject the invalid answer with a reason naming the bad field.
// Stateless HTTP has no server-to-client requests, so there the preview comes from the built-in generator.
//
// Uses account "story" (ENORI_E2E_KEY_STORY, all scopes); creates nothing.
import { CreateMessageRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { callErr, callOk, eq, need, ok } from './harness.mjs';

// Port 9 (discard) refuses at once, so the built-in generator's fetch fails fast and proposes a minimal journey.
const URL = 'http://127.0.0.1:9/login';

const ANSWERS = [
  JSON.stringify({ steps: [
    { kind: 'navigate', url: URL },
    { kind: 'fill', selector: '#email', value: '{{email}}' },
    { kind: 'click', selector: 'button[type=submit]' },
    { kind: 'assertText', text: 'Dashboard' },
  ] }),
  JSON.stringify({ steps: [{ kind: 'click' }, { kind: 'hover', selector: '#menu' }] }),
];

export async function samplingScenario({ h, kind, open, shut }) {
  const label = 'sampling';
  const failedBefore = h.failed;
  const prompts = [];
  const sampling = kind !== 'streamable-http-stateless';
  const conn = await open(label, process.env.ENORI_E2E_KEY_STORY, {
    capabilities: { sampling: {} },
    setup(client) {
      client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
        prompts.push(request.params);
        const text = ANSWERS[Math.min(prompts.length - 1, ANSWERS.length - 1)];
        return { role: 'assistant', model: 'e2e-scripted', content: { type: 'text', text } };
      });
    },
  });
  const client = () => need(conn, 'sampling connection').client;
  await conn?.client.listTools().catch(() => {});

  await h.check(`[sampling] generate_browser_steps previews ${sampling ? "the client model's steps" : 'built-in steps'}`, async () => {
    const out = await callOk(client(), 'generate_browser_steps', { url: URL, description: 'log in and see the dashboard' });
    if (sampling) {
      eq(out.source, 'sampling', 'source');
      eq(out.steps.map((s) => s.kind), ['navigate', 'fill', 'click', 'assertText'], 'step kinds');
      eq(out.dropped, [], 'dropped');
      ok(prompts.length === 1, 'the client was asked once', prompts.length);
      ok(prompts[0].messages?.[0]?.content?.text?.includes(URL), 'the prompt carries the URL', prompts[0]);
      ok(prompts[0].messages[0].content.text.includes('assertVisible'), 'the prompt lists the allowed kinds');
    } else {
      eq(out.source, 'builtin', 'source');
      eq(out.steps[0]?.kind, 'navigate', 'first step');
    }
  });

  await h.check(`[sampling] ${sampling ? 'an invalid sampled answer is rejected with the reason' : 'a second preview is built-in again'}`, async () => {
    if (sampling) {
      const err = await callErr(client(), 'generate_browser_steps', { url: URL });
      eq(err.error, 'Generated steps rejected', 'error');
      ok(typeof err.reason === 'string' && err.reason.includes('steps[0].selector is required for click'),
        'reason names the bad field', err.reason);
      ok(err.reason.includes('steps[1].kind must be one of'), 'reason names the unknown kind', err.reason);
    } else {
      const out = await callOk(client(), 'generate_browser_steps', { url: URL });
      eq(out.source, 'builtin', 'source');
    }
  });

  await h.check('[sampling] previews created no browser monitor', async () => {
    const out = await callOk(client(), 'get_browser_monitors', {});
    eq(out.count, 0, 'browser monitors');
  });

  await shut(label, conn, failedBefore);
}
