// The counts every reporter prints: the pretty summary lines, the GitHub ::notice:: and the JUnit
// tallies, each from a run whose numbers all differ (so a count in the wrong place shows).
import { describe, expect, it } from 'vitest';
import { githubReporter } from '../../src/reporters/github.js';
import { junitReporter } from '../../src/reporters/junit.js';
import { summaryText } from '../../src/reporters/text.js';
import type { RunResult, RunSummary, ScenarioResult, Status, StepResult } from '../../src/scenarios/result.js';

const location = { file: 's.yaml', line: 4, column: 3 };

function step(status: Status): StepResult {
  return { index: 0, name: status, event: 'new-user', variant: '', location, status, deliveries: [], expectations: [], durationMs: 1, ...(status === 'passed' ? {} : { message: status }) };
}

function scenario(name: string, statuses: Status[], error?: ScenarioResult['error']): ScenarioResult {
  const status = error ? 'errored' : (statuses.find((s) => s !== 'passed') ?? 'passed');
  return { name, file: `${name}.yaml`, provider: 'dexie-cloud', target: 'x', seed: 1, status, steps: statuses.map(step), ...(error ? { error } : {}), durationMs: 2 };
}

function run(summary: Partial<RunSummary>, scenarios: ScenarioResult[] = [], interrupted = false): RunResult {
  return {
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1234.4,
    scenarios,
    summary: {
      scenarios: { passed: 0, failed: 0, errored: 0, skipped: 0 },
      steps: { passed: 0, failed: 0, errored: 0, skipped: 0 },
      events: { sent: 0, passed: 0, failed: 0, errored: 0 },
      configErrors: 0,
      ...summary,
    },
    exitCode: 1,
    ...(interrupted ? { interrupted } : {}),
  };
}

const busy: Partial<RunSummary> = {
  scenarios: { passed: 4, failed: 3, errored: 2, skipped: 1 },
  steps: { passed: 9, failed: 0, errored: 7, skipped: 6 },
  events: { sent: 21, passed: 13, failed: 5, errored: 3 },
};

describe('summary lines', () => {
  it('give each count with its status, leaving zero counts out', () => {
    expect(summaryText(run(busy))).toEqual([
      'Scenarios  4 passed, 3 failed, 2 errored, 1 skipped',
      'Steps      9 passed, 7 errored, 6 skipped',
      'Events     21 events sent: 13 passed, 5 failed, 3 errored',
      'Duration   1234 ms',
    ]);
  });

  it('say none when nothing ran, and one event in the singular', () => {
    expect(summaryText(run({ events: { sent: 1, passed: 1, failed: 0, errored: 0 } }))).toEqual([
      'Scenarios  none',
      'Steps      none',
      'Events     1 event sent: 1 passed, 0 failed, 0 errored',
      'Duration   1234 ms',
    ]);
  });

  it('count files that could not be loaded, and say when the run was interrupted', () => {
    const lines = summaryText(run({ ...busy, configErrors: 2 }, [], true));
    expect(lines.slice(3)).toEqual([
      'Config     2 files could not be loaded (exit code 2)',
      'Stopped    interrupted (Ctrl-C): the scenarios not listed did not run',
      'Duration   1234 ms',
    ]);
    expect(summaryText(run({ configErrors: 1 }))[3]).toBe('Config     1 file could not be loaded (exit code 2)');
  });
});

describe('GitHub notice', () => {
  const notice = (result: RunResult) => githubReporter().onRunEnd!(result)!.trimEnd().split('\n').at(-1);

  it('gives every scenario count and the events sent', () => {
    expect(notice(run(busy))).toBe('::notice::hooksim: 4 passed, 3 failed, 2 errored, 1 skipped; 21 events sent');
  });

  it('adds the files that could not be loaded (one file, several files) and an interruption', () => {
    expect(notice(run({ ...busy, configErrors: 1 }))).toBe('::notice::hooksim: 4 passed, 3 failed, 2 errored, 1 skipped; 21 events sent; 1 file could not be loaded');
    expect(notice(run({ ...busy, configErrors: 3 }, [], true))).toBe(
      '::notice::hooksim: 4 passed, 3 failed, 2 errored, 1 skipped; 21 events sent; 3 files could not be loaded; interrupted (Ctrl-C)',
    );
  });
});

describe('JUnit tallies', () => {
  const attributes = (xml: string, tag: string) =>
    [...xml.matchAll(new RegExp(`<${tag} ([^>]*)>`, 'g'))].map((match) => Object.fromEntries([...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]])));

  it('count tests, failures, errors and skips per suite and in total', () => {
    const xml = junitReporter().onRunEnd!(
      run({}, [
        scenario('a', ['passed', 'failed', 'failed', 'errored', 'skipped', 'skipped', 'skipped']),
        scenario('b', ['passed', 'passed']),
        scenario('c', [], { kind: 'config', message: 'bad', location: { file: 'c.yaml', line: 7, column: 1 } }),
        scenario('d', ['errored'], { kind: 'runtime', message: 'port in use' }),
      ]),
    )!;
    const suites = attributes(xml, 'testsuite').map(({ name, tests, failures, errors, skipped }) => ({ name, tests, failures, errors, skipped }));
    expect(suites).toEqual([
      { name: 'a', tests: '7', failures: '2', errors: '1', skipped: '3' },
      { name: 'b', tests: '2', failures: '0', errors: '0', skipped: '0' },
      { name: 'c', tests: '1', failures: '0', errors: '1', skipped: '0' },
      { name: 'd', tests: '2', failures: '0', errors: '2', skipped: '0' },
    ]);
    const [root] = attributes(xml, 'testsuites');
    expect(root).toMatchObject({ tests: '12', failures: '2', errors: '4', skipped: '3' });
  });

  it('a file that could not be loaded is a "loads" case at its line; a scenario that could not run is a "runs" case', () => {
    const xml = junitReporter().onRunEnd!(
      run({}, [
        scenario('c', [], { kind: 'config', message: 'bad', location: { file: 'c.yaml', line: 7, column: 1 } }),
        scenario('d', [], { kind: 'runtime', message: 'port in use' }),
      ]),
    )!;
    const cases = attributes(xml, 'testcase');
    expect(cases.map((c) => [c.name, c.file, c.line])).toEqual([
      ['loads', 'c.yaml', '7'],
      ['runs', 'd.yaml', undefined],
    ]);
  });
});
