import { isJsonObject, type JsonObject } from '../../core/json.js';
import { userProfileResponse } from '../../providers/logto/identity.js';
import type { Route } from '../router.js';
import type { ApiRequest, ApiResponse } from '../types.js';
import { invalidInput, logtoError, notFound } from './errors.js';
import type { LogtoTenant } from './state.js';

/** A data event the change would make Logto send, with its Management API context. */
export interface LogtoDataEvent {
  event: string;
  context: JsonObject;
}

/** What a route answers, plus the data events the change causes. */
export interface LogtoRouteState {
  tenant: LogtoTenant;
  emitted: LogtoDataEvent[];
}

type Handler = (state: LogtoRouteState, request: ApiRequest, params: Record<string, string>) => ApiResponse;

const stringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length > 0);

/** The Management API context of a registered route (`buildManagementApiContext`): path without /api. */
function context(request: ApiRequest, pattern: string, params: Record<string, string>, status: number, data?: unknown): JsonObject {
  return {
    path: request.path.replace(/^\/api/, ''),
    method: request.method.toUpperCase(),
    status,
    params,
    matchedRoute: pattern.replace(/^\/api/, ''),
    ...(data === undefined ? {} : { data: data as JsonObject }),
  };
}

function route(method: string, pattern: string, handle: Handler): Route<LogtoRouteState> {
  return { method, pattern, handle };
}

function withUser(state: LogtoRouteState, userId: string, then: (user: NonNullable<ReturnType<LogtoTenant['users']['get']>>) => ApiResponse): ApiResponse {
  const user = state.tenant.users.get(userId);
  return user ? then(user) : notFound('user', userId);
}

const profile = (state: LogtoRouteState, userId: string) => userProfileResponse(state.tenant.users.get(userId)!, '1.42');

/**
 * `PATCH /users/:userId/<segment>` for a JSON column: the body `{ <column>: object }` is merged
 * into the column (the default jsonb mode), the answer is the column alone, and Logto fires
 * User.Data.Updated with that as `data`.
 */
function mergeColumnRoute(column: 'customData' | 'profile', segment: string): Route<LogtoRouteState> {
  const pattern = `/api/users/:userId/${segment}`;
  return route('PATCH', pattern, (state, request, params) =>
    withUser(state, params.userId!, (user) => {
      const patch = isJsonObject(request.body) ? request.body[column] : undefined;
      if (!isJsonObject(patch)) return invalidInput(`Expected { ${column}: object }.`);
      user[column] = { ...user[column], ...patch };
      user.updatedAt = state.tenant.now();
      state.emitted.push({ event: 'User.Data.Updated', context: context(request, pattern, params, 200, user[column]) });
      return { status: 200, body: user[column] };
    }),
  );
}

/**
 * The Management API routes hooks commonly call, with Logto's shapes and statuses
 * (packages/core/src/routes/admin-user/basics.ts and role.ts, organization routes). Changes
 * append the data events Logto would fire (managementApiHooksRegistration).
 */
export const logtoRoutes: readonly Route<LogtoRouteState>[] = [
  route('GET', '/api/users/:userId', (state, _request, { userId }) => withUser(state, userId!, () => ({ status: 200, body: profile(state, userId!) }))),

  route('PATCH', '/api/users/:userId', (state, request, params) =>
    withUser(state, params.userId!, (user) => {
      if (!isJsonObject(request.body)) return invalidInput('Expected a JSON object body.');
      const allowed = ['username', 'primaryEmail', 'primaryPhone', 'name', 'avatar', 'customData', 'profile'];
      const unknown = Object.keys(request.body).filter((key) => !allowed.includes(key));
      if (unknown.length) return invalidInput(`Unrecognized key(s): ${unknown.join(', ')}.`);
      // PATCH /users/:userId replaces JSON columns (updateUserById(..., 'replace')).
      Object.assign(user, request.body, { updatedAt: state.tenant.now() });
      const body = profile(state, user.id);
      state.emitted.push({ event: 'User.Data.Updated', context: context(request, '/api/users/:userId', params, 200, body) });
      return { status: 200, body };
    }),
  ),

  route('GET', '/api/users/:userId/custom-data', (state, _request, { userId }) => withUser(state, userId!, (user) => ({ status: 200, body: user.customData }))),

  mergeColumnRoute('customData', 'custom-data'),

  mergeColumnRoute('profile', 'profile'),

  route('PATCH', '/api/users/:userId/is-suspended', (state, request, params) =>
    withUser(state, params.userId!, (user) => {
      const isSuspended = isJsonObject(request.body) ? request.body.isSuspended : undefined;
      if (typeof isSuspended !== 'boolean') return invalidInput('Expected { isSuspended: boolean }.');
      user.isSuspended = isSuspended;
      user.updatedAt = state.tenant.now();
      const body = profile(state, user.id);
      state.emitted.push({ event: 'User.SuspensionStatus.Updated', context: context(request, '/api/users/:userId/is-suspended', params, 200, body) });
      return { status: 200, body };
    }),
  ),

  route('GET', '/api/users/:userId/roles', (state, _request, { userId }) =>
    withUser(state, userId!, () => ({ status: 200, body: [...(state.tenant.userRoles.get(userId!) ?? [])].map((id) => state.tenant.roles.get(id)).filter(Boolean) })),
  ),

  route('POST', '/api/users/:userId/roles', (state, request, { userId }) =>
    withUser(state, userId!, () => {
      const roleIds = isJsonObject(request.body) ? request.body.roleIds : undefined;
      if (!stringArray(roleIds)) return invalidInput('Expected { roleIds: string[] }.');
      for (const roleId of roleIds) {
        const role = state.tenant.roles.get(roleId);
        if (!role) return notFound('role', roleId);
        if (role.type !== 'User') return logtoError(422, 'user.invalid_role_type', 'Invalid role type, can not assign machine to machine role to user.', { roleId });
      }
      const assigned = state.tenant.userRoles.get(userId!) ?? new Set<string>();
      for (const roleId of roleIds) assigned.add(roleId);
      state.tenant.userRoles.set(userId!, assigned);
      return { status: 201 };
    }),
  ),

  route('DELETE', '/api/users/:userId/roles/:roleId', (state, _request, { userId, roleId }) => {
    state.tenant.userRoles.get(userId!)?.delete(roleId!);
    return { status: 204 };
  }),

  route('GET', '/api/roles', (state) => ({ status: 200, body: [...state.tenant.roles.values()] })),

  route('POST', '/api/roles', (state, request, params) => {
    const body = isJsonObject(request.body) ? request.body : undefined;
    if (!body || typeof body.name !== 'string' || typeof body.description !== 'string') return invalidInput('Expected { name: string, description: string }.');
    if ([...state.tenant.roles.values()].some((role) => role.name === body.name)) {
      return logtoError(422, 'role.name_in_use', `This role name ${body.name} is already in use`);
    }
    const scopeIds = body.scopeIds === undefined ? [] : body.scopeIds;
    if (!Array.isArray(scopeIds) || !scopeIds.every((id) => typeof id === 'string')) return invalidInput('Expected scopeIds: string[].');
    const missing = (scopeIds as string[]).find((id) => !state.tenant.scopes.has(id));
    if (missing) return notFound('scope', missing);
    const role = { tenantId: state.tenant.tenantId, id: state.tenant.nextId(21), name: body.name, description: body.description, type: body.type === 'MachineToMachine' ? 'MachineToMachine' : 'User', isDefault: body.isDefault === true } as const;
    state.tenant.roles.set(role.id, { ...role });
    state.emitted.push({ event: 'Role.Created', context: context(request, '/api/roles', params, 200, role) });
    if (scopeIds.length > 0) {
      // packages/core/src/routes/role.ts appends Role.Scopes.Updated by hand, with roleId and the scopes.
      state.tenant.roleScopes.set(role.id, new Set(scopeIds as string[]));
      const scopes = (scopeIds as string[]).map((id) => state.tenant.scopes.get(id)!);
      state.emitted.push({ event: 'Role.Scopes.Updated', context: { ...context(request, '/api/roles', params, 200, scopes), roleId: role.id } });
    }
    return { status: 200, body: role };
  }),

  route('GET', '/api/scopes', (state) => ({ status: 200, body: [...state.tenant.scopes.values()] })),

  route('GET', '/api/roles/:id', (state, _request, { id }) => {
    const role = state.tenant.roles.get(id!);
    return role ? { status: 200, body: role } : notFound('role', id!);
  }),

  route('GET', '/api/roles/:id/scopes', (state, _request, { id }) => {
    if (!state.tenant.roles.has(id!)) return notFound('role', id!);
    return { status: 200, body: [...(state.tenant.roleScopes.get(id!) ?? [])].map((scopeId) => state.tenant.scopes.get(scopeId)).filter(Boolean) };
  }),

  route('POST', '/api/roles/:id/scopes', (state, request, params) => {
    const id = params.id!;
    if (!state.tenant.roles.has(id)) return notFound('role', id);
    const scopeIds = isJsonObject(request.body) ? request.body.scopeIds : undefined;
    if (!stringArray(scopeIds)) return invalidInput('Expected { scopeIds: string[] }.');
    for (const scopeId of scopeIds) if (!state.tenant.scopes.has(scopeId)) return notFound('scope', scopeId);
    const linked = state.tenant.roleScopes.get(id) ?? new Set<string>();
    for (const scopeId of scopeIds) linked.add(scopeId);
    state.tenant.roleScopes.set(id, linked);
    const body = [...linked].map((scopeId) => state.tenant.scopes.get(scopeId)!);
    state.emitted.push({ event: 'Role.Scopes.Updated', context: { ...context(request, '/api/roles/:id/scopes', params, 201, body), roleId: id } });
    return { status: 201, body };
  }),

  route('GET', '/api/organizations', (state) => ({ status: 200, body: [...state.tenant.organizations.values()] })),

  route('POST', '/api/organizations', (state, request, params) => {
    const body = isJsonObject(request.body) ? request.body : undefined;
    if (!body || typeof body.name !== 'string') return invalidInput('Expected { name: string }.');
    const organization = {
      tenantId: state.tenant.tenantId,
      id: state.tenant.nextId(12),
      name: body.name,
      description: typeof body.description === 'string' ? body.description : null,
      customData: isJsonObject(body.customData) ? body.customData : {},
      isMfaRequired: false,
      createdAt: state.tenant.now(),
    };
    state.tenant.organizations.set(organization.id, organization);
    state.emitted.push({ event: 'Organization.Created', context: context(request, '/api/organizations', params, 201, organization) });
    return { status: 201, body: organization };
  }),

  route('GET', '/api/organizations/:id/users', (state, _request, { id }) => {
    if (!state.tenant.organizations.has(id!)) return notFound('organization', id!);
    return { status: 200, body: [...(state.tenant.organizationUsers.get(id!) ?? [])].map((userId) => state.tenant.users.get(userId)).filter(Boolean).map((user) => ({ ...userProfileResponse(user!, '1.42'), organizationRoles: [] })) };
  }),

  route('POST', '/api/organizations/:id/users', (state, request, params) => {
    const id = params.id!;
    if (!state.tenant.organizations.has(id)) return notFound('organization', id);
    const userIds = isJsonObject(request.body) ? request.body.userIds : undefined;
    if (!stringArray(userIds)) return invalidInput('Expected { userIds: string[] }.');
    for (const userId of userIds) if (!state.tenant.users.has(userId)) return notFound('user', userId);
    const members = state.tenant.organizationUsers.get(id) ?? new Set<string>();
    const added = userIds.filter((userId) => !members.has(userId));
    for (const userId of added) members.add(userId);
    state.tenant.organizationUsers.set(id, members);
    // Membership deltas (1.40+): empty lists are omitted, and there is no `data`.
    state.emitted.push({
      event: 'Organization.Membership.Updated',
      context: { ...context(request, '/api/organizations/:id/users', params, 201), organizationId: id, ...(added.length ? { addedUserIds: added } : {}) },
    });
    return { status: 201 };
  }),

  route('DELETE', '/api/organizations/:id/users/:userId', (state, request, params) => {
    const { id, userId } = params as { id: string; userId: string };
    const members = state.tenant.organizationUsers.get(id);
    if (!members?.has(userId)) return notFound('organization user', userId);
    members.delete(userId);
    state.emitted.push({
      event: 'Organization.Membership.Updated',
      context: { ...context(request, '/api/organizations/:id/users/:userId', params, 204), organizationId: id, removedUserIds: [userId] },
    });
    return { status: 204 };
  }),

  route('GET', '/api/organizations/:id/users/:userId/roles', (state, _request, { id, userId }) => {
    if (!state.tenant.organizationUsers.get(id!)?.has(userId!)) return notFound('organization user', userId!);
    return { status: 200, body: [...(state.tenant.organizationUserRoles.get(id!)?.get(userId!) ?? [])].map((roleId) => ({ id: roleId })) };
  }),

  route('POST', '/api/organizations/:id/users/:userId/roles', (state, request, { id, userId }) => {
    if (!state.tenant.organizationUsers.get(id!)?.has(userId!)) return notFound('organization user', userId!);
    const roleIds = isJsonObject(request.body) ? request.body.organizationRoleIds : undefined;
    if (!stringArray(roleIds)) return invalidInput('Expected { organizationRoleIds: string[] }.');
    const byUser = state.tenant.organizationUserRoles.get(id!) ?? new Map<string, Set<string>>();
    const roles = byUser.get(userId!) ?? new Set<string>();
    for (const roleId of roleIds) roles.add(roleId);
    byUser.set(userId!, roles);
    state.tenant.organizationUserRoles.set(id!, byUser);
    return { status: 201 };
  }),
];
