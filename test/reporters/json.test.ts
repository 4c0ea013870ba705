import { describe, expect, test } from 'vitest';
import { jsonReporter, jsonReportSchema, toJsonReport } from '../../src/reporters/json.js';
import { failing, fullRun, NASTY_BODY, runOf } from './fixtures.js';

const text = jsonReporter().onRunEnd(fullRun);
const parsed = JSON.parse(text) as unknown;

describe('jsonReporter', () => {
  test('the real output validates against jsonReportSchema and round-trips unchanged', () => {
    const report = jsonReportSchema.parse(parsed);
    // Nothing stripped by the schema: every field written is a documented one.
    expect(report).toEqual(parsed);
    expect(JSON.parse(JSON.stringify(report))).toEqual(parsed);
    expect(toJsonReport(fullRun)).toEqual(parsed);
  });

  test('top level: schemaVersion, startedAt, durationMs, exitCode, summary', () => {
    const report = jsonReportSchema.parse(parsed);
    expect(report.schemaVersion).toBe(1);
    expect(report.startedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(report.durationMs).toBe(3200.1);
    expect(report.exitCode).toBe(2);
    expect(report.summary).toEqual({
      scenarios: { passed: 1, failed: 1, errored: 2, skipped: 0 },
      steps: { passed: 3, failed: 1, errored: 1, skipped: 1 },
      events: { sent: 6, passed: 4, failed: 1, errored: 1 },
      configErrors: 1,
    });
    expect(report.scenarios.map((s) => s.status)).toEqual(['passed', 'failed', 'errored', 'errored']);
  });

  test('scenario, step, delivery and expectation fields as in the results; durations to 0.1 ms', () => {
    const report = jsonReportSchema.parse(parsed);
    const scenario = report.scenarios[1]!;
    expect(scenario).toMatchObject({ name: failing.name, file: 'scenarios/b.yaml', provider: 'logto', target: 'http://127.0.0.1:3001/logto', seed: 2, durationMs: 120.5 });
    const step = scenario.steps[0]!;
    expect(step).toMatchObject({ index: 0, name: 'first login', event: 'User.Created', variant: '', status: 'failed', durationMs: 15.3, location: { file: 'scenarios/b.yaml', line: 6, column: 5 } });
    expect(step.expectations[0]).toEqual({ name: 'status', pass: false, expected: 'status 200', actual: 'status 201', location: { file: 'scenarios/b.yaml', line: 8, column: 7 } });
    const delivery = step.deliveries[0]!;
    expect(delivery.response).toEqual({ status: 201, headers: { 'content-type': 'text/html' }, body: NASTY_BODY, bytes: NASTY_BODY.length });
    expect(delivery.attempts[0]!.durationMs).toBe(33.4);
    expect(delivery.verdict).toEqual({ pass: false, violations: [{ path: 'status', message: 'expected status 200, got 201' }] });
    expect(delivery.outcome).toEqual({ logged: true });
    expect(scenario.steps[2]!.deliveries).toHaveLength(2);
    const timedOut = report.scenarios[2]!.steps[0]!;
    expect(timedOut.message).toBe('no reply within 3000 ms (timeout)');
    expect(timedOut.deliveries[0]!.error).toEqual({ kind: 'timeout', message: 'no reply within 3000 ms' });
    expect(timedOut.deliveries[0]!.response).toBeUndefined();
    expect(report.scenarios[3]!.error).toEqual({ kind: 'config', message: expect.stringContaining('unknown key "statuz"'), location: { file: 'scenarios/broken.yaml', line: 7, column: 9 } });
  });

  test('control characters in a reply stay JSON-escaped text', () => {
    expect(text).toContain('\\u0001bell\\u001b[2J');
    expect(text).not.toMatch(/[\u0000-\u0008]/);
  });

  test('only documented fields are written: nothing a runner attaches to a result leaks', () => {
    const leaky = { ...failing, options: { signingKey: 'super-secret-key' }, steps: failing.steps.map((s) => ({ ...s, handle: { token: 'tok-123456789' } })) };
    const out = jsonReporter().onRunEnd(runOf([leaky]));
    expect(out).not.toContain('super-secret-key');
    expect(out).not.toContain('tok-123456789');
    expect(jsonReportSchema.safeParse(JSON.parse(out)).success).toBe(true);
  });

  test('the schema rejects documents of another version or shape', () => {
    expect(jsonReportSchema.safeParse({ ...(parsed as object), schemaVersion: 2 }).success).toBe(false);
    expect(jsonReportSchema.safeParse({ ...(parsed as object), exitCode: 3 }).success).toBe(false);
    const { summary: _summary, ...withoutSummary } = parsed as Record<string, unknown>;
    expect(jsonReportSchema.safeParse(withoutSummary).success).toBe(false);
  });
});
