// Run results: how scenarios, steps and events are tallied, the exit code each outcome gives
// (an errored scenario must fail CI like a failed one), and --bail after a failed or errored one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WireRequest } from '../../src/core/types.js';
import { exitCodeOf, summarize, type DeliveryResult, type RunSummary, type ScenarioResult, type Status, type StepResult } from '../../src/scenarios/result.js';
import { runScenarios } from '../../src/scenarios/run-all.js';
import type { AttemptResult, Transport } from '../../src/transports/types.js';

const request: WireRequest = { method: 'POST', headers: {}, body: '{}' };
const location = { file: 'a.yaml', line: 1, column: 1 };

function delivery(errored = false): DeliveryResult {
  return {
    request,
    ...(errored ? { error: { kind: 'timeout' as const, message: 'no reply within 10 ms' } } : { response: { status: 200, headers: {}, body: '', bytes: 0 } }),
    attempts: [],
    verdict: { pass: !errored, violations: [] },
    outcome: {},
  };
}

function step(status: Status, deliveries: DeliveryResult[] = status === 'skipped' ? [] : [delivery(status === 'errored')]): StepResult {
  return { index: 0, name: 's', event: 'new-user', variant: '', location, status, deliveries, expectations: [], durationMs: 1 };
}

function scenario(status: Status, steps: StepResult[] = [step(status)], error?: ScenarioResult['error']): ScenarioResult {
  return { name: status, file: 'a.yaml', provider: 'dexie-cloud', target: 'x', seed: 1, status, steps, ...(error ? { error } : {}), durationMs: 1 };
}

const zero = { passed: 0, failed: 0, errored: 0, skipped: 0 };

describe('summarize', () => {
  it('counts nothing for no scenarios', () => {
    expect(summarize([])).toEqual({ scenarios: zero, steps: zero, events: { sent: 0, passed: 0, failed: 0, errored: 0 }, configErrors: 0 });
  });

  it('counts scenarios and steps by status', () => {
    const summary = summarize([
      scenario('passed', [step('passed'), step('passed')]),
      scenario('failed', [step('passed'), step('failed'), step('skipped')]),
      scenario('errored', [step('errored'), step('skipped')]),
      scenario('skipped', [step('skipped')]),
    ]);
    expect(summary.scenarios).toEqual({ passed: 1, failed: 1, errored: 1, skipped: 1 });
    expect(summary.steps).toEqual({ passed: 3, failed: 1, errored: 1, skipped: 3 });
  });

  it('counts every event sent by its step status, each repeated delivery once', () => {
    const summary = summarize([
      scenario('passed', [step('passed', [delivery(), delivery(), delivery()])]),
      scenario('failed', [step('failed', [delivery(), delivery()])]),
      // A step expected to time out (expect.error) that failed for another reason: its timed-out delivery is failed, not errored.
      scenario('failed', [step('failed', [delivery(true)])]),
      // An errored step: the deliveries that got no reply are errored, one that got a reply is failed.
      scenario('errored', [step('errored', [delivery(), delivery(true)])]),
    ]);
    expect(summary.events).toEqual({ sent: 8, passed: 3, failed: 4, errored: 1 });
  });

  it('a delivery without a reply counts as errored only in an errored step', () => {
    // expect.error made the step fail for another reason: its timed-out delivery failed.
    expect(summarize([scenario('failed', [step('failed', [delivery(true)])])]).events).toEqual({ sent: 1, passed: 0, failed: 1, errored: 0 });
    expect(summarize([scenario('errored', [step('errored', [delivery(true)])])]).events).toEqual({ sent: 1, passed: 0, failed: 0, errored: 1 });
    // A delivery that got a reply, in an errored step (a later repeat timed out), is failed.
    expect(summarize([scenario('errored', [step('errored', [delivery()])])]).events).toEqual({ sent: 1, passed: 0, failed: 1, errored: 0 });
  });

  it('counts files that could not be loaded as config errors, not runtime errors', () => {
    const summary = summarize([
      scenario('errored', [], { kind: 'config', message: 'bad file' }),
      scenario('errored', [], { kind: 'runtime', message: 'port in use' }),
    ]);
    expect(summary.configErrors).toBe(1);
    expect(summary.scenarios.errored).toBe(2);
    expect(summary.events.sent).toBe(0);
  });
});

describe('exitCodeOf', () => {
  const summary = (scenarios: Partial<RunSummary['scenarios']>, configErrors = 0): RunSummary => ({
    scenarios: { ...zero, ...scenarios },
    steps: zero,
    events: { sent: 0, passed: 0, failed: 0, errored: 0 },
    configErrors,
  });

  it('is 0 when every scenario passed (or was skipped)', () => {
    expect(exitCodeOf(summary({ passed: 3 }))).toBe(0);
    expect(exitCodeOf(summary({ passed: 1, skipped: 2 }))).toBe(0);
    expect(exitCodeOf(summary({}))).toBe(0);
  });

  it('is 1 when a scenario failed', () => {
    expect(exitCodeOf(summary({ passed: 3, failed: 1 }))).toBe(1);
  });

  it('is 1 when a scenario errored (the hook was down): CI must not pass', () => {
    expect(exitCodeOf(summary({ passed: 3, errored: 1 }))).toBe(1);
  });

  it('is 2 when a file or the configuration was invalid, whatever else happened', () => {
    expect(exitCodeOf(summary({ passed: 1, errored: 1 }, 1))).toBe(2);
    expect(exitCodeOf(summary({ failed: 1, errored: 1 }, 2))).toBe(2);
  });
});

/** A hook that answers every new-user call with `{ok: true, action: 'eval'}`, or `status`. */
function hook(answer: 'accept' | 'down' | 'status-201'): Transport & { sent: number } {
  return {
    description: `fake ${answer}`,
    sent: 0,
    async send(): Promise<AttemptResult> {
      this.sent += 1;
      if (answer === 'down') return { durationMs: 1, error: { kind: 'connection-refused', message: 'nothing listens there' } };
      const body = JSON.stringify({ ok: true, action: 'eval' });
      return { durationMs: 1, reply: { status: answer === 'accept' ? 200 : 201, headers: { 'content-type': 'application/json' }, body, bytes: body.length } };
    },
    async close() {},
  };
}

function scenarioFile(name: string, target: string, steps = 1): string {
  return `name: ${name}\nprovider: dexie-cloud\ntarget: ${target}\nsteps:\n${'  - send: new-user\n'.repeat(steps)}`;
}

/** Runs the named scenarios, in this order, against fake hooks. */
async function run(files: [name: string, target: 'accept' | 'down' | 'status-201'][], bail: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'hooksim-result-'));
  const targets = { accept: hook('accept'), down: hook('down'), 'status-201': hook('status-201') };
  files.forEach(([name, target], index) => writeFileSync(join(dir, `${index}-${name}.yaml`), scenarioFile(name, target, 2)));
  const result = await runScenarios({ cwd: dir, paths: ['.'], config: { targets }, bail, now: Date.UTC(2026, 0, 1) });
  return { result, targets, statuses: result.scenarios.map((s) => [s.name, s.status]) };
}

describe('a run', () => {
  it('exits 0 when everything passed', async () => {
    const { result, statuses } = await run([['one', 'accept'], ['two', 'accept']], true);
    expect(statuses).toEqual([['one', 'passed'], ['two', 'passed']]);
    expect(result.exitCode).toBe(0);
  });

  it('exits 1 when a scenario errored, and the later scenarios still run without --bail', async () => {
    const { result, statuses } = await run([['down', 'down'], ['up', 'accept']], false);
    expect(statuses).toEqual([['down', 'errored'], ['up', 'passed']]);
    expect(result.summary.scenarios).toMatchObject({ errored: 1, passed: 1 });
    expect(result.exitCode).toBe(1);
  });

  it('--bail after an errored scenario skips the rest, without sending to them', async () => {
    const { result, statuses, targets } = await run([['down', 'down'], ['up', 'accept'], ['later', 'accept']], true);
    expect(statuses).toEqual([['down', 'errored'], ['up', 'skipped'], ['later', 'skipped']]);
    expect(targets.accept.sent).toBe(0);
    const skipped = result.scenarios[1]!;
    expect(skipped.steps.map((s) => [s.status, s.message])).toEqual([
      ['skipped', 'not run: --bail after an earlier failure'],
      ['skipped', 'not run: --bail after an earlier failure'],
    ]);
    expect(result.exitCode).toBe(1);
  });

  it('--bail after a failed scenario skips the rest', async () => {
    const { result, statuses } = await run([['created', 'status-201'], ['up', 'accept']], true);
    expect(statuses).toEqual([['created', 'failed'], ['up', 'skipped']]);
    expect(result.exitCode).toBe(1);
  });

  it('--bail does not stop after a passing scenario', async () => {
    const { statuses, targets } = await run([['up', 'accept'], ['down', 'down'], ['later', 'accept']], true);
    expect(statuses).toEqual([['up', 'passed'], ['down', 'errored'], ['later', 'skipped']]);
    expect(targets.accept.sent).toBe(2);
  });
});
