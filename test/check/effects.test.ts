import { describe, expect, it } from 'vitest';
import { checkHook, parseEffectsFile } from '../../src/check/index.js';
import { contains, template } from '../../src/check/effects.js';
import type { CheckReport, Effects } from '../../src/check/types.js';
import { UsageError } from '../../src/core/errors.js';
import { createFixtureHook, type LogtoFault } from './fixtures/logto-hook.js';

const signingKey = 'check-test-signing-key-0123456789';

const EFFECTS_YAML = `
User.Created:
  request: GET /users/\${data.id}
  expect:
    status: 200
    body: { id: "\${data.id}", deliveries: 1 }
User.Deleted:
  request: GET /users/\${params.userId}
  expect: { status: 404 }
`;

async function withEffects(fault: LogtoFault | undefined, effects: Effects, only: string[]): Promise<CheckReport> {
  const hook = createFixtureHook({ signingKey, fault });
  return checkHook({ provider: 'logto', target: { fetch: hook.fetch }, signingKey, effects, only, fuzz: 0 });
}
const byId = (report: CheckReport, id: string) => report.checks.find((check) => check.id === id)!;

describe('effects templates', () => {
  it('fills ${path} from the payload, URL-encoding values in the request line', () => {
    expect(template('GET /users/${data.id}', { data: { id: 'a b/c' } }, true)).toBe('GET /users/a%20b%2Fc');
    expect(template('${event}', { event: 'User.Created' })).toBe('User.Created');
  });

  it('names the path the payload lacks', () => {
    expect(() => template('GET /users/${data.user.id}', { data: { id: 'x' } })).toThrow('the payload has no value at data.user.id (got nothing)');
    expect(() => template('GET /users/${data}', { data: null })).toThrow('the payload has no value at data (got null)');
  });

  it('matches a subset of the JSON answer, recursively', () => {
    expect(contains({ id: 'a', deliveries: 1, extra: true }, { id: 'a', deliveries: 1 })).toBe(true);
    expect(contains({ id: 'a', deliveries: 2 }, { deliveries: 1 })).toBe(false);
    expect(contains({ nested: { a: [1, 2] } }, { nested: { a: [1, 2] } })).toBe(true);
    expect(contains({ nested: { a: [1] } }, { nested: { a: [1, 2] } })).toBe(false);
  });
});

describe('effects files', () => {
  it('parses YAML as data, placeholders untouched', async () => {
    const effects = await parseEffectsFile(EFFECTS_YAML, 'effects.yaml');
    expect(effects['User.Created']).toEqual({ request: 'GET /users/${data.id}', expect: { status: 200, body: { id: '${data.id}', deliveries: 1 } } });
  });

  it('refuses a request line without a method, with the file and path in one line', async () => {
    const error = await parseEffectsFile('User.Created:\n  request: /users/1\n', 'effects.yaml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe('effects.yaml: User.Created.request: expected "METHOD /path", e.g. "GET /users/${data.id}"');
  });

  it('refuses unknown keys and broken YAML', async () => {
    await expect(parseEffectsFile('User.Created:\n  request: GET /u\n  expect: { code: 200 }\n', 'e.yaml')).rejects.toThrow(/^e\.yaml: User\.Created\.expect: /);
    await expect(parseEffectsFile('User.Created: [unclosed', 'e.yaml')).rejects.toThrow(/^e\.yaml: not valid YAML\/JSON: /);
  });

  it('refuses effects for events the provider does not have', async () => {
    await expect(withEffects(undefined, { 'User.Create': { request: 'GET /x' } }, ['effects.'])).rejects.toThrow('effects for unknown logto event User.Create; see `hooksim list`');
  });
});

describe('effects.<Event>: what the hook did', () => {
  it('passes when the app shows the user after User.Created, and 404 after User.Deleted', async () => {
    const report = await withEffects(undefined, await parseEffectsFile(EFFECTS_YAML, 'e.yaml'), ['effects.']);
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['effects.User.Created', 'pass'],
      ['effects.User.Deleted', 'pass'],
    ]);
    expect(byId(report, 'effects.User.Created').message).toMatch(/^effect GET \/users\/\w+: 200, body as expected$/);
    // User.Deleted needs a user to delete: it was created first.
    expect(byId(report, 'effects.User.Deleted').exchanges.map((s) => s.label)).toEqual(['User.Created', 'User.Deleted']);
  });

  it('fails a hook that answers 200 and stores nothing', async () => {
    const report = await withEffects('no-op', await parseEffectsFile(EFFECTS_YAML, 'e.yaml'), ['effects.User.Created']);
    expect(byId(report, 'effects.User.Created')).toMatchObject({ status: 'fail' });
    expect(byId(report, 'effects.User.Created').message).toMatch(/^status 200, but effect GET \/users\/\w+: expected status 200, got 404$/);
  });

  it('takes callbacks in the library form (a test looks in its own database)', async () => {
    const hook = createFixtureHook({ signingKey, fault: 'no-op' });
    // The payload is typed loosely: `event.data.id` needs no cast.
    const report = await checkHook({ provider: 'logto', target: { fetch: hook.fetch }, signingKey, effects: { 'User.Created': (event) => hook.users.has(event.data.id) || 'the user is not in the database' }, only: ['effects.'], fuzz: 0 });
    expect(byId(report, 'effects.User.Created').message).toBe('status 200, but effect callback for User.Created (delivered): the user is not in the database');
    const good = createFixtureHook({ signingKey });
    const passing = await checkHook({ provider: 'logto', target: { fetch: good.fetch }, signingKey, effects: { 'User.Created': (event) => good.users.has(event.data.id) }, only: ['effects.'], fuzz: 0 });
    expect(byId(passing, 'effects.User.Created').status).toBe('pass');
  });

  it('a callback that throws fails with its message', async () => {
    const report = await withEffects(undefined, { 'User.Created': () => { throw new Error('db down'); } }, ['effects.']);
    expect(byId(report, 'effects.User.Created').message).toBe('status 200, but effect callback for User.Created (delivered) threw: db down');
  });
});

describe('"once": delivery.duplicate and delivery.concurrent check the effects after both deliveries', () => {
  it('a hook that processes the duplicate again fails delivery.duplicate through the effect', async () => {
    const effects = await parseEffectsFile(EFFECTS_YAML, 'e.yaml');
    const report = await withEffects('double-count', effects, ['delivery.duplicate']);
    expect(byId(report, 'delivery.duplicate').status).toBe('fail');
    expect(byId(report, 'delivery.duplicate').message).toMatch(/^after the duplicate: effect GET \/users\/\w+: expected the body to contain \{"id":"\w+","deliveries":1\}, got \{"id":"\w+","deliveries":2\}$/);
    const good = await withEffects(undefined, effects, ['delivery.duplicate']);
    expect(byId(good, 'delivery.duplicate').message).toMatch(/^status 200 both times; effect GET \/users\/\w+: 200, body as expected after both$/);
  });

  it('a no-op hook fails delivery.concurrent through the effect; a correct one passes', async () => {
    const effects = await parseEffectsFile(EFFECTS_YAML, 'e.yaml');
    const report = await withEffects('no-op', effects, ['delivery.concurrent']);
    expect(byId(report, 'delivery.concurrent').message).toMatch(/^effect GET \/users\/\w+: expected status 200, got 404$/);
    const good = await withEffects(undefined, effects, ['delivery.concurrent']);
    expect(byId(good, 'delivery.concurrent').status).toBe('pass');
  });
});
