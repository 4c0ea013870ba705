import type { JsonObject } from '../../../../core/json.js';
import type { Route } from '../../../../mock-apis/router.js';
import { managementContext, pagedReply, route, type LogtoRouteState } from '../context.js';
import { logtoError, notExistsWithId } from '../errors.js';
import { bodyObject, invalidBody, isIssue, stringArrayAt, typeIssue, type Issue } from '../guard.js';
import type { LogtoRole, LogtoScope } from '../state.js';

/*
 * Role and scope routes, after packages/core/src/routes/role.ts and role.scope.ts. Roles and
 * scopes are looked up with `buildFindEntityById`: a missing one is `entity.not_exists_with_id`
 * named after its table.
 */

/** `GET /roles` rows: the role plus counts and up to three featured users and applications. */
function roleWithFeatures(state: LogtoRouteState, role: LogtoRole): JsonObject {
  const holders = [...state.tenant.userRoles.entries()].filter(([, roleIds]) => roleIds.has(role.id)).map(([userId]) => state.tenant.users.get(userId));
  const users = holders.filter((user) => user !== undefined);
  return {
    ...role,
    usersCount: users.length,
    featuredUsers: users.slice(0, 3).map((user) => ({ id: user.id, avatar: user.avatar, name: user.name })),
    applicationsCount: 0,
    featuredApplications: [],
  };
}

/** `GET /roles/:id/scopes` rows: each scope with its API resource attached (`ScopeResponse`). */
function withResource(state: LogtoRouteState, scope: LogtoScope): JsonObject {
  return { ...scope, resource: { ...state.tenant.resources.get(scope.resourceId)! } };
}

const scopesOfRole = (state: LogtoRouteState, roleId: string): LogtoScope[] =>
  [...(state.tenant.roleScopes.get(roleId) ?? [])].map((scopeId) => state.tenant.scopes.get(scopeId)).filter((scope) => scope !== undefined);

function checkRoleBody(body: JsonObject): Issue[] {
  const issues: Issue[] = [];
  if (typeof body.name !== 'string') issues.push(typeIssue(['name'], 'string', body.name));
  if (typeof body.description !== 'string') issues.push(typeIssue(['description'], 'string', body.description));
  if (body.type !== undefined && body.type !== 'User' && body.type !== 'MachineToMachine') {
    issues.push({ code: 'invalid_enum_value', options: ['User', 'MachineToMachine'], received: body.type, path: ['type'], message: 'Invalid enum value' });
  }
  if (body.isDefault !== undefined && typeof body.isDefault !== 'boolean') issues.push(typeIssue(['isDefault'], 'boolean', body.isDefault));
  return issues;
}

/** The role routes. */
export const roleRoutes: readonly Route<LogtoRouteState>[] = [
  route('GET', '/api/roles', (state, request) => {
    const type = request.query.type;
    const roles = [...state.tenant.roles.values()].filter((role) => type === undefined || role.type === type);
    return pagedReply(
      roles.map((role) => roleWithFeatures(state, role)),
      request,
    );
  }),

  // POST /roles answers 200 with the row; Role.Created is auto-registered, Role.Scopes.Updated appended by hand.
  route('POST', '/api/roles', (state, request, params) => {
    const body = bodyObject(request.body);
    const issues = checkRoleBody(body);
    const scopeIds = stringArrayAt(body, 'scopeIds', { optional: true });
    if (isIssue(scopeIds)) issues.push(scopeIds);
    if (issues.length || isIssue(scopeIds)) return invalidBody(issues);
    const name = body.name as string;
    if ([...state.tenant.roles.values()].some((role) => role.name === name)) return logtoError(422, 'role.name_in_use', `This role name ${name} is already in use`);
    const missing = scopeIds.find((id) => !state.tenant.scopes.has(id));
    if (missing) return notExistsWithId('scopes', missing);
    const role: LogtoRole = {
      tenantId: state.tenant.tenantId,
      id: state.tenant.nextId(21),
      name,
      description: body.description as string,
      type: body.type === 'MachineToMachine' ? 'MachineToMachine' : 'User',
      isDefault: body.isDefault === true,
    };
    state.tenant.roles.set(role.id, role);
    state.emitted.push({ event: 'Role.Created', context: managementContext(request, '/api/roles', params, 200, { ...role }) });
    if (body.scopeIds !== undefined) {
      state.tenant.roleScopes.set(role.id, new Set(scopeIds));
      const scopes = scopeIds.map((id) => ({ ...state.tenant.scopes.get(id)! }));
      state.emitted.push({ event: 'Role.Scopes.Updated', context: { ...managementContext(request, '/api/roles', params, 200), roleId: role.id, data: scopes as unknown as JsonObject[] } });
    }
    return { status: 200, body: { ...role } };
  }),

  route('GET', '/api/roles/:id', (state, _request, { id }) => {
    const role = state.tenant.roles.get(id!);
    return role ? { status: 200, body: { ...role } } : notExistsWithId('roles', id!);
  }),

  route('GET', '/api/roles/:id/scopes', (state, request, { id }) => {
    if (!state.tenant.roles.has(id!)) return notExistsWithId('roles', id!);
    return pagedReply(
      scopesOfRole(state, id!).map((scope) => withResource(state, scope)),
      request,
      { optional: true },
    );
  }),

  // role.scope.ts: 200 (not 201) with every scope of the role; a scope already there is 422.
  route('POST', '/api/roles/:id/scopes', (state, request, params) => {
    const scopeIds = stringArrayAt(bodyObject(request.body), 'scopeIds', { nonempty: true });
    if (isIssue(scopeIds)) return invalidBody([scopeIds]);
    const id = params.id!;
    if (!state.tenant.roles.has(id)) return notExistsWithId('roles', id);
    const linked = state.tenant.roleScopes.get(id) ?? new Set<string>();
    const duplicate = scopeIds.find((scopeId) => linked.has(scopeId));
    if (duplicate) return logtoError(422, 'role.scope_exists', `The scope id ${duplicate} has already been added to this role`);
    const missing = scopeIds.find((scopeId) => !state.tenant.scopes.has(scopeId));
    if (missing) return notExistsWithId('scopes', missing);
    for (const scopeId of scopeIds) linked.add(scopeId);
    state.tenant.roleScopes.set(id, linked);
    const body = scopesOfRole(state, id).map((scope) => ({ ...scope }));
    state.emitted.push({ event: 'Role.Scopes.Updated', context: managementContext(request, '/api/roles/:id/scopes', params, 200, body) });
    return { status: 200, body };
  }),

  route('GET', '/api/resources', (state, request) => pagedReply([...state.tenant.resources.values()], request, { optional: true })),

  route('GET', '/api/resources/:resourceId/scopes', (state, request, { resourceId }) => {
    if (!state.tenant.resources.has(resourceId!)) return notExistsWithId('resources', resourceId!);
    return pagedReply(
      [...state.tenant.scopes.values()].filter((scope) => scope.resourceId === resourceId),
      request,
      { optional: true },
    );
  }),
];
