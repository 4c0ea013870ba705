import { describe, expect, test } from 'vitest';
import type { DexieOutcome } from '../../src/providers/dexie-cloud/outcome.js';
import { send } from '../../src/send.js';
import type { NodeHandler } from '../../src/transports/node-handler.js';
import { createActionProductionHook } from '../../examples/dexie-cloud/broken/action-production.js';
import { createOkFalseHook } from '../../examples/dexie-cloud/broken/ok-false.js';
import { createStatus201Hook } from '../../examples/dexie-cloud/broken/status-201.js';
import { createTextPlainHook } from '../../examples/dexie-cloud/broken/text-plain.js';

const NOW = '2026-03-02T08:00:00.000Z';

const deliver = (app: NodeHandler, options: Record<string, unknown> = {}) =>
  send({ provider: 'dexie-cloud', event: 'new-user', target: { app, path: '/webhooks/dexie-cloud' }, seed: 5, now: NOW, options });

/** Each broken hook, the one violation hooksim must report, and what its message must say. */
const broken = [
  { name: 'status-201', create: createStatus201Hook, path: 'status', message: 'expected status 200, got 201' },
  {
    name: 'action-production',
    create: createActionProductionHook,
    path: 'body.action',
    message: 'expected one of "reject", "eval", "prod", got "production"',
  },
  {
    name: 'text-plain',
    create: createTextPlainHook,
    path: 'headers.content-type',
    message: 'expected application/json, got "text/plain; charset=utf-8"',
  },
  {
    name: 'ok-false',
    create: createOkFalseHook,
    path: 'body.ok',
    message: 'ok is false: Dexie Cloud treats this as a failed hook (inferred), not as a decision; answer action "reject" to refuse a user',
  },
] as const;

describe('broken Dexie Cloud hooks: one violation each, and the login fails with WEBHOOK_ERROR', () => {
  for (const hook of broken) {
    test(`${hook.name}: ${hook.path}`, async () => {
      const result = await deliver(hook.create());
      expect(result.verdict).toEqual({ pass: false, violations: [{ path: hook.path, message: hook.message }] });
      expect(result.outcome).toMatchObject({ login: 'refused', status: 403, error: { code: 'WEBHOOK_ERROR' } });
      expect(result.outcome.login === 'refused' && result.outcome.reason).toBe(`the hook failed: ${hook.path}: ${hook.message}`);
    });
  }

  test('the failure policy changes the outcome, never the verdict', async () => {
    const asEval = await deliver(createStatus201Hook(), { failurePolicy: 'eval' });
    expect(asEval.verdict.violations.map((violation) => violation.path)).toEqual(['status']);
    expect(asEval.outcome).toMatchObject({ login: 'accepted', action: 'eval', user: { type: 'eval', data: {} } });

    const asReject = await deliver(createOkFalseHook(), { failurePolicy: 'reject' });
    expect(asReject.verdict.violations.map((violation) => violation.path)).toEqual(['body.ok']);
    expect(asReject.outcome).toMatchObject({ login: 'refused', error: { code: 'USER_NOT_ACCEPTED' } });
  });
});
