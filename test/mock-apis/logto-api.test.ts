import { describe, expect, test } from 'vitest';
import type { JsonObject } from '../../src/core/json.js';
import { createLogtoMockApi, logtoUser, upsertActorUser, userHasRole, userRoleNames, type LogtoTenantSeed } from '../../src/mock-apis/index.js';
import type { ApiRequest } from '../../src/mock-apis/types.js';
import { createLogtoActor, pickUserInfo } from '../../src/providers/logto/identity.js';
import { prepareEvent } from '../../src/send.js';

const NOW = Date.parse('2026-03-02T08:00:00Z');
const RESOURCE = 'https://default.logto.app/api';
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const M2M = basic('hooksim-m2m', 'hooksim-m2m-secret');

function setup(seed: Partial<LogtoTenantSeed> = {}) {
  const actor = createLogtoActor(7, NOW);
  const events: { event: string; context: JsonObject }[] = [];
  const api = createLogtoMockApi({
    tenant: { users: [actor], roles: [{ name: 'member' }, { name: 'robot', type: 'MachineToMachine' }], now: NOW, ...seed },
    onDataEvent: (event, context) => events.push({ event, context }),
  });
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}, query: Record<string, string> = {}) =>
    api.handle({ method, path, query, headers, body } satisfies ApiRequest);
  const token = (body: Record<string, string> = { grant_type: 'client_credentials', resource: RESOURCE, scope: 'all' }, headers: Record<string, string> = { authorization: M2M }) =>
    call('POST', '/oidc/token', body, headers);
  const auth = () => ({ authorization: `Bearer ${(token().body as { access_token: string }).access_token}` });
  const roleId = (name: string) => [...api.tenant.roles.values()].find((role) => role.name === name)!.id;
  return { api, actor, events, call, token, auth, roleId };
}

describe('machine-to-machine token (oidc-provider client_credentials)', () => {
  test('HTTP Basic or body credentials, the Management API resource, scope all: a bearer token', () => {
    const { token } = setup();
    const viaBasic = token();
    expect(viaBasic).toEqual({ status: 200, body: { access_token: expect.any(String), expires_in: 3600, token_type: 'Bearer', scope: 'all' } });
    const viaBody = token({ grant_type: 'client_credentials', client_id: 'hooksim-m2m', client_secret: 'hooksim-m2m-secret', resource: RESOURCE, scope: 'all' }, {});
    expect(viaBody.status).toBe(200);
  });

  test('a Cloud tenant: the indicator is https://<tenant>.logto.app/api and the mock answers at that origin', () => {
    const api = createLogtoMockApi({ tenant: { tenantId: 'mytenant' } });
    expect(api.baseUrl).toBe('https://mytenant.logto.app');
    const ok = api.handle({ method: 'POST', path: '/oidc/token', query: {}, headers: { authorization: M2M }, body: { grant_type: 'client_credentials', resource: 'https://mytenant.logto.app/api', scope: 'all' } });
    expect(ok.status).toBe(200);
    const oss = api.handle({ method: 'POST', path: '/oidc/token', query: {}, headers: { authorization: M2M }, body: { grant_type: 'client_credentials', resource: RESOURCE, scope: 'all' } });
    expect(oss).toEqual({ status: 400, body: { error: 'invalid_target', error_description: 'resource indicator is missing, or unknown' } });
  });

  test.each([
    ['a wrong client secret', { authorization: basic('hooksim-m2m', 'wrong') }, {}, 401, 'invalid_client', 'client authentication failed'],
    ['an unknown client', { authorization: basic('someone', 'x') }, {}, 401, 'invalid_client', 'client authentication failed'],
    ['no client authentication', {}, {}, 400, 'invalid_request', 'no client authentication mechanism provided'],
    ['both Basic and body secrets', { authorization: M2M }, { client_secret: 'hooksim-m2m-secret' }, 400, 'invalid_request', 'client authentication must only be provided using one mechanism'],
    ['another resource', { authorization: M2M }, { resource: 'https://api.example.com' }, 400, 'invalid_target', 'resource indicator is missing, or unknown'],
    ['the password grant', { authorization: M2M }, { grant_type: 'password' }, 400, 'unsupported_grant_type', 'unsupported grant_type requested'],
  ])('refused: %s', (_name, headers, extra, status, error, description) => {
    const response = setup().token({ grant_type: 'client_credentials', resource: RESOURCE, scope: 'all', ...extra }, headers);
    expect(response).toEqual({ status, body: { error, error_description: description } });
  });

  test('without scope=all the token has no scope (the key is left out) and the Management API answers 403', () => {
    const { token, call, actor } = setup();
    const scopeless = token({ grant_type: 'client_credentials', resource: RESOURCE });
    expect(scopeless.body).not.toHaveProperty('scope');
    const response = call('GET', `/api/users/${actor.user.id}`, undefined, { authorization: `Bearer ${(scopeless.body as { access_token: string }).access_token}` });
    expect(response).toMatchObject({ status: 403, body: { code: 'auth.forbidden', message: 'Forbidden. Please check your user roles and permissions.' } });
  });

  test('an M2M app without the Management API role gets a token without all: 403', () => {
    const { token, call, actor } = setup({ clients: [{ clientId: 'hooksim-m2m', clientSecret: 'hooksim-m2m-secret', scopes: [] }] });
    const response = token();
    expect(response.body).not.toHaveProperty('scope');
    expect(call('GET', `/api/users/${actor.user.id}`, undefined, { authorization: `Bearer ${(response.body as { access_token: string }).access_token}` }).status).toBe(403);
  });

  test('a token asked for without a resource is opaque: the Management API answers 401 and says why in a header', () => {
    const { token, call, actor } = setup();
    const opaque = token({ grant_type: 'client_credentials', scope: 'all' });
    expect(opaque.status).toBe(200);
    const response = call('GET', `/api/users/${actor.user.id}`, undefined, { authorization: `Bearer ${(opaque.body as { access_token: string }).access_token}` });
    expect(response).toMatchObject({ status: 401, body: { code: 'auth.unauthorized' }, headers: { 'x-hooksim-reason': expect.stringContaining('no resource') } });
  });

  test('the Management API wants a bearer token it issued (koa-auth codes and messages)', () => {
    const { call, actor } = setup();
    const path = `/api/users/${actor.user.id}`;
    expect(call('GET', path)).toEqual({ status: 401, body: { code: 'auth.authorization_header_missing', message: 'Authorization header is missing.' } });
    expect(call('GET', path, undefined, { authorization: 'Token x' })).toEqual({
      status: 401,
      body: { code: 'auth.authorization_token_type_not_supported', data: { supportedTypes: ['Bearer'] }, message: 'Authorization type is not supported.' },
    });
    expect(call('GET', path, undefined, { authorization: 'Bearer forged' })).toMatchObject({ status: 401, body: { code: 'auth.unauthorized', message: 'Unauthorized. Please check credentials and its scope.' } });
  });
});

describe('users: the user an event speaks of, with the same fields', () => {
  test('GET /api/users/:id is the event user (same id, email, timestamps) plus hasPassword', () => {
    const { api, call, actor, auth } = setup();
    // An event moves its actor on (PostRegister: a new user, created now); the API gets the moved-on user.
    const prepared = prepareEvent({ provider: 'logto', event: 'PostRegister', actor: actor as never, now: NOW + 60_000 });
    api.adopt(prepared);
    const event = JSON.parse(prepared.request.body);
    const response = call('GET', `/api/users/${actor.user.id}`, undefined, auth());
    expect(response.status).toBe(200);
    const { hasPassword, ...fields } = response.body as Record<string, unknown>;
    expect(hasPassword).toBe(true);
    // Same keys in the same order, same values.
    expect(Object.keys(fields)).toEqual(Object.keys(event.user));
    expect(fields).toEqual(event.user);
    expect(fields.createdAt).not.toBe(actor.user.createdAt);
  });

  test('a tenant seeded from an actor answers its user unchanged', () => {
    const { call, actor, auth } = setup();
    expect(call('GET', `/api/users/${actor.user.id}`, undefined, auth()).body).toEqual({ ...pickUserInfo(actor.user, '1.42'), hasPassword: true });
  });

  test('changes made through the API survive the next event about the same user', () => {
    const { api, call, actor, auth } = setup();
    call('PATCH', `/api/users/${actor.user.id}/custom-data`, { customData: { plan: 'pro' } }, auth());
    const next = prepareEvent({ provider: 'logto', event: 'PostSignIn', actor: actor as never, now: NOW + 86_400_000 });
    api.adopt(next);
    expect(logtoUser(api.tenant, actor.user.id)).toMatchObject({ customData: { plan: 'pro' }, lastSignInAt: JSON.parse(next.request.body).user.lastSignInAt });
  });

  test('the tenant holds a copy: API changes never reach back into the actor', () => {
    const { call, actor, auth } = setup();
    call('PATCH', `/api/users/${actor.user.id}/custom-data`, { customData: { plan: 'pro' } }, auth());
    expect(actor.user.customData).toEqual({});
  });

  test('an unknown user is entity.not_found (findUserById is a slonik pool.one)', () => {
    const { call, auth } = setup();
    expect(call('GET', '/api/users/nobody', undefined, auth())).toEqual({ status: 404, body: { code: 'entity.not_found', message: 'The resource does not exist.' } });
  });

  test('custom-data: PATCH merges top-level keys and answers only the customData; User.Data.Updated follows', () => {
    const { call, actor, auth, events, api } = setup();
    const headers = auth();
    call('PATCH', `/api/users/${actor.user.id}/custom-data`, { customData: { plan: 'free', theme: 'dark' } }, headers);
    const response = call('PATCH', `/api/users/${actor.user.id}/custom-data`, { customData: { plan: 'pro' } }, headers);
    expect(response).toEqual({ status: 200, body: { plan: 'pro', theme: 'dark' } });
    expect(call('GET', `/api/users/${actor.user.id}/custom-data`, undefined, headers)).toEqual({ status: 200, body: { plan: 'pro', theme: 'dark' } });
    expect(events.at(-1)).toEqual({
      event: 'User.Data.Updated',
      context: { path: `/users/${actor.user.id}/custom-data`, method: 'PATCH', status: 200, params: { userId: actor.user.id }, matchedRoute: '/users/:userId/custom-data', data: { plan: 'pro', theme: 'dark' } },
    });
    expect((logtoUser(api.tenant, actor.user.id)!.customData as JsonObject).plan).toBe('pro');
  });

  test('a body the guard refuses is 400 guard.invalid_input with the zod details', () => {
    const { call, actor, auth } = setup();
    const response = call('PATCH', `/api/users/${actor.user.id}/custom-data`, { plan: 'x' }, auth());
    expect(response).toMatchObject({
      status: 400,
      body: { code: 'guard.invalid_input', message: 'The request body is invalid.', details: 'Error in key path "customData": (invalid_type) Expected object but received undefined.' },
    });
    expect((response.body as { data: { issues: unknown[] } }).data.issues).toEqual([{ code: 'invalid_type', expected: 'object', received: 'undefined', path: ['customData'], message: 'Required' }]);
  });

  test('profile: merges the OIDC profile keys and drops the others (a non-strict guard)', () => {
    const { call, actor, auth } = setup();
    expect(call('PATCH', `/api/users/${actor.user.id}/profile`, { profile: { nickname: 'Ada', shoeSize: 38 } }, auth())).toEqual({ status: 200, body: { nickname: 'Ada' } });
  });

  test('PATCH /users/:id replaces JSON columns, ignores unknown keys, refuses a taken email with 422', () => {
    const other = createLogtoActor(8, NOW);
    const { call, actor, auth, events } = setup({ users: [createLogtoActor(7, NOW), other] });
    const headers = auth();
    call('PATCH', `/api/users/${actor.user.id}/custom-data`, { customData: { a: 1 } }, headers);
    const response = call('PATCH', `/api/users/${actor.user.id}`, { name: 'Ada L.', customData: { b: 2 }, favouriteColour: 'green' }, headers);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: actor.user.id, name: 'Ada L.', customData: { b: 2 }, hasPassword: true });
    expect(response.body).not.toHaveProperty('favouriteColour');
    expect(events.at(-1)).toMatchObject({ event: 'User.Data.Updated', context: { matchedRoute: '/users/:userId', data: response.body } });
    expect(call('PATCH', `/api/users/${actor.user.id}`, { primaryEmail: other.user.primaryEmail!.toUpperCase() }, headers)).toMatchObject({
      status: 422,
      body: { code: 'user.email_already_in_use' },
    });
  });

  test('suspension answers the user profile and fires User.SuspensionStatus.Updated', () => {
    const { call, actor, auth, events } = setup();
    const suspended = call('PATCH', `/api/users/${actor.user.id}/is-suspended`, { isSuspended: true }, auth());
    expect(suspended.body).toMatchObject({ id: actor.user.id, isSuspended: true, hasPassword: true });
    expect(events.at(-1)).toMatchObject({ event: 'User.SuspensionStatus.Updated', context: { status: 200, data: suspended.body } });
  });
});

describe('roles', () => {
  test('GET /roles: rows with counts and featured users, paginated with Total-Number', () => {
    const { call, actor, auth, roleId } = setup();
    const headers = auth();
    call('POST', `/api/users/${actor.user.id}/roles`, { roleIds: [roleId('member')] }, headers);
    const response = call('GET', '/api/roles', undefined, headers, { type: 'User' });
    expect(response).toEqual({
      status: 200,
      headers: { 'total-number': '1' },
      body: [
        {
          tenantId: 'default', id: roleId('member'), name: 'member', description: 'member', type: 'User', isDefault: false,
          usersCount: 1, featuredUsers: [{ id: actor.user.id, avatar: null, name: actor.user.name }], applicationsCount: 0, featuredApplications: [],
        },
      ],
    });
    expect(call('GET', '/api/roles', undefined, headers, { page: '2', page_size: '1' })).toMatchObject({ status: 200, headers: { 'total-number': '2' }, body: [{ name: 'robot' }] });
    expect(call('GET', '/api/roles', undefined, headers, { page_size: '500' })).toMatchObject({ status: 400, body: { code: 'guard.invalid_pagination' } });
  });

  test('user roles: POST {roleIds} is 201 without a body and ignores roles already held; GET lists Roles rows; DELETE 204 then 404', () => {
    const { api, call, actor, auth, roleId } = setup();
    const headers = auth();
    const member = roleId('member');
    expect(call('POST', `/api/users/${actor.user.id}/roles`, { roleIds: [member] }, headers)).toEqual({ status: 201 });
    expect(call('POST', `/api/users/${actor.user.id}/roles`, { roleIds: [member] }, headers)).toEqual({ status: 201 });
    expect(call('GET', `/api/users/${actor.user.id}/roles`, undefined, headers)).toEqual({
      status: 200,
      headers: { 'total-number': '1' },
      body: [{ tenantId: 'default', id: member, name: 'member', description: 'member', type: 'User', isDefault: false }],
    });
    expect(userRoleNames(api.tenant, actor.user.id)).toEqual(['member']);
    expect(userHasRole(api.tenant, actor.user.id, 'member')).toBe(true);
    expect(call('DELETE', `/api/users/${actor.user.id}/roles/${member}`, undefined, headers)).toEqual({ status: 204 });
    expect(call('DELETE', `/api/users/${actor.user.id}/roles/${member}`, undefined, headers)).toMatchObject({ status: 404, body: { code: 'entity.not_found' } });
  });

  test('user roles: an unknown role is 404 not_exists_with_id, an M2M role 422, a missing user 404, a bad body 400', () => {
    const { call, actor, auth, roleId } = setup();
    const headers = auth();
    expect(call('POST', `/api/users/${actor.user.id}/roles`, { roleIds: ['missing'] }, headers)).toEqual({
      status: 404,
      body: { code: 'entity.not_exists_with_id', message: 'The roles with ID `missing` does not exist.' },
    });
    expect(call('POST', `/api/users/${actor.user.id}/roles`, { roleIds: [roleId('robot')] }, headers)).toEqual({
      status: 422,
      body: { code: 'user.invalid_role_type', message: 'Invalid role type, can not assign machine-to-machine role to user.' },
    });
    expect(call('POST', '/api/users/nobody/roles', { roleIds: [roleId('member')] }, headers).status).toBe(404);
    expect(call('POST', `/api/users/${actor.user.id}/roles`, { roleId: roleId('member') }, headers)).toMatchObject({ status: 400, body: { code: 'guard.invalid_input' } });
  });

  test('POST /roles answers the row (200) and fires Role.Created; a duplicate name is 422; GET /roles/:id', () => {
    const { call, auth, events } = setup();
    const headers = auth();
    const created = call('POST', '/api/roles', { name: 'editor', description: 'Edits things' }, headers);
    expect(created.status).toBe(200);
    expect(Object.keys(created.body as object)).toEqual(['tenantId', 'id', 'name', 'description', 'type', 'isDefault']);
    expect(events.at(-1)).toEqual({ event: 'Role.Created', context: { path: '/roles', method: 'POST', status: 200, params: {}, matchedRoute: '/roles', data: created.body } });
    expect(call('POST', '/api/roles', { name: 'editor', description: 'again' }, headers)).toEqual({ status: 422, body: { code: 'role.name_in_use', message: 'This role name editor is already in use' } });
    const id = (created.body as { id: string }).id;
    expect(call('GET', `/api/roles/${id}`, undefined, headers)).toEqual({ status: 200, body: created.body });
    expect(call('GET', '/api/roles/nope', undefined, headers)).toMatchObject({ status: 404, body: { code: 'entity.not_exists_with_id' } });
  });

  test('scopes: a role created with scopeIds fires Role.Scopes.Updated; POST /roles/:id/scopes is 200 with every scope; GET attaches the resource', () => {
    const { call, auth, events } = setup({ scopes: [{ name: 'read:docs' }, { name: 'write:docs' }] });
    const headers = auth();
    const resources = call('GET', '/api/resources', undefined, headers).body as { id: string }[];
    const scopes = call('GET', `/api/resources/${resources[0]!.id}/scopes`, undefined, headers).body as { id: string; name: string }[];
    expect(scopes.map((scope) => scope.name)).toEqual(['read:docs', 'write:docs']);
    const role = call('POST', '/api/roles', { name: 'reader', description: 'Reads', scopeIds: [scopes[0]!.id] }, headers).body as { id: string };
    expect(events.map((event) => event.event)).toEqual(['Role.Created', 'Role.Scopes.Updated']);
    expect(events[1]!.context).toEqual({ path: '/roles', method: 'POST', status: 200, params: {}, matchedRoute: '/roles', roleId: role.id, data: [scopes[0]] });

    const added = call('POST', `/api/roles/${role.id}/scopes`, { scopeIds: [scopes[1]!.id] }, headers);
    expect(added).toEqual({ status: 200, body: scopes });
    expect(events.at(-1)).toEqual({
      event: 'Role.Scopes.Updated',
      context: { path: `/roles/${role.id}/scopes`, method: 'POST', status: 200, params: { id: role.id }, matchedRoute: '/roles/:id/scopes', data: scopes },
    });
    expect(call('POST', `/api/roles/${role.id}/scopes`, { scopeIds: [scopes[1]!.id] }, headers)).toMatchObject({ status: 422, body: { code: 'role.scope_exists' } });
    expect(call('POST', `/api/roles/${role.id}/scopes`, { scopeIds: [] }, headers)).toMatchObject({ status: 400, body: { code: 'guard.invalid_input' } });
    const listed = call('GET', `/api/roles/${role.id}/scopes`, undefined, headers).body as { resource: { id: string } }[];
    expect(listed).toHaveLength(2);
    expect(listed[0]!.resource).toMatchObject({ id: resources[0]!.id, indicator: expect.any(String) });
    expect(call('POST', '/api/roles', { name: 'x', description: 'x', scopeIds: ['nope'] }, headers)).toMatchObject({ status: 404, body: { code: 'entity.not_exists_with_id' } });
  });
});

describe('organizations', () => {
  test('membership: 201, a delta event without data (empty lists omitted), removal 204 then 404', () => {
    const { call, actor, auth, events } = setup();
    const headers = auth();
    const created = call('POST', '/api/organizations', { name: 'Acme' }, headers);
    expect(created.status).toBe(201);
    const organization = created.body as { id: string };
    expect(events.at(-1)).toMatchObject({ event: 'Organization.Created', context: { status: 201, matchedRoute: '/organizations', data: created.body } });
    expect(call('POST', `/api/organizations/${organization.id}/users`, { userIds: [actor.user.id] }, headers)).toEqual({ status: 201 });
    expect(events.at(-1)).toEqual({
      event: 'Organization.Membership.Updated',
      context: { path: `/organizations/${organization.id}/users`, method: 'POST', status: 201, params: { id: organization.id }, matchedRoute: '/organizations/:id/users', organizationId: organization.id, addedUserIds: [actor.user.id] },
    });
    call('POST', `/api/organizations/${organization.id}/users`, { userIds: [actor.user.id] }, headers);
    expect(events.at(-1)!.context).not.toHaveProperty('addedUserIds');
    expect(call('GET', `/api/organizations/${organization.id}/users`, undefined, headers)).toMatchObject({ status: 200, headers: { 'total-number': '1' }, body: [{ id: actor.user.id, organizationRoles: [] }] });
    expect(call('DELETE', `/api/organizations/${organization.id}/users/${actor.user.id}`, undefined, headers)).toEqual({ status: 204 });
    expect(events.at(-1)!.context).toMatchObject({ status: 204, removedUserIds: [actor.user.id] });
    expect(call('DELETE', `/api/organizations/${organization.id}/users/${actor.user.id}`, undefined, headers)).toMatchObject({ status: 404, body: { code: 'entity.not_found' } });
  });

  test('adding an unknown user is a foreign-key 422; an empty list is a guard 400', () => {
    const { call, auth } = setup({ organizations: [{ name: 'Acme' }] });
    const headers = auth();
    const [organization] = call('GET', '/api/organizations', undefined, headers).body as { id: string }[];
    expect(call('POST', `/api/organizations/${organization!.id}/users`, { userIds: ['ghost'] }, headers)).toMatchObject({ status: 422, body: { code: 'entity.relation_foreign_key_not_found' } });
    expect(call('POST', `/api/organizations/${organization!.id}/users`, { userIds: [] }, headers)).toMatchObject({ status: 400, body: { code: 'guard.invalid_input' } });
  });

  test('organization roles: members only (422 otherwise), by id or by name, rows from the template', () => {
    const { call, actor, auth, api } = setup({ organizations: [{ name: 'Acme' }], organizationRoles: [{ name: 'viewer' }, { name: 'editor' }] });
    const headers = auth();
    const [organization] = call('GET', '/api/organizations', undefined, headers).body as { id: string }[];
    const rolesPath = `/api/organizations/${organization!.id}/users/${actor.user.id}/roles`;
    expect(call('GET', rolesPath, undefined, headers)).toEqual({ status: 422, body: { code: 'organization.require_membership', message: 'The user must be a member of the organization to proceed.' } });
    call('POST', `/api/organizations/${organization!.id}/users`, { userIds: [actor.user.id] }, headers);
    expect(call('POST', rolesPath, { organizationRoleNames: ['viewer'] }, headers)).toEqual({ status: 201 });
    expect(call('POST', rolesPath, { organizationRoleNames: ['owner'] }, headers)).toMatchObject({ status: 422, body: { code: 'organization.role_names_not_found' } });
    expect(call('POST', rolesPath, { organizationRoleIds: ['nope'] }, headers)).toMatchObject({ status: 422, body: { code: 'entity.relation_foreign_key_not_found' } });
    const roles = call('GET', rolesPath, undefined, headers);
    expect(roles).toEqual({ status: 200, body: [{ tenantId: 'default', id: expect.any(String), name: 'viewer', description: null, type: 'User' }] });
    expect((api.stateView() as any).organizations[organization!.id].memberRoles).toEqual({ [actor.user.id]: ['viewer'] });
  });
});

describe('unknown routes fail loudly; every call is recorded, credentials redacted; data events are opt-in', () => {
  test('a route hooksim does not emulate is a 501 naming it, with the closest routes; the call is unmatched', () => {
    const { api, call, actor, auth } = setup();
    const response = call('POST', `/api/users/${actor.user.id}/role`, { roleIds: [] }, auth());
    expect(response.status).toBe(501);
    expect(response.body).toMatchObject({ code: 'hooksim.route_not_emulated', message: `hooksim's logto mock does not emulate POST /api/users/${actor.user.id}/role` });
    expect((response.body as any).data.similarRoutes).toContain('POST /api/users/:userId/roles');
    expect(api.calls.unmatched()).toHaveLength(1);
    expect(api.calls.unmatched()[0]).toMatchObject({ method: 'POST', status: 501, route: undefined });
    expect(api.calls.calls[0]!.headers.authorization).toBe('Basic [redacted]');
    expect(api.calls.calls.at(-1)!.headers.authorization).toBe('Bearer [redacted]');
    expect(JSON.stringify(api.calls.calls)).not.toContain('hooksim-m2m-secret');
  });

  test('without onDataEvent nothing is emitted, and the API still answers', () => {
    const actor = createLogtoActor(7, NOW);
    const api = createLogtoMockApi({ tenant: { users: [actor], now: NOW } });
    const token = api.handle({ method: 'POST', path: '/oidc/token', query: {}, headers: { authorization: M2M }, body: { grant_type: 'client_credentials', resource: RESOURCE, scope: 'all' } });
    const response = api.handle({
      method: 'PATCH', path: `/api/users/${actor.user.id}/custom-data`, query: {},
      headers: { authorization: `Bearer ${(token.body as { access_token: string }).access_token}` }, body: { customData: { plan: 'pro' } },
    });
    expect(response).toEqual({ status: 200, body: { plan: 'pro' } });
  });
});
