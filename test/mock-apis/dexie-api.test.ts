import { describe, expect, test } from 'vitest';
import { applyNewUserOutcome, createDexieMockApi, dexieUser } from '../../src/mock-apis/index.js';
import type { DexieOutcome } from '../../src/providers/dexie-cloud/outcome.js';

const NOW = Date.parse('2026-03-02T08:00:00Z');

function setup(clients?: { clientId: string; clientSecret: string; scopes: ('ACCESS_DB' | 'GLOBAL_READ' | 'GLOBAL_WRITE' | 'IMPERSONATE' | '*')[] }[]) {
  const api = createDexieMockApi({ database: { now: () => NOW, ...(clients ? { clients } : {}) } });
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}, query: Record<string, string> = {}) =>
    api.handle({ method, path, query, headers, body });
  const token = (scopes: string[], client = { id: 'hooksim-client', secret: 'hooksim-secret' }, extra: object = {}) =>
    call('POST', '/token', { grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret, scopes, ...extra });
  const bearer = (scopes: string[]) => ({ authorization: `Bearer ${(token(scopes).body as { accessToken: string }).accessToken}` });
  return { api, call, token, bearer };
}

const accepted = (userId: string, type: 'eval' | 'prod'): DexieOutcome => ({
  login: 'accepted',
  action: type,
  user: { userId, type, ...(type === 'eval' ? { evalDaysLeft: 30 } : {}), maxAllowedEvalDaysLeft: 30, data: { displayName: 'Ada' } },
  reason: 'test',
});

describe('POST /token with client credentials', () => {
  test('a client token: TokenFinalResponse with userType client, an hour of validity', () => {
    const response = setup().token(['ACCESS_DB', 'GLOBAL_READ']);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ type: 'tokens', claims: { sub: 'hooksim-client', license: 'ok' }, userType: 'client', accessTokenExpiration: NOW + 3_600_000, accessToken: expect.any(String) });
  });

  test('wrong secret, a scope the client lacks, claims without IMPERSONATE', () => {
    const limited = setup([{ clientId: 'app', clientSecret: 's', scopes: ['ACCESS_DB', 'GLOBAL_READ'] }]);
    expect(limited.token(['ACCESS_DB'], { id: 'app', secret: 'nope' }).status).toBe(401);
    const refused = limited.token(['ACCESS_DB', 'GLOBAL_WRITE'], { id: 'app', secret: 's' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ type: 'error', message: expect.stringContaining('GLOBAL_WRITE') });
    expect(limited.token(['ACCESS_DB'], { id: 'app', secret: 's' }, { claims: { sub: 'u1' } }).status).toBe(403);
    expect(setup().token(['ACCESS_DB', 'FLY']).status).toBe(400);
  });

  test('with IMPERSONATE, claims give a token for that user', () => {
    const response = setup().token(['ACCESS_DB'], undefined, { claims: { sub: 'usr_1', email: 'a@b.test' } });
    expect(response.body).toMatchObject({ claims: { sub: 'usr_1', email: 'a@b.test' }, userType: 'eval' });
  });
});

describe('/users and its scope rules', () => {
  test('a token with only ACCESS_DB gets 403 "Not authorized"; no token gets 401', () => {
    const { call, bearer } = setup();
    expect(call('GET', '/users', undefined, bearer(['ACCESS_DB']))).toMatchObject({ status: 403, body: 'Not authorized' });
    expect(call('GET', '/users').status).toBe(401);
    expect(call('POST', '/users', [], bearer(['ACCESS_DB', 'GLOBAL_READ'])).status).toBe(403);
  });

  test('create, read, update, list, delete', () => {
    const { call, bearer } = setup();
    const write = bearer(['ACCESS_DB', 'GLOBAL_READ', 'GLOBAL_WRITE']);
    const created = call('POST', '/users', [{ userId: 'ada@acme.test', type: 'eval', evalDaysLeft: 45, data: { plan: 'trial' } }], write);
    expect(created.status).toBe(200);
    const at = new Date(NOW).toISOString();
    expect(call('GET', '/users/ada@acme.test', undefined, write).body).toEqual({
      userId: 'ada@acme.test', created: at, updated: at, lastLogin: null, maxAllowedEvalDaysLeft: 30, deactivated: null, data: { plan: 'trial' }, type: 'eval', evalDaysLeft: 30,
    });
    call('POST', '/users', [{ userId: 'ada@acme.test', type: 'prod', deactivated: true }], write);
    expect(call('GET', '/users/ada@acme.test', undefined, write).body).toMatchObject({ type: 'prod', deactivated: at });
    expect(call('GET', '/users', undefined, write, { type: 'prod' }).body).toEqual({ data: [expect.objectContaining({ userId: 'ada@acme.test' })], hasMore: false });
    expect(call('DELETE', '/users/ada@acme.test', undefined, write).status).toBe(204);
    expect(call('GET', '/users/ada@acme.test', undefined, write).status).toBe(404);
  });

  test('picky about properties: an unsupported one, a missing type on create, a wrong type', () => {
    const { call, bearer } = setup();
    const write = bearer(['*']);
    expect(call('POST', '/users', [{ userId: 'x', type: 'eval', plan: 'pro' }], write)).toMatchObject({ status: 400, body: 'Unsupported property "plan"' });
    expect(call('POST', '/users', [{ userId: 'x' }], write)).toMatchObject({ status: 400, body: 'type is required to create user x' });
    expect(call('POST', '/users', [{ userId: 'x', type: 'production' }], write).status).toBe(400);
    expect(call('POST', '/users', { userId: 'x' }, write).status).toBe(400);
  });
});

describe('GET /users: filters, sorting, paging', () => {
  test('sort and desc order the list; limit pages it with hasMore and an opaque pagingKey', () => {
    const { call, bearer } = setup();
    const write = bearer(['*']);
    call('POST', '/users', ['carol', 'alice', 'bob'].map((name) => ({ userId: `${name}@acme.test`, type: 'eval', data: { displayName: name } })), write);
    const first = call('GET', '/users', undefined, write, { sort: 'userId', limit: '2' }).body as { data: { userId: string }[]; hasMore: boolean; pagingKey: string };
    expect(first.data.map((user) => user.userId)).toEqual(['alice@acme.test', 'bob@acme.test']);
    expect(first.hasMore).toBe(true);
    const second = call('GET', '/users', undefined, write, { sort: 'userId', limit: '2', pagingKey: first.pagingKey }).body;
    expect(second).toEqual({ data: [expect.objectContaining({ userId: 'carol@acme.test' })], hasMore: false });
    const byName = call('GET', '/users', undefined, write, { sort: 'displayName', desc: '' }).body as { data: { userId: string }[] };
    expect(byName.data.map((user) => user.userId)).toEqual(['carol@acme.test', 'bob@acme.test', 'alice@acme.test']);
    expect((call('GET', '/users', undefined, write, { search: 'bob' }).body as { data: unknown[] }).data).toHaveLength(1);
  });

  test('a batch with one bad item changes nobody', () => {
    const { api, call, bearer } = setup();
    const response = call('POST', '/users', [{ userId: 'ok@acme.test', type: 'eval' }, { userId: 'bad@acme.test', type: 'eval', plan: 'pro' }], bearer(['*']));
    expect(response).toMatchObject({ status: 400, body: 'Unsupported property "plan"' });
    expect(api.database.users.size).toBe(0);
  });
});

describe('the new-user outcome lands in the database', () => {
  test('a user the hook made prod is prod here, with its data; a refused login creates nobody', () => {
    const { api, call, bearer } = setup();
    applyNewUserOutcome(api.database, accepted('ada@acme.test', 'prod'));
    expect(dexieUser(api.database, 'ada@acme.test')).toMatchObject({ type: 'prod', lastLogin: new Date(NOW).toISOString() });
    expect(call('GET', '/users/ada@acme.test', undefined, bearer(['ACCESS_DB', 'GLOBAL_READ'])).body).toMatchObject({ type: 'prod', data: { displayName: 'Ada' }, maxAllowedEvalDaysLeft: 30 });
    applyNewUserOutcome(api.database, { login: 'refused', status: 403, error: { code: 'USER_NOT_ACCEPTED', message: 'no' }, reason: 'test' });
    expect(api.database.users.size).toBe(1);
  });

  test('a later change the hook already made through the API is not overwritten', () => {
    const { api, call, bearer } = setup();
    call('POST', '/users', [{ userId: 'grace@acme.test', type: 'prod' }], bearer(['*']));
    applyNewUserOutcome(api.database, accepted('grace@acme.test', 'eval'));
    expect(api.database.users.get('grace@acme.test')?.type).toBe('prod');
  });
});

describe('unknown Dexie routes fail loudly', () => {
  test('a 501 naming the route, the closest emulated routes, and the call recorded as unmatched', () => {
    const { api, call, bearer } = setup();
    const response = call('PUT', '/users/ada@acme.test', { type: 'prod' }, bearer(['*']));
    expect(response).toMatchObject({
      status: 501,
      body: { code: 'hooksim.route_not_emulated', message: "hooksim's dexie-cloud mock does not emulate PUT /users/ada@acme.test", data: { similarRoutes: ['GET /users/:userId', 'DELETE /users/:userId'] } },
    });
    expect(api.calls.unmatched().map((found) => `${found.method} ${found.path}`)).toEqual(['PUT /users/ada@acme.test']);
    expect(JSON.stringify(api.calls.calls)).not.toContain('hooksim-secret');
  });
});

describe('adopt(): what Dexie Cloud decided lands in the database', () => {
  test('an accepted login creates the user with the type and data the hook chose; a refused one creates nothing', () => {
    const { api } = setup();
    expect(api.adopt({ outcome: accepted('ada@acme.test', 'prod') })).toMatchObject({ userId: 'ada@acme.test', type: 'prod', data: { displayName: 'Ada' } });
    expect(dexieUser(api.database, 'ada@acme.test')).toMatchObject({ type: 'prod', created: '2026-03-02T08:00:00.000Z' });
    const refused: DexieOutcome = { login: 'refused', status: 403, error: { code: 'USER_NOT_ACCEPTED', message: 'no' }, reason: 'test' };
    expect(api.adopt({ outcome: refused })).toBeUndefined();
    expect([...api.database.users.keys()]).toEqual(['ada@acme.test']);
  });
});
