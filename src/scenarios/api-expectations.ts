import { getPath, type JsonValue } from '../core/json.js';
import { describeCall } from '../mock-apis/recorder.js';
import type { MockApi, RecordedCall } from '../mock-apis/types.js';
import { parseDuration } from './duration.js';
import type { Locate } from './expectations.js';
import { matchValue, show } from './matchers.js';
import type { ExpectationResult } from './result.js';
import type { CallExpectationSpec } from './schema.js';

/** How long a call expectation waits for calls the hook makes after replying, unless told. */
export const DEFAULT_CALL_WAIT_MS = 1000;

function describeExpected(spec: CallExpectationSpec): string {
  const what = `${spec.method ?? 'any method'} ${spec.path ?? 'any path'}`;
  const body = spec.body === undefined ? '' : ` with a body containing ${show(spec.body)}`;
  const count = spec.count === undefined ? 'at least one call' : spec.count === 0 ? 'no call' : `exactly ${spec.count} call(s)`;
  return `${count} ${what}${body}`;
}

function madeText(calls: readonly RecordedCall[]): string {
  return calls.length === 0 ? 'no calls to the mock API' : `calls made: ${calls.map(describeCall).join('; ')}`;
}

/**
 * Checks a step's `expect.calls` against the mock API's recorder, counting calls from index
 * `since` (the step's start). Waiting is bounded and event-driven: it ends as soon as enough
 * matching calls arrive.
 */
export async function checkCalls(
  api: MockApi,
  specs: readonly CallExpectationSpec[],
  options: { since: number; inOrder: boolean; locate: Locate; at: readonly PropertyKey[] },
): Promise<ExpectationResult[]> {
  const results: ExpectationResult[] = [];
  const firstIndexes: (number | undefined)[] = [];
  for (const [index, spec] of specs.entries()) {
    const matcher = { method: spec.method, path: spec.path, body: spec.body };
    const want = spec.count ?? 1;
    const within = spec.within === undefined ? DEFAULT_CALL_WAIT_MS : parseDuration(spec.within);
    // For "exactly N" the whole window is watched, so a late extra call is caught too.
    const found = spec.count !== undefined ? await api.calls.waitAtMost(matcher, { count: want + 1, timeoutMs: within, since: options.since }) : await api.calls.waitAtMost(matcher, { count: want, timeoutMs: within, since: options.since });
    const pass = spec.count === undefined ? found.length >= 1 : found.length === spec.count;
    firstIndexes.push(found[0]?.index);
    results.push({
      name: `calls[${index}]`,
      pass,
      expected: describeExpected(spec),
      actual: pass ? `${found.length} matching call(s)` : madeText(api.calls.calls.slice(options.since)),
      location: options.locate([...options.at, 'expect', 'calls', index]),
    });
  }
  if (options.inOrder) {
    const seen = firstIndexes.filter((value): value is number => value !== undefined);
    const ordered = seen.every((value, i) => i === 0 || value > seen[i - 1]!);
    results.push({
      name: 'callsInOrder',
      pass: ordered,
      expected: 'the calls in the listed order',
      actual: ordered ? 'in order' : madeText(api.calls.calls.slice(options.since)),
      location: options.locate([...options.at, 'expect'], 'callsInOrder'),
    });
  }
  return results;
}

/** Checks `expect.state` matchers against the mock API's state view. */
export function checkState(api: MockApi, matchers: Record<string, JsonValue>, options: { locate: Locate; at: readonly PropertyKey[]; written: readonly string[] }): ExpectationResult[] {
  const view = api.stateView();
  return Object.entries(matchers).map(([path, expected], index) => {
    const actual = getPath(view, path);
    const match = matchValue(actual, expected);
    return {
      name: `state.${path}`,
      pass: match.pass,
      expected: match.expected,
      actual: show(actual),
      location: options.locate([...options.at, 'expect', 'state'], options.written[index]),
    };
  });
}
