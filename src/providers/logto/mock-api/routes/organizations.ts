import { isJsonObject } from '../../../../core/json.js';
import { pickUserInfo } from '../../identity.js';
import type { Route } from '../../../../mock-apis/router.js';
import type { ApiResponse } from '../../../../mock-apis/types.js';
import { managementContext, pagedReply, route, type LogtoRouteState } from '../context.js';
import { entityNotFound, foreignKeyNotFound, logtoError, notExistsWithId } from '../errors.js';
import { bodyObject, invalidBody, isIssue, stringArrayAt, typeIssue } from '../guard.js';
import type { LogtoOrganization } from '../state.js';

/*
 * Organization routes, after packages/core/src/routes/organization/index.ts,
 * organization/user/index.ts and organization/user/role-relations.ts. Relation inserts with an
 * unknown id fail on the foreign key (422); a missing relation to delete is 404 `entity.not_found`;
 * role routes for a non-member are 422 `organization.require_membership`.
 */

const rolesOf = (state: LogtoRouteState, organizationId: string, userId: string) =>
  [...(state.tenant.organizationUserRoles.get(organizationId)?.get(userId) ?? [])].map((id) => state.tenant.organizationRoles.get(id)).filter((role) => role !== undefined);

const isMember = (state: LogtoRouteState, organizationId: string, userId: string) => state.tenant.organizationUsers.get(organizationId)?.has(userId) === true;

const requireMembership = (): ApiResponse => logtoError(422, 'organization.require_membership', 'The user must be a member of the organization to proceed.');

/** The organization routes. */
export const organizationRoutes: readonly Route<LogtoRouteState>[] = [
  route('GET', '/api/organizations', (state, request) => pagedReply([...state.tenant.organizations.values()], request, { optional: true })),

  // SchemaRouter's POST: 201 with the row; Organization.Created is auto-registered.
  route('POST', '/api/organizations', (state, request, params) => {
    const body = bodyObject(request.body);
    if (typeof body.name !== 'string') return invalidBody([typeIssue(['name'], 'string', body.name)]);
    const organization: LogtoOrganization = {
      tenantId: state.tenant.tenantId,
      id: state.tenant.nextId(12),
      name: body.name,
      description: typeof body.description === 'string' ? body.description : null,
      customData: isJsonObject(body.customData) ? body.customData : {},
      isMfaRequired: body.isMfaRequired === true,
      branding: isJsonObject(body.branding) ? body.branding : {},
      createdAt: state.tenant.now(),
    };
    state.tenant.organizations.set(organization.id, organization);
    state.emitted.push({ event: 'Organization.Created', context: managementContext(request, '/api/organizations', params, 201, { ...organization }) });
    return { status: 201, body: { ...organization } };
  }),

  route('GET', '/api/organizations/:id', (state, _request, { id }) => {
    const organization = state.tenant.organizations.get(id!);
    return organization ? { status: 200, body: { ...organization } } : notExistsWithId('organizations', id!);
  }),

  // Members with their organization roles (`userWithOrganizationRolesGuard`: user info + `organizationRoles: [{id, name}]`).
  route('GET', '/api/organizations/:id/users', (state, request, { id }) => {
    if (!state.tenant.organizations.has(id!)) return notExistsWithId('organizations', id!);
    const members = [...(state.tenant.organizationUsers.get(id!) ?? [])].map((userId) => state.tenant.users.get(userId)).filter((user) => user !== undefined);
    return pagedReply(
      members.map((user) => ({ ...pickUserInfo(user, state.tenant.version), organizationRoles: rolesOf(state, id!, user.id).map((role) => ({ id: role.id, name: role.name })) })),
      request,
    );
  }),

  // 201 without a body (newer Logto echoes `{ userIds }`); the event carries the membership delta, empty lists left out.
  route('POST', '/api/organizations/:id/users', (state, request, params) => {
    const userIds = stringArrayAt(bodyObject(request.body), 'userIds', { nonempty: true });
    if (isIssue(userIds)) return invalidBody([userIds]);
    const id = params.id!;
    if (!state.tenant.organizations.has(id) || userIds.some((userId) => !state.tenant.users.has(userId))) return foreignKeyNotFound();
    const members = state.tenant.organizationUsers.get(id) ?? new Set<string>();
    const added = [...new Set(userIds)].filter((userId) => !members.has(userId));
    for (const userId of added) members.add(userId);
    state.tenant.organizationUsers.set(id, members);
    state.emitted.push({
      event: 'Organization.Membership.Updated',
      context: { ...managementContext(request, '/api/organizations/:id/users', params, 201), organizationId: id, ...(added.length ? { addedUserIds: added } : {}) },
    });
    return { status: 201 };
  }),

  route('DELETE', '/api/organizations/:id/users/:userId', (state, request, params) => {
    const { id, userId } = params as { id: string; userId: string };
    if (!state.tenant.organizationUsers.get(id)?.delete(userId)) return entityNotFound();
    state.tenant.organizationUserRoles.get(id)?.delete(userId);
    state.emitted.push({
      event: 'Organization.Membership.Updated',
      context: { ...managementContext(request, '/api/organizations/:id/users/:userId', params, 204), organizationId: id, removedUserIds: [userId] },
    });
    return { status: 204 };
  }),

  route('GET', '/api/organizations/:id/users/:userId/roles', (state, request, { id, userId }) => {
    if (!isMember(state, id!, userId!)) return requireMembership();
    return pagedReply(
      rolesOf(state, id!, userId!).map((role) => ({ ...role })),
      request,
      { optional: true },
    );
  }),

  // `organizationRoleIds` and/or `organizationRoleNames`; 201 without a body (newer Logto echoes the ids).
  route('POST', '/api/organizations/:id/users/:userId/roles', (state, request, { id, userId }) => {
    const body = bodyObject(request.body);
    const ids = stringArrayAt(body, 'organizationRoleIds', { optional: true });
    const names = stringArrayAt(body, 'organizationRoleNames', { optional: true });
    if (isIssue(ids) || isIssue(names)) return invalidBody([ids, names].filter(isIssue));
    if (!isMember(state, id!, userId!)) return requireMembership();
    const byName = new Map([...state.tenant.organizationRoles.values()].map((role) => [role.name, role.id]));
    const missingNames = names.filter((name) => !byName.has(name));
    if (missingNames.length) {
      return logtoError(422, 'organization.role_names_not_found', `Organization roles not found: ${missingNames.join(', ')}.`);
    }
    const roleIds = [...new Set([...ids, ...names.map((name) => byName.get(name)!)])];
    if (roleIds.some((roleId) => !state.tenant.organizationRoles.has(roleId))) return foreignKeyNotFound();
    const byUser = state.tenant.organizationUserRoles.get(id!) ?? new Map<string, Set<string>>();
    const roles = byUser.get(userId!) ?? new Set<string>();
    for (const roleId of roleIds) roles.add(roleId);
    byUser.set(userId!, roles);
    state.tenant.organizationUserRoles.set(id!, byUser);
    return { status: 201 };
  }),
];
