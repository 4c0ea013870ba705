import { afterEach, describe, expect, test } from 'vitest';
import { evaluateThresholds, parseThresholds } from '../../src/load/index.js';
import type { LoadReport } from '../../src/load/index.js';
import { emptyTally } from '../../src/load/tally.js';
import { cli } from '../cli/helpers.js';
import { KEY, ok, startHook } from './helpers.js';

/** A report with the given p99 (ms) and counts. */
function report(p99: number, tally: Partial<LoadReport['tally']>, throughput = 1000): LoadReport {
  const latency = { p50: 1, p90: 2, p99, 'p99.9': p99, min: 1, max: p99, mean: 2, count: 1 };
  return { provider: 'logto', events: ['PostRegister'], target: 'x', mode: 'closed-loop', connections: 1, seed: 1, elapsedMs: 1000, throughput, latency, tally: { ...emptyTally(), ...tally }, interrupted: false };
}

describe('--fail-on conditions', () => {
  test('units: ms (default), s and us for latency; % or a count for errors; /s for throughput', () => {
    expect(parseThresholds('p99>500ms, p50>=1s,max>250us,p99.9>20,errors>0.1%,broken>3,throughput<1000/s')).toEqual([
      { text: 'p99>500ms', metric: 'p99', operator: '>', value: 500, absolute: false },
      { text: 'p50>=1s', metric: 'p50', operator: '>=', value: 1000, absolute: false },
      { text: 'max>250us', metric: 'max', operator: '>', value: 0.25, absolute: false },
      { text: 'p99.9>20', metric: 'p99.9', operator: '>', value: 20, absolute: false },
      { text: 'errors>0.1%', metric: 'errors', operator: '>', value: 0.001, absolute: false },
      { text: 'broken>3', metric: 'broken', operator: '>', value: 3, absolute: true },
      { text: 'throughput<1000/s', metric: 'throughput', operator: '<', value: 1000, absolute: false },
    ]);
  });

  test.each([
    ['p99>500ms', 501, {}, true],
    ['p99>500ms', 500, {}, false],
    ['errors>0.1%', 1, { sent: 1000, kept: 998, broken: 1, errored: 1 }, true],
    ['errors>0.1%', 1, { sent: 1000, kept: 999, broken: 1 }, false],
    ['transport-errors>=2', 1, { sent: 10, kept: 8, errored: 2 }, true],
    ['transport-errors>=2', 1, { sent: 10, kept: 9, errored: 1 }, false],
  ] as const)('%s with p99 %s and %o: failed = %s', (spec, p99, tally, failed) => {
    const [result] = evaluateThresholds(parseThresholds(spec), report(p99, tally));
    expect(result!.failed).toBe(failed);
  });

  test('throughput<N fails a run slower than N events/s, not a faster one', () => {
    const [threshold] = parseThresholds('throughput<1000/s');
    expect(evaluateThresholds([threshold!], report(1, {}, 999))[0]!.failed).toBe(true);
    expect(evaluateThresholds([threshold!], report(1, {}, 1001))[0]!.failed).toBe(false);
  });

  test.each([
    ['p99>', '--fail-on "p99>": expected <metric><op><value>, e.g. p99>500ms or errors>0.1%'],
    ['erors>5%', '--fail-on "erors>5%": unknown metric "erors" (did you mean "errors"?); metrics: p50, p90, p99, p99.9, max, mean, errors, broken, transport-errors, throughput'],
    ['p99>5min', '--fail-on "p99>5min": unknown time unit "min"; use ms, s or us'],
    ['errors>2ms', '--fail-on "errors>2ms": errors takes a percentage (0.1%) or a count (10)'],
    ['', '--fail-on needs at least one condition, e.g. "p99>500ms,errors>0.1%"'],
  ])('"%s" is refused with one line', (spec, message) => {
    expect(() => parseThresholds(spec)).toThrow(message);
  });
});

describe('hooksim load exit codes', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  test('0 when no condition holds: all events kept (default errors>0), report on stdout, nothing on stderr when piped', async () => {
    const hook = await startHook((_index, _req, res) => ok(res));
    close = hook.close;
    const run = await cli(['load', 'logto', 'PostRegister', 'User.Created:experience', '--to', hook.url, '--signing-key', KEY, '--events', '20', '--connections', '2']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^hooksim load: logto PostRegister \+ User\.Created:experience -> http:\/\/127\.0\.0\.1:\d+\/hook\n/);
    expect(run.stdout).toContain('verdicts    kept 20, broken 0, transport errors 0');
    expect(run.stdout).toContain('Logto log rows (TriggerHook.<event>): Success 20');
    expect(run.stdout).toContain('fail-on errors>0: ok (measured 0)');
    expect(run.stdout).not.toContain(KEY);
    expect(hook.log.badSignatures).toBe(0);
  });

  test('1 when a condition holds: a hook answering 500 to every 4th event breaks errors>10%', async () => {
    const hook = await startHook((index, _req, res) => {
      res.statusCode = index % 4 === 3 ? 500 : 200;
      ok(res);
    });
    close = hook.close;
    const run = await cli(['load', 'logto', 'PostRegister', '--to', hook.url, '--signing-key', KEY, '--events', '20', '--connections', '1', '--fail-on', 'errors>10%,p99>60s']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('broken by violation path: status 5');
    expect(run.stdout).toContain('fail-on errors>10%: FAILED (measured 25%)');
    expect(run.stdout).toMatch(/fail-on p99>60s: ok \(measured [\d.]+ ms\)/);
  });

  test('--json: one document with the report, the thresholds and pass', async () => {
    const hook = await startHook((_index, _req, res) => ok(res));
    close = hook.close;
    const run = await cli(['load', 'dexie-cloud', 'new-user', '--to', hook.url, '--events', '6', '--json', '--fail-on', 'errors>0']);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { pass: boolean; tally: { sent: number; outcomes: Record<string, number> }; thresholds: { failed: boolean }[]; latency: { p99: number } };
    expect(document.pass).toBe(true);
    expect(document.tally.sent).toBe(6);
    expect(document.tally.outcomes).toEqual({ 'accepted (eval)': 6 });
    expect(document.thresholds).toEqual([expect.objectContaining({ text: 'errors>0', failed: false })]);
  });

  test.each([
    [['load', 'logto', 'PostRegister'], 'hooksim: load needs --to <url|target>: the hook to call\n'],
    [['load', 'logto', 'PostRegister', '--to', 'http://127.0.0.1:9/x', '--events', '5', '--duration', '1s'], 'hooksim: give --duration or --events, not both\n'],
    [['load', 'logto', 'PostRegister', '--to', 'http://127.0.0.1:9/x', '--rate', 'fast'], 'hooksim: --rate expects events per second such as 200 or 200/s, got "fast"\n'],
    [['load', 'logto', 'PostRegister', '--to', 'http://127.0.0.1:9/x', '--duration', '3 weeks'], 'hooksim: --duration expects a time such as 30s, 500ms or 2m, got "3 weeks"\n'],
    [['load', 'logto', 'PostRegistr', '--to', 'http://127.0.0.1:9/x'], 'hooksim: unknown logto event "PostRegistr" (did you mean "PostRegister"?); see `hooksim list`\n'],
    [['load', 'logto', 'PostRegister', '--to', 'http://127.0.0.1:9/x', '--fail-on', 'p99>1min'], 'hooksim: --fail-on "p99>1min": unknown time unit "min"; use ms, s or us\n'],
  ])('2 with one line for bad input: %j', async (argv, stderr) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(stderr);
    expect(run.stdout).toBe('');
  });
});
