// A tiny self-checking harness: one output line per check, a summary line at the end.
// Assertions throw CheckFailure with a one-line message; Harness.check turns that into a FAIL line.
import { isDeepStrictEqual } from 'node:util';

export class CheckFailure extends Error {}

export class Harness {
  passed = 0;
  failed = 0;

  /** Runs fn; a returned string is printed as a note. Any throw is a failed check. */
  async check(name, fn) {
    try {
      const note = await fn();
      this.passed++;
      console.log(`PASS ${name}${typeof note === 'string' && note ? ` (${note})` : ''}`);
      return true;
    } catch (e) {
      this.failed++;
      const why = e instanceof CheckFailure ? e.message : `${e?.name ?? 'Error'}: ${e?.message ?? e}`;
      console.log(`FAIL ${name}: ${oneLine(why)}`);
      return false;
    }
  }

  /** Records a failure that did not come from a check body (global timeout, crash). */
  fail(name, why) {
    this.failed++;
    console.log(`FAIL ${name}: ${oneLine(why)}`);
  }

  /** The last line of output, exactly "N passed, M failed". */
  summary() {
    console.log(`${this.passed} passed, ${this.failed} failed`);
    return this.failed === 0 ? 0 : 1;
  }
}

export function show(value, max = 400) {
  let s;
  try {
    s = JSON.stringify(value, (_, v) => (v === undefined ? '<absent>' : v));
  } catch {
    s = String(value);
  }
  if (s === undefined) s = String(value);
  return s.length > max ? `${s.slice(0, max)}…(${s.length} chars)` : s;
}

function oneLine(s) {
  return String(s).replace(/\s*\n\s*/g, ' | ');
}

export function fail(message) {
  throw new CheckFailure(message);
}

export function ok(condition, what, actual) {
  if (!condition) fail(arguments.length > 2 ? `${what}; got ${show(actual)}` : what);
}

export function eq(actual, expected, what) {
  if (!isDeepStrictEqual(actual, expected)) fail(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

export function approx(actual, expected, tolerance, what) {
  if (typeof actual !== 'number' || Math.abs(actual - expected) > tolerance) {
    fail(`${what}: expected ${expected} ±${tolerance}, got ${show(actual)}`);
  }
}

export function startsWith(actual, prefix, what) {
  if (typeof actual !== 'string' || !actual.startsWith(prefix)) {
    fail(`${what}: expected text starting with ${show(prefix)}, got ${show(actual)}`);
  }
}

// ISO-8601 with an explicit offset (Z or ±hh:mm), as the spec requires for every timestamp.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function isoWithOffset(actual, what) {
  if (typeof actual !== 'string' || !ISO_WITH_OFFSET.test(actual) || Number.isNaN(Date.parse(actual))) {
    fail(`${what}: expected an ISO-8601 timestamp with offset, got ${show(actual)}`);
  }
  return Date.parse(actual);
}

/** Returns value, or fails the current check because an earlier step did not produce it. */
export function need(value, what) {
  if (value === undefined || value === null) fail(`skipped: ${what} unavailable (an earlier step failed)`);
  return value;
}

function textOf(result) {
  const item = (result.content ?? []).find((c) => c.type === 'text');
  return item?.text;
}

/**
 * Calls a tool that must succeed. Asserts both channels carry the same JSON
 * (structuredContent and a text content item) and returns the structured content.
 */
export async function callOk(client, name, args = {}) {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) fail(`${name} ${show(args, 200)} returned isError: ${show(textOf(result))}`);
  const structured = result.structuredContent;
  ok(structured && typeof structured === 'object', `${name}: structuredContent missing`, result);
  const text = textOf(result);
  ok(typeof text === 'string', `${name}: no text content item`, result.content);
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    fail(`${name}: text content is not JSON: ${show(text)}`);
  }
  eq(parsed, structured, `${name}: text content JSON equals structuredContent`);
  return structured;
}

/**
 * Calls a tool that must fail with a tool error result. Asserts the text content is
 * JSON {"error": "..."} and returns that object.
 */
export async function callErr(client, name, args = {}) {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError !== true) {
    fail(`${name} ${show(args, 200)} expected isError, got success: ${show(result.structuredContent ?? textOf(result))}`);
  }
  const text = textOf(result);
  ok(typeof text === 'string', `${name}: error result has no text content`, result.content);
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    fail(`${name}: error text is not JSON: ${show(text)}`);
  }
  ok(body && typeof body.error === 'string', `${name}: error JSON lacks an "error" string`, body);
  if (result.structuredContent !== undefined) {
    eq(result.structuredContent, body, `${name}: error structuredContent equals text JSON`);
  }
  return body;
}
