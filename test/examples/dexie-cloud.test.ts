import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Overrides } from '../../src/core/json.js';
import type { DexieOutcome } from '../../src/providers/dexie-cloud/outcome.js';
import { send, type SendResult } from '../../src/send.js';
import type { Target } from '../../src/transports/target.js';
import {
  createDexieDomainFetchHandler,
  createDexieDomainHook,
  createDexieDomainNodeHandler,
  decideNewUser,
  nameFromEmail,
  type DomainHookConfig,
} from '../../examples/dexie-cloud/domain-hook.js';
import { closeServers, targetFor, TRANSPORTS, type TransportName } from './transports.js';
import { dexieCloud } from '../../src/providers/dexie-cloud/index.js';

const NOW = '2026-03-02T08:00:00.000Z';
const config: DomainHookConfig = {
  prodDomain: 'acme.test',
  blockedDomains: ['spam.test'],
  directory: {
    usr_emp_0042: { email: 'grace.hopper@acme.test', name: 'Grace Hopper' },
    usr_banned_01: { email: 'mallory@spam.test', name: 'Mallory' },
  },
};

const targets = new Map<TransportName, Target>();

beforeAll(async () => {
  const doors = { app: createDexieDomainHook(config), nodeHandler: createDexieDomainNodeHandler(config), fetch: createDexieDomainFetchHandler(config) };
  for (const transport of TRANSPORTS) targets.set(transport, await targetFor(transport, doors, '/webhooks/dexie-cloud'));
});
afterAll(closeServers);

interface Case {
  variant?: string;
  set?: Overrides;
  seed?: number;
}

/** Sends one case over every transport; asserts they agree and returns the first result. */
async function overEveryTransport(input: Case): Promise<SendResult<DexieOutcome>> {
  const results: SendResult<DexieOutcome>[] = [];
  for (const transport of TRANSPORTS) {
    results.push(
      await send({ provider: dexieCloud, event: 'new-user', target: targets.get(transport)!, seed: input.seed ?? 7, now: NOW, variant: input.variant, set: input.set }),
    );
  }
  // Four different transports really were used.
  expect(results.map((result) => result.target)).toEqual([
    'in-process app POST /webhooks/dexie-cloud',
    'in-process app POST /',
    'in-process fetch handler POST /webhooks/dexie-cloud',
    expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/webhooks\/dexie-cloud$/),
  ]);
  const [first, ...rest] = results as [SendResult<DexieOutcome>, ...SendResult<DexieOutcome>[]];
  for (const [index, result] of rest.entries()) {
    const transport = TRANSPORTS[index + 1];
    expect({ transport, request: result.request.body, verdict: result.verdict, outcome: result.outcome, body: JSON.parse(result.response!.body) }).toEqual({
      transport,
      request: first.request.body,
      verdict: first.verdict,
      outcome: first.outcome,
      body: JSON.parse(first.response!.body),
    });
    expect(result.response?.status).toBe(200);
    expect(result.response?.headers['content-type']).toMatch(/^application\/json/);
  }
  return first;
}

describe('domain hook: the same verdict and outcome over Express, node:http, fetch and a URL', () => {
  test('an email at the production domain becomes a prod user named from the email', async () => {
    const email = 'ada.lovelace@ACME.test';
    const result = await overEveryTransport({ set: { userId: email, email } });
    expect(result.verdict).toEqual({ pass: true, violations: [] });
    expect(JSON.parse(result.response!.body)).toEqual({ ok: true, action: 'prod', userData: { displayName: 'Ada Lovelace', plan: 'team' } });
    expect(result.outcome).toMatchObject({
      login: 'accepted',
      action: 'prod',
      user: { userId: email, type: 'prod', maxAllowedEvalDaysLeft: 30, data: { displayName: 'Ada Lovelace', plan: 'team' }, name: 'Ada Lovelace', email },
    });
    expect(result.outcome).not.toHaveProperty('user.evalDaysLeft');
  });

  test('any other email becomes an eval user with 30 days and the trial plan', async () => {
    const result = await overEveryTransport({ seed: 21 });
    const sent = JSON.parse(result.request.body) as { userId: string; email: string };
    expect(sent.email).not.toMatch(/@(acme|spam)\.test$/);
    expect(result.verdict.pass).toBe(true);
    expect(result.outcome).toMatchObject({
      login: 'accepted',
      action: 'eval',
      user: { userId: sent.email, type: 'eval', evalDaysLeft: 30, maxAllowedEvalDaysLeft: 30, data: { displayName: nameFromEmail(sent.email), plan: 'trial' }, email: sent.email },
    });
  });

  test('an opaque user id keeps the authenticated email and gets no userData.email', async () => {
    const result = await overEveryTransport({ variant: 'opaque-id', set: { email: 'linus.t@acme.test' } });
    const sent = JSON.parse(result.request.body) as { userId: string; email: string };
    expect(sent.userId).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(result.response!.body)).toEqual({ ok: true, action: 'prod', userData: { displayName: 'Linus T', plan: 'team' } });
    expect(result.outcome).toMatchObject({ login: 'accepted', action: 'prod', user: { userId: sent.userId, email: 'linus.t@acme.test', name: 'Linus T' } });
  });

  test('a blocked domain is refused with action reject: USER_NOT_ACCEPTED, and the hook passes', async () => {
    const result = await overEveryTransport({ set: { userId: 'bot@SPAM.test', email: 'bot@SPAM.test' } });
    expect(result.verdict).toEqual({ pass: true, violations: [] });
    expect(JSON.parse(result.response!.body)).toEqual({ ok: true, action: 'reject' });
    expect(result.outcome).toMatchObject({ login: 'refused', status: 403, error: { code: 'USER_NOT_ACCEPTED' } });
  });

  test('custom auth: a directory user gets userData.email, which becomes the user email', async () => {
    const result = await overEveryTransport({ variant: 'custom-auth', set: { userId: 'usr_emp_0042' } });
    expect(result.request.body).toBe('{"userId":"usr_emp_0042"}');
    expect(JSON.parse(result.response!.body)).toEqual({
      ok: true,
      action: 'prod',
      userData: { displayName: 'Grace Hopper', email: 'grace.hopper@acme.test', plan: 'team' },
    });
    expect(result.outcome).toMatchObject({
      login: 'accepted',
      action: 'prod',
      user: { userId: 'usr_emp_0042', type: 'prod', email: 'grace.hopper@acme.test', name: 'Grace Hopper' },
    });
  });

  test('custom auth: a directory user at a blocked domain is refused', async () => {
    const result = await overEveryTransport({ variant: 'custom-auth', set: { userId: 'usr_banned_01' } });
    expect(result.verdict.pass).toBe(true);
    expect(result.outcome).toMatchObject({ login: 'refused', error: { code: 'USER_NOT_ACCEPTED' } });
  });

  test('custom auth: an unknown id is an eval user named by its id, with no email', async () => {
    const result = await overEveryTransport({ variant: 'custom-auth', seed: 33 });
    const { userId } = JSON.parse(result.request.body) as { userId: string };
    expect(userId).toMatch(/^usr_/);
    expect(JSON.parse(result.response!.body)).toEqual({ ok: true, action: 'eval', userData: { displayName: userId, plan: 'trial' } });
    expect(result.outcome.login).toBe('accepted');
    if (result.outcome.login === 'accepted') {
      expect(result.outcome.user).toEqual({ userId, type: 'eval', evalDaysLeft: 30, maxAllowedEvalDaysLeft: 30, data: { displayName: userId, plan: 'trial' }, name: userId });
    }
  });
});

describe('decideNewUser (the pure decision)', () => {
  test('a request it cannot read is refused, still as a 200 decision', () => {
    for (const request of [undefined, null, 'text', [], {}, { userId: 42 }, { userId: '' }]) {
      expect(decideNewUser(request, config)).toEqual({ status: 200, body: { ok: true, action: 'reject' } });
    }
  });

  test('directory lookups use own keys only', () => {
    expect(decideNewUser({ userId: 'constructor' }, config).body).toEqual({ ok: true, action: 'eval', userData: { displayName: 'constructor', plan: 'trial' } });
  });

  test('prodDomain and prodDomains combine, case-insensitively; a string without @ has no domain', () => {
    const both: DomainHookConfig = { prodDomain: 'a.test', prodDomains: ['B.test'] };
    expect(decideNewUser({ userId: 'x', email: 'x@A.TEST' }, both).body.action).toBe('prod');
    expect(decideNewUser({ userId: 'x', email: 'x@b.test' }, both).body.action).toBe('prod');
    expect(decideNewUser({ userId: 'x', email: 'b.test' }, both).body.action).toBe('eval');
  });

  test('nameFromEmail capitalises the words of the local part', () => {
    expect(nameFromEmail('grace_b.hopper-x@acme.test')).toBe('Grace B Hopper X');
    expect(nameFromEmail('@acme.test')).toBe('@acme.test');
  });
});
