import type { Reporter } from '../../src/reporters/types.js';
import { exitCodeOf, summarize, type DeliveryResult, type ExpectationResult, type RunResult, type ScenarioResult, type StepResult } from '../../src/scenarios/result.js';
import type { SourceLocation } from '../../src/scenarios/source.js';

export const at = (file: string, line: number, column: number): SourceLocation => ({ file, line, column });

/** A reply body with everything XML and terminals choke on: markup, `&`, a CDATA end, controls. */
export const NASTY_BODY = '<html>Tom & Jerry ]]> \u0001bell\u001b[2J</html>';

const logtoRequest = (event: string) => ({
  method: 'POST' as const,
  headers: {
    'content-type': 'application/json',
    'user-agent': 'Logto (https://logto.io/)',
    'logto-signature-sha-256': 'abc123',
    authorization: 'Bearer should-never-print',
  },
  body: JSON.stringify({ hookId: 'h1', event, createdAt: '2026-01-01T00:00:00.000Z', user: { id: 'u1' } }),
});

function delivery(event: string, reply?: { status: number; body: string; contentType?: string }, latency = 12.345, violations: { path: string; message: string }[] = []): DeliveryResult {
  const response = reply
    ? { status: reply.status, headers: { 'content-type': reply.contentType ?? 'application/json' }, body: reply.body, bytes: reply.body.length }
    : undefined;
  const error = reply ? undefined : { kind: 'timeout' as const, message: 'no reply within 3000 ms' };
  return {
    request: logtoRequest(event),
    ...(response ? { response } : {}),
    ...(error ? { error } : {}),
    attempts: [{ number: 1, durationMs: latency, ...(response ? { reply: response } : {}), ...(error ? { error } : {}) }],
    verdict: { pass: violations.length === 0 && response !== undefined, violations },
    outcome: { logged: true },
  };
}

const expectation = (name: string, pass: boolean, expected: string, actual: string, location: SourceLocation): ExpectationResult => ({
  name,
  pass,
  expected,
  actual,
  location,
});

function step(partial: Partial<StepResult> & Pick<StepResult, 'index' | 'name' | 'status' | 'location'>): StepResult {
  return { event: 'User.Created', variant: '', deliveries: [], expectations: [], durationMs: 15.26, ...partial };
}

export const passing: ScenarioResult = {
  name: 'passes',
  file: 'scenarios/a.yaml',
  provider: 'dexie-cloud',
  target: 'http://127.0.0.1:3000/hook',
  seed: 1,
  status: 'passed',
  durationMs: 20.04,
  steps: [
    step({
      index: 0,
      name: 'first login',
      event: 'new-user',
      status: 'passed',
      location: at('scenarios/a.yaml', 5, 5),
      deliveries: [{ ...delivery('new-user', { status: 200, body: '{"ok":true}' }), request: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"a@example.com"}' } }],
      expectations: [expectation('status', true, 'status 200', 'status 200', at('scenarios/a.yaml', 7, 7))],
    }),
  ],
};

const violation = { path: 'status', message: 'expected status 200, got 201' };

/** A failed step (with the nasty reply), a deliberately broken passing step, a repeated delivery. */
export const failing: ScenarioResult = {
  name: 'fails: sign-up, then %retry',
  file: 'scenarios/b.yaml',
  provider: 'logto',
  target: 'http://127.0.0.1:3001/logto',
  seed: 2,
  status: 'failed',
  durationMs: 120.46,
  steps: [
    step({
      index: 0,
      name: 'first login',
      status: 'failed',
      location: at('scenarios/b.yaml', 6, 5),
      deliveries: [delivery('User.Created', { status: 201, body: NASTY_BODY, contentType: 'text/html' }, 33.37, [violation])],
      expectations: [
        expectation('status', false, 'status 200', 'status 201', at('scenarios/b.yaml', 8, 7)),
        expectation('contract', false, 'the contract kept', 'broken: status: expected status 200, got 201\nand more 100%', at('scenarios/b.yaml', 6, 5)),
      ],
    }),
    step({
      index: 1,
      name: 'broken on purpose',
      status: 'passed',
      location: at('scenarios/b.yaml', 10, 5),
      deliveries: [delivery('User.Created', { status: 201, body: '' }, 4, [violation])],
      expectations: [expectation('contract', true, 'the contract broken', 'broken: status: expected status 200, got 201', at('scenarios/b.yaml', 12, 7))],
    }),
    step({
      index: 2,
      name: 'duplicate delivery',
      status: 'passed',
      location: at('scenarios/b.yaml', 14, 5),
      deliveries: [delivery('User.Created', { status: 200, body: '{}' }, 5), delivery('User.Created', { status: 200, body: '{}' }, 6)],
      expectations: [
        expectation('status', true, 'status 200', 'status 200', at('scenarios/b.yaml', 16, 7)),
        expectation('status', true, 'status 200', 'status 200', at('scenarios/b.yaml', 16, 7)),
      ],
    }),
  ],
};

/** A step that timed out, then one skipped after it. */
export const erroring: ScenarioResult = {
  name: 'slow hook',
  file: 'scenarios/slow.yaml',
  provider: 'logto',
  target: 'http://127.0.0.1:3002/slow',
  seed: 3,
  status: 'errored',
  durationMs: 3001.2,
  steps: [
    step({
      index: 0,
      name: 'User.Created #1',
      status: 'errored',
      location: at('scenarios/slow.yaml', 4, 5),
      message: 'no reply within 3000 ms (timeout)',
      deliveries: [delivery('User.Created', undefined, 3000.04)],
      expectations: [expectation('status', false, 'status 200', 'no reply (timeout: no reply within 3000 ms)', at('scenarios/slow.yaml', 6, 7))],
      durationMs: 3000.55,
    }),
    step({ index: 1, name: 'never sent', status: 'skipped', location: at('scenarios/slow.yaml', 8, 5), message: 'not run: an earlier step errored', durationMs: 0 }),
  ],
};

/** A file that could not be loaded. */
export const unloadable: ScenarioResult = {
  name: 'broken.yaml',
  file: 'scenarios/broken.yaml',
  provider: '',
  target: '',
  seed: 0,
  status: 'errored',
  steps: [],
  error: { kind: 'config', message: 'scenarios/broken.yaml:7:9: unknown key "statuz" (did you mean "status"?)', location: at('scenarios/broken.yaml', 7, 9) },
  durationMs: 0,
};

export function runOf(scenarios: ScenarioResult[], durationMs = 3200.06): RunResult {
  const summary = summarize(scenarios);
  return { startedAt: '2026-01-01T00:00:00.000Z', durationMs, scenarios, summary, exitCode: exitCodeOf(summary) };
}

/** Every kind of result in one run. */
export const fullRun = runOf([passing, failing, erroring, unloadable]);

/** Calls a reporter's live hooks the way the runner does: a file that cannot be loaded is never announced. */
export function drive(reporter: Reporter, run: RunResult): string {
  reporter.onRunStart?.(run.scenarios.map((scenario) => scenario.file));
  for (const scenario of run.scenarios) {
    const header = { name: scenario.name, file: scenario.file };
    if (!(scenario.error?.kind === 'config' && scenario.steps.length === 0)) {
      reporter.onScenarioStart?.({ ...header, provider: scenario.provider, target: scenario.target });
      for (const s of scenario.steps) reporter.onStepEnd?.(header, s);
    }
    reporter.onScenarioEnd?.(scenario);
  }
  return reporter.onRunEnd(run);
}

/** A ReporterOutput that records what was written. */
export function capture(isTty = false, colour = false) {
  const chunks: string[] = [];
  return { output: { write: (text: string) => void chunks.push(text), isTty, colour }, text: () => chunks.join(''), chunks };
}
