import { describe, expect, test } from 'vitest';
import { describeDexieOutcome } from '../../src/providers/dexie-cloud/decision.js';
import type { DexieOutcome } from '../../src/providers/dexie-cloud/outcome.js';
import { describeLogtoOutcome } from '../../src/providers/logto/decision.js';
import type { LogtoOutcome } from '../../src/providers/logto/outcome.js';
import { prettyReporter } from '../../src/reporters/pretty.js';
import { capture, drive, passing, runOf } from '../reporters/fixtures.js';

const user = (type: 'eval' | 'prod', data: Record<string, string>, evalDaysLeft?: number) =>
  ({ userId: 'u1', type, data, maxAllowedEvalDaysLeft: 30, ...(evalDaysLeft !== undefined ? { evalDaysLeft } : {}) }) as Extract<DexieOutcome, { login: 'accepted' }>['user'];

describe("the provider's decision in a few words", () => {
  test('Dexie: a production user with its data', () => {
    expect(describeDexieOutcome({ login: 'accepted', action: 'prod', user: user('prod', { plan: 'team' }), reason: '' })).toBe('prod user, data {"plan":"team"}');
  });

  test('Dexie: an evaluation user with its days left', () => {
    expect(describeDexieOutcome({ login: 'accepted', action: 'eval', user: user('eval', {}, 14), reason: '' })).toBe('eval user (14 days), data {}');
  });

  test('Dexie: long data is cut with an ellipsis', () => {
    const text = describeDexieOutcome({ login: 'accepted', action: 'prod', user: user('prod', { note: 'x'.repeat(200) }), reason: '' });
    expect(text.length).toBeLessThan(80);
    expect(text.endsWith('…')).toBe(true);
  });

  test('Dexie: a refusal names its code', () => {
    expect(describeDexieOutcome({ login: 'refused', status: 403, error: { code: 'USER_NOT_ACCEPTED', message: '' }, reason: '' })).toBe('refused: USER_NOT_ACCEPTED');
  });

  const logtoOutcome = (result: 'Success' | 'Error', statusCode?: number, attempts = 1): LogtoOutcome => ({
    result,
    attempts,
    log: { key: 'TriggerHook.PostRegister', result, hookId: 'h', hookRequest: { body: {} }, ...(statusCode ? { response: { statusCode, body: '' } } : {}) },
  });

  test("Logto: the log row's result and the status the Console shows", () => {
    expect(describeLogtoOutcome(logtoOutcome('Success', 204))).toBe('Logto log: Success 204');
    expect(describeLogtoOutcome(logtoOutcome('Error', 401))).toBe('Logto log: Error 401');
  });

  test('Logto: no reply is "Request error", retries are counted', () => {
    expect(describeLogtoOutcome(logtoOutcome('Error', undefined, 4))).toBe('Logto log: Error Request error after 4 attempts');
  });

  test("the pretty reporter ends a step's line with the decision", () => {
    const withDecision = { ...passing, steps: passing.steps.map((step) => ({ ...step, deliveries: step.deliveries.map((d) => ({ ...d, decision: 'refused: USER_NOT_ACCEPTED' })) })) };
    const { output, text } = capture();
    drive(prettyReporter(output), runOf([withDecision]));
    expect(text()).toMatch(/first login .*status 200 .*→ refused: USER_NOT_ACCEPTED/);
    const plain = capture();
    drive(prettyReporter(plain.output), runOf([passing]));
    expect(plain.text()).not.toContain('→ refused');
  });
});
