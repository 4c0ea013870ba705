import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenarios/load.js';
import type { RunResult, ScenarioResult, StepResult } from '../../src/scenarios/result.js';
import { runScenario } from '../../src/scenarios/run.js';
import { runScenarios } from '../../src/scenarios/run-all.js';
import type { Reporter } from '../../src/reporters/types.js';
import type { ReporterFailure } from '../../src/reporters/isolate.js';
import { jsonReportSchema, toJsonReport } from '../../src/reporters/json.js';

/** Nothing in one scenario stops the run; every event sent is counted. */

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hooksim-robust-'));
  roots.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

type Handler = (req: unknown, res: { statusCode: number; setHeader(n: string, v: string): void; end(body?: string): void }) => void;
const good: Handler = (_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end('{"ok":true,"action":"eval"}');
};
const created: Handler = (_req, res) => {
  res.statusCode = 201;
  res.setHeader('content-type', 'application/json');
  res.end('{"ok":true,"action":"eval"}');
};
const config = { targets: { good, created } } as never;

const story = (name: string, target: string, steps: number, extra = '') =>
  `name: ${name}\nprovider: dexie-cloud\ntarget: ${target}\n${extra}steps:\n${Array.from({ length: steps }, (_, i) => `  - name: step ${i + 1}\n    send: new-user\n`).join('')}`;

/** A reporter that counts what it is told, as a CI dashboard would. */
function counter() {
  const seen = { steps: 0, scenarios: 0, sent: 0, passed: 0, failed: 0, errored: 0 };
  const reporter: Reporter = {
    name: 'counter',
    onStepEnd(_scenario, step: StepResult) {
      seen.steps += 1;
      for (const delivery of step.deliveries) {
        seen.sent += 1;
        if (delivery.error && step.status === 'errored') seen.errored += 1;
        else if (step.status === 'passed') seen.passed += 1;
        else seen.failed += 1;
      }
    },
    onScenarioEnd() {
      seen.scenarios += 1;
    },
    onRunEnd: () => '',
  };
  return { reporter, seen };
}

describe('nothing aborts the run', () => {
  test('a reporter that throws is switched off, reported once, and the run and other reporters go on', async () => {
    const dir = workspace({ 'a.yaml': story('a', 'good', 2), 'b.yaml': story('b', 'good', 2) });
    const { reporter, seen } = counter();
    let calls = 0;
    const throwing: Reporter = {
      name: 'broken',
      onStepEnd() {
        calls += 1;
        throw new Error('disk full\nsecond line');
      },
      onRunEnd: () => 'never',
    };
    const failures: ReporterFailure[] = [];
    const run = await runScenarios({ cwd: dir, paths: ['.'], config, reporters: [throwing, reporter], onReporterError: (f) => failures.push(f) });
    expect(failures).toEqual([{ reporter: 'broken', hook: 'onStepEnd', message: 'disk full' }]);
    expect(calls).toBe(1);
    expect(seen.steps).toBe(4);
    expect(run.summary.scenarios.passed).toBe(2);
  });

  test('without a throwing reporter nothing is reported as failed', async () => {
    const dir = workspace({ 'a.yaml': story('a', 'good', 1) });
    const failures: ReporterFailure[] = [];
    await runScenarios({ cwd: dir, paths: ['.'], config, reporters: [counter().reporter], onReporterError: (f) => failures.push(f) });
    expect(failures).toEqual([]);
  });

  test('a mock API port already in use errors that scenario in one line; the next scenario runs; exit code 1', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    try {
      const dir = workspace({ 'a.yaml': story('needs the port', 'good', 1, `mockApi:\n  port: ${port}\n`), 'b.yaml': story('after it', 'good', 1) });
      const run = await runScenarios({ cwd: dir, paths: ['.'], config });
      const [first, second] = run.scenarios as [ScenarioResult, ScenarioResult];
      expect(first.status).toBe('errored');
      expect(first.error?.kind).toBe('runtime');
      expect(first.error?.message).toMatch(/^the mock API could not start: .*EADDRINUSE/);
      expect(first.error?.message).not.toContain('\n');
      expect(first.error?.location).toMatchObject({ file: 'a.yaml', line: 5, column: 3 });
      expect(second.status).toBe('passed');
      expect(run.exitCode).toBe(1);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  test('a bug in a step (a transport that throws) errors that step in one line, skips the rest, never throws', async () => {
    const loaded = parseScenario(story('buggy', 'good', 3), 'buggy.yaml');
    const transport = {
      description: 'buggy',
      send: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'status')\n    at somewhere");
      },
      close: async () => undefined,
    };
    const result = await runScenario(loaded, { transport, now: Date.parse('2026-03-01T09:00:00Z') });
    expect(result.status).toBe('errored');
    expect(result.steps.map((step) => step.status)).toEqual(['errored', 'skipped', 'skipped']);
    expect(result.steps[0]!.message).toBe("unexpected error: Cannot read properties of undefined (reading 'status')");
    expect(result.steps[1]!.message).toBe('not run: step "step 1" could not complete');
  });

  test('an alias bomb is that file\'s load error only: the other files run', async () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', story('bomb', 'good', 1)].join('\n');
    const dir = workspace({ 'a.yaml': story('a', 'good', 1), 'bomb.yaml': bomb, 'c.yaml': story('c', 'good', 1) });
    const run = await runScenarios({ cwd: dir, paths: ['.'], config });
    expect(run.scenarios.map((s) => [s.file, s.status])).toEqual([
      ['a.yaml', 'passed'],
      ['bomb.yaml', 'errored'],
      ['c.yaml', 'passed'],
    ]);
    expect(run.scenarios[1]!.error?.message).toMatch(/^bomb\.yaml:2:8: too many YAML alias expansions/);
    expect(run.exitCode).toBe(2);
  });
});

describe('every event is accounted for', () => {
  const files = {
    'a.yaml': story('passes', 'good', 3),
    'b.yaml': story('fails', 'created', 2),
    'c.yaml': story('refused', 'http://127.0.0.1:1/', 2),
    'd.yaml': `${story('repeats', 'good', 1)}    deviate:\n      repeat: 3\n`,
    'e.yaml': 'name: broken\nprovider: nope\nsteps: [{send: x}]\n',
  };

  test('sent = passed + failed + errored, in the summary and in what a streaming reporter saw', async () => {
    const dir = workspace(files);
    const { reporter, seen } = counter();
    const run = await runScenarios({ cwd: dir, paths: ['.'], config, reporters: [reporter] });
    const events = run.summary.events;
    expect(events).toEqual({ sent: 3 + 2 + 1 + 3, passed: 6, failed: 2, errored: 1 });
    expect(events.passed + events.failed + events.errored).toBe(events.sent);
    expect({ sent: seen.sent, passed: seen.passed, failed: seen.failed, errored: seen.errored }).toEqual(events);
    expect(seen.scenarios).toBe(5);
  });

  test('keepResults: false drops finished deliveries but counts the same', async () => {
    const dir = workspace(files);
    const kept = await runScenarios({ cwd: dir, paths: ['.'], config });
    const streamed = await runScenarios({ cwd: dir, paths: ['.'], config, keepResults: false });
    expect(streamed.summary).toEqual(kept.summary);
    expect(streamed.exitCode).toBe(kept.exitCode);
    expect(streamed.scenarios.map((s) => s.steps.length)).toEqual([0, 0, 0, 0, 0]);
    expect(kept.scenarios.map((s) => s.steps.length)).toEqual([3, 2, 2, 1, 0]);
    expect(streamed.scenarios.map((s) => s.status)).toEqual(kept.scenarios.map((s) => s.status));
  });

  test('an aborted run reports the steps that ran, marks the scenario in flight, and runs nothing after it', async () => {
    const dir = workspace({ 'a.yaml': story('first', 'good', 1), 'b.yaml': story('second', 'good', 3), 'c.yaml': story('third', 'good', 1) });
    const controller = new AbortController();
    let steps = 0;
    const stopper: Reporter = {
      name: 'stopper',
      onStepEnd() {
        steps += 1;
        if (steps === 2) controller.abort();
      },
      onRunEnd: () => '',
    };
    const run: RunResult = await runScenarios({ cwd: dir, paths: ['.'], config, reporters: [stopper], signal: controller.signal });
    expect(run.interrupted).toBe(true);
    expect(run.scenarios.map((s) => s.name)).toEqual(['first', 'second']);
    expect(run.scenarios[1]!.status).toBe('errored');
    expect(run.scenarios[1]!.error?.message).toBe('interrupted (Ctrl-C) during step 2 of 3');
    expect(run.scenarios[1]!.steps.map((s) => s.status)).toEqual(['passed']);
    expect(run.summary.events).toEqual({ sent: 2, passed: 2, failed: 0, errored: 0 });
    const report = jsonReportSchema.parse(JSON.parse(JSON.stringify(toJsonReport(run))));
    expect(report.interrupted).toBe(true);
  });

  test('a run that is not aborted is not marked interrupted', async () => {
    const dir = workspace({ 'a.yaml': story('first', 'good', 1) });
    const run = await runScenarios({ cwd: dir, paths: ['.'], config, signal: new AbortController().signal });
    expect(run.interrupted).toBeUndefined();
    expect('interrupted' in toJsonReport(run)).toBe(false);
  });
});

describe('environment variables', () => {
  const withEnv = (value: string) => `${story('env', 'good', 1)}    set:\n      user.name: ${value}\n`;

  test('an unset variable without a default is a configuration error at its position, before anything is sent (exit 2)', async () => {
    const dir = workspace({ 'a.yaml': withEnv('{ env: HOOKSIM_TEST_NAME }') });
    const run = await runScenarios({ cwd: dir, paths: ['.'], config, env: {} });
    const [scenario] = run.scenarios as [ScenarioResult];
    expect(scenario.error).toEqual({ kind: 'config', message: 'environment variable HOOKSIM_TEST_NAME is not set (and no default is given)', location: { file: 'a.yaml', line: 8, column: 18 } });
    expect(scenario.steps).toEqual([]);
    expect(run.summary.events.sent).toBe(0);
    expect(run.exitCode).toBe(2);
  });

  test('a set variable, or a default, runs', async () => {
    const set = await runScenarios({ cwd: workspace({ 'a.yaml': withEnv('{ env: HOOKSIM_TEST_NAME }') }), paths: ['.'], config, env: { HOOKSIM_TEST_NAME: 'Ada' } });
    expect(set.exitCode).toBe(0);
    const fallback = await runScenarios({ cwd: workspace({ 'a.yaml': withEnv('{ env: HOOKSIM_TEST_NAME, default: Ada }') }), paths: ['.'], config, env: {} });
    expect(fallback.exitCode).toBe(0);
    expect(fallback.summary.events.sent).toBe(1);
  });
});
