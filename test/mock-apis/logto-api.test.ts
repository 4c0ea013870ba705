import { describe, expect, test } from 'vitest';
import { createLogtoMockApi, type LogtoDataEvent } from '../../src/mock-apis/index.js';
import type { ApiRequest } from '../../src/mock-apis/types.js';
import { createLogtoActor } from '../../src/providers/logto/identity.js';
import { prepareEvent } from '../../src/send.js';

const NOW = Date.parse('2026-03-02T08:00:00Z');
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

function setup() {
  const actor = createLogtoActor(7, NOW);
  const events: LogtoDataEvent[] = [];
  const api = createLogtoMockApi({ tenant: { users: [actor.user], roles: [{ name: 'member' }], now: () => NOW }, onDataEvent: (event) => events.push(event) });
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    api.handle({ method, path, query: {}, headers, body } satisfies ApiRequest);
  const token = () => {
    const response = call('POST', '/oidc/token', { grant_type: 'client_credentials', resource: 'https://default.logto.app/api', scope: 'all' }, { authorization: basic('hooksim-m2m', 'hooksim-m2m-secret') });
    return { authorization: `Bearer ${(response.body as { access_token: string }).access_token}` };
  };
  return { api, actor, events, call, token };
}

describe('machine-to-machine token (oidc-provider client_credentials)', () => {
  test('Basic or body credentials, the Management API resource: a bearer token', () => {
    const { call } = setup();
    const viaBasic = call('POST', '/oidc/token', { grant_type: 'client_credentials', resource: 'https://default.logto.app/api', scope: 'all' }, { authorization: basic('hooksim-m2m', 'hooksim-m2m-secret') });
    expect(viaBasic.status).toBe(200);
    expect(viaBasic.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'all', access_token: expect.any(String) });
    const viaBody = call('POST', '/oidc/token', { grant_type: 'client_credentials', client_id: 'hooksim-m2m', client_secret: 'hooksim-m2m-secret', resource: 'https://default.logto.app/api' });
    expect(viaBody.status).toBe(200);
  });

  test.each([
    [{ authorization: basic('hooksim-m2m', 'wrong') }, { grant_type: 'client_credentials', resource: 'https://default.logto.app/api' }, 401, 'invalid_client'],
    [{ authorization: basic('someone', 'x') }, { grant_type: 'client_credentials', resource: 'https://default.logto.app/api' }, 401, 'invalid_client'],
    [{ authorization: basic('hooksim-m2m', 'hooksim-m2m-secret') }, { grant_type: 'client_credentials', resource: 'https://other/api' }, 400, 'invalid_target'],
    [{ authorization: basic('hooksim-m2m', 'hooksim-m2m-secret') }, { grant_type: 'password' }, 400, 'unsupported_grant_type'],
    [{}, { grant_type: 'client_credentials' }, 400, 'invalid_request'],
  ])('refused: %j %j -> %i %s', (headers, body, status, error) => {
    const response = setup().call('POST', '/oidc/token', body, headers);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error, error_description: expect.any(String) });
  });

  test('the Management API wants a bearer token it issued', () => {
    const { call, actor } = setup();
    expect(call('GET', `/api/users/${actor.user.id}`).body).toEqual({ message: 'Authorization header is missing.', code: 'auth.authorization_header_missing' });
    expect(call('GET', `/api/users/${actor.user.id}`, undefined, { authorization: 'Bearer forged' })).toMatchObject({ status: 401, body: { code: 'auth.unauthorized' } });
    expect(call('GET', `/api/users/${actor.user.id}`, undefined, { authorization: 'Token x' })).toMatchObject({ status: 401, body: { code: 'auth.authorization_token_type_not_supported' } });
  });
});

describe('Management API routes: shapes and statuses', () => {
  test('the user an event speaks of is in the API with the same fields (plus hasPassword)', () => {
    const { call, actor, token } = setup();
    const event = JSON.parse(prepareEvent({ provider: 'logto', event: 'PostSignIn', actor: actor as never, now: NOW }).request.body);
    const response = call('GET', `/api/users/${actor.user.id}`, undefined, token());
    expect(response.status).toBe(200);
    const { hasPassword, ...fields } = response.body as Record<string, unknown>;
    expect(hasPassword).toBe(true);
    expect(Object.keys(fields)).toEqual(Object.keys(event.user));
    expect(fields.id).toBe(event.user.id);
    expect(fields.primaryEmail).toBe(event.user.primaryEmail);
  });

  test('an unknown user is entity.not_exists_with_id (404)', () => {
    const { call, token } = setup();
    expect(call('GET', '/api/users/nobody', undefined, token())).toEqual({
      status: 404,
      body: { message: 'The user with ID `nobody` does not exist.', code: 'entity.not_exists_with_id' },
    });
  });

  test('custom-data: PATCH merges top-level keys and answers only the customData; User.Data.Updated follows', () => {
    const { call, actor, token, events } = setup();
    const auth = token();
    call('PATCH', `/api/users/${actor.user.id}/custom-data`, { customData: { plan: 'free', theme: 'dark' } }, auth);
    const response = call('PATCH', `/api/users/${actor.user.id}/custom-data`, { customData: { plan: 'pro' } }, auth);
    expect(response).toEqual({ status: 200, body: { plan: 'pro', theme: 'dark' } });
    expect(call('GET', `/api/users/${actor.user.id}/custom-data`, undefined, auth).body).toEqual({ plan: 'pro', theme: 'dark' });
    expect(events.at(-1)).toEqual({
      event: 'User.Data.Updated',
      context: { path: `/users/${actor.user.id}/custom-data`, method: 'PATCH', status: 200, params: { userId: actor.user.id }, matchedRoute: '/users/:userId/custom-data', data: { plan: 'pro', theme: 'dark' } },
    });
    expect(call('PATCH', `/api/users/${actor.user.id}/custom-data`, { plan: 'x' }, auth).status).toBe(400);
  });

  test('profile and suspension', () => {
    const { call, actor, token, events } = setup();
    const auth = token();
    expect(call('PATCH', `/api/users/${actor.user.id}/profile`, { profile: { nickname: 'Ada' } }, auth)).toEqual({ status: 200, body: { nickname: 'Ada' } });
    const suspended = call('PATCH', `/api/users/${actor.user.id}/is-suspended`, { isSuspended: true }, auth);
    expect(suspended.body).toMatchObject({ id: actor.user.id, isSuspended: true, hasPassword: true });
    expect(events.at(-1)?.event).toBe('User.SuspensionStatus.Updated');
  });

  test('user roles: POST {roleIds} is 201 without a body, GET lists Roles rows, DELETE is 204', () => {
    const { api, call, actor, token } = setup();
    const auth = token();
    const roles = call('GET', '/api/roles', undefined, auth).body as { id: string; name: string; tenantId: string; type: string }[];
    expect(roles).toEqual([{ tenantId: 'default', id: expect.stringMatching(/^[a-z0-9]{21}$/), name: 'member', description: 'member', type: 'User', isDefault: false }]);
    expect(call('POST', `/api/users/${actor.user.id}/roles`, { roleIds: [roles[0]!.id] }, auth)).toEqual({ status: 201 });
    expect(call('GET', `/api/users/${actor.user.id}/roles`, undefined, auth).body).toEqual(roles);
    expect((api.stateView() as any).users[actor.user.id].roles).toEqual(['member']);
    expect(call('POST', `/api/users/${actor.user.id}/roles`, { roleIds: ['missing'] }, auth)).toMatchObject({ status: 404, body: { code: 'entity.not_exists_with_id' } });
    expect(call('DELETE', `/api/users/${actor.user.id}/roles/${roles[0]!.id}`, undefined, auth)).toEqual({ status: 204 });
    expect(call('GET', `/api/users/${actor.user.id}/roles`, undefined, auth).body).toEqual([]);
  });

  test('creating a role answers the row with tenantId and fires Role.Created; a duplicate name is 422', () => {
    const { call, token, events } = setup();
    const auth = token();
    const created = call('POST', '/api/roles', { name: 'editor', description: 'Edits things' }, auth);
    expect(Object.keys(created.body as object)).toEqual(['tenantId', 'id', 'name', 'description', 'type', 'isDefault']);
    expect(events.at(-1)).toMatchObject({ event: 'Role.Created', context: { path: '/roles', method: 'POST', matchedRoute: '/roles', data: created.body } });
    expect(call('POST', '/api/roles', { name: 'editor', description: 'again' }, auth)).toMatchObject({ status: 422, body: { code: 'role.name_in_use' } });
  });

  test('a role created with scopeIds also fires Role.Scopes.Updated with roleId and the scopes', () => {
    const actor = createLogtoActor(7, NOW);
    const events: LogtoDataEvent[] = [];
    const api = createLogtoMockApi({ tenant: { users: [actor.user], scopes: [{ name: 'read:docs' }], now: () => NOW }, onDataEvent: (event) => events.push(event) });
    const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => api.handle({ method, path, query: {}, headers, body });
    const token = call('POST', '/oidc/token', { grant_type: 'client_credentials', client_id: 'hooksim-m2m', client_secret: 'hooksim-m2m-secret', resource: 'https://default.logto.app/api' });
    const auth = { authorization: `Bearer ${(token.body as { access_token: string }).access_token}` };
    const scopes = call('GET', '/api/scopes', undefined, auth).body as { id: string; name: string }[];
    const role = call('POST', '/api/roles', { name: 'reader', description: 'Reads', scopeIds: [scopes[0]!.id] }, auth).body as { id: string };
    expect(events.map((event) => event.event)).toEqual(['Role.Created', 'Role.Scopes.Updated']);
    expect(events[1]!.context).toMatchObject({ roleId: role.id, data: [{ name: 'read:docs' }] });
    expect(call('GET', `/api/roles/${role.id}/scopes`, undefined, auth).body).toEqual([expect.objectContaining({ id: scopes[0]!.id })]);
    expect(call('POST', '/api/roles', { name: 'x', description: 'x', scopeIds: ['nope'] }, auth).status).toBe(404);
  });

  test('organization membership: 201, a delta event without data, empty lists omitted', () => {
    const { call, actor, token, events } = setup();
    const auth = token();
    const organization = call('POST', '/api/organizations', { name: 'Acme' }, auth).body as { id: string };
    expect(call('POST', `/api/organizations/${organization.id}/users`, { userIds: [actor.user.id] }, auth)).toEqual({ status: 201 });
    const added = events.at(-1)!;
    expect(added.event).toBe('Organization.Membership.Updated');
    expect(added.context).toEqual({
      path: `/organizations/${organization.id}/users`, method: 'POST', status: 201, params: { id: organization.id }, matchedRoute: '/organizations/:id/users', organizationId: organization.id, addedUserIds: [actor.user.id],
    });
    call('POST', `/api/organizations/${organization.id}/users`, { userIds: [actor.user.id] }, auth);
    expect(events.at(-1)!.context).not.toHaveProperty('addedUserIds');
    expect(call('DELETE', `/api/organizations/${organization.id}/users/${actor.user.id}`, undefined, auth)).toEqual({ status: 204 });
    expect(events.at(-1)!.context).toMatchObject({ removedUserIds: [actor.user.id] });
  });
});

describe('unknown routes fail loudly; every call is recorded, credentials redacted', () => {
  test('a route hooksim does not emulate is a 501 naming it, with similar routes', () => {
    const { api, call, actor, token } = setup();
    const response = call('POST', `/api/users/${actor.user.id}/role`, { roleIds: [] }, token());
    expect(response.status).toBe(501);
    expect(response.body).toMatchObject({ code: 'hooksim.route_not_emulated', message: `hooksim's logto mock does not emulate POST /api/users/${actor.user.id}/role` });
    expect((response.body as any).data.similarRoutes).toContain('POST /api/users/:userId/roles');
    const last = api.calls.calls.at(-1)!;
    expect(last).toMatchObject({ method: 'POST', status: 501, route: undefined });
    expect(last.headers.authorization).toBe('Bearer [redacted]');
    expect(JSON.stringify(api.calls.calls)).not.toContain('hooksim-m2m-secret');
  });
});
