import type { JsonObject } from '../../../core/json.js';
import { experienceEvent, managementApiPayload, type ManagementRoute } from './context.js';
import { crudEvents } from './crud.js';
import { entitiesFor } from './entities.js';
import type { LogtoEventSpec } from './types.js';

/** Logto caps each membership delta list at 5000 ids (`MEMBERSHIP_DELTA_CAP`, utils.ts). */
export const MEMBERSHIP_DELTA_CAP = 5000;

/** The membership delta keys: empty lists omitted, each capped (1.40+). */
export function membershipDelta(delta: { addedUserIds?: string[]; removedUserIds?: string[]; addedApplicationIds?: string[]; removedApplicationIds?: string[] }): JsonObject {
  const out: JsonObject = {};
  for (const key of ['addedUserIds', 'removedUserIds', 'addedApplicationIds', 'removedApplicationIds'] as const) {
    const ids = delta[key];
    if (ids && ids.length > 0) out[key] = ids.slice(0, MEMBERSHIP_DELTA_CAP);
  }
  return out;
}

const [roleCreated, roleDeleted, roleUpdated] = crudEvents({
  prefix: 'Role',
  noun: 'A role',
  collection: '/roles',
  idParam: 'id',
  createStatus: 200,
  make: (entities) => entities.role(),
});

const roleScopesUpdated: LogtoEventSpec = {
  name: 'Role.Scopes.Updated',
  family: 'data',
  summary: "A role's permissions changed",
  variants: [
    { name: 'assign', summary: 'POST /api/roles/:id/scopes (status 201; data = the scopes)' },
    { name: 'role-creation', summary: 'POST /api/roles with scopeIds (appended by hand: roleId + data = the scopes)' },
    { name: 'remove', summary: 'DELETE /api/roles/:id/scopes/:scopeId (status 204; no data)' },
  ],
  build(input) {
    const entities = entitiesFor(input.seed, input.now, input.options);
    const role = entities.role();
    const resourceId = entities.id(21);
    const scopes = [entities.scope(resourceId), entities.scope(resourceId)];
    const roleId = String(role.id);
    if (input.variant === 'role-creation') {
      const route = { method: 'POST', matchedRoute: '/roles', params: {}, status: 200 } as const;
      return { actor: input.actor, payload: managementApiPayload('Role.Scopes.Updated', input, route, scopes, { roleId }) };
    }
    if (input.variant === 'remove') {
      const route = { method: 'DELETE', matchedRoute: '/roles/:id/scopes/:scopeId', params: { id: roleId, scopeId: String(scopes[0]!.id) }, status: 204 } as const;
      return { actor: input.actor, payload: managementApiPayload('Role.Scopes.Updated', input, route) };
    }
    const route = { method: 'POST', matchedRoute: '/roles/:id/scopes', params: { id: roleId }, status: 201 } as const;
    return { actor: input.actor, payload: managementApiPayload('Role.Scopes.Updated', input, route, scopes) };
  },
};

const scopeEvents = crudEvents({
  prefix: 'Scope',
  noun: 'A permission (API resource scope)',
  collection: '/resources/:resourceId/scopes',
  idParam: 'scopeId',
  createStatus: 201,
  make: (entities) => entities.scope(entities.id(21)),
  collectionParams: (row) => ({ resourceId: String(row.resourceId) }),
});

const [organizationCreated, organizationDeleted, organizationUpdated] = crudEvents({
  prefix: 'Organization',
  noun: 'An organization',
  collection: '/organizations',
  idParam: 'id',
  createStatus: 201,
  make: (entities) => entities.organization(),
});

const membershipUpdated: LogtoEventSpec = {
  name: 'Organization.Membership.Updated',
  family: 'data',
  summary: "An organization's members changed (with the 1.40 deltas; no data)",
  variants: [
    { name: 'add-users', summary: 'POST /api/organizations/:id/users (status 201; addedUserIds)' },
    { name: 'replace-users', summary: 'PUT /api/organizations/:id/users (status 204; addedUserIds and removedUserIds)' },
    { name: 'remove-user', summary: 'DELETE /api/organizations/:id/users/:userId (status 204; removedUserIds)' },
    { name: 'add-applications', summary: 'POST /api/organizations/:id/applications (status 201; addedApplicationIds)' },
    { name: 'replace-applications', summary: 'PUT /api/organizations/:id/applications (status 204; addedApplicationIds and removedApplicationIds)' },
    { name: 'remove-application', summary: 'DELETE /api/organizations/:id/applications/:applicationId (status 204; removedApplicationIds)' },
    { name: 'invitation-accepted', summary: 'PUT /api/organization-invitations/:id/status (status 200; organizationId; addedUserIds only with dev features)' },
    { name: 'jit-provisioning', summary: 'Just-in-time provisioning at sign-up by email domain (Experience API context; addedUserIds)' },
    { name: 'enterprise-sso-jit', summary: 'Just-in-time provisioning at sign-up through an enterprise SSO connector (Experience API context; addedUserIds)' },
    { name: 'one-time-token-jit', summary: 'An existing user joins through a one-time token (magic link) at sign-in (Experience API context; addedUserIds)' },
  ],
  build(input) {
    const entities = entitiesFor(input.seed, input.now, input.options);
    const organizationId = String(entities.organization().id);
    const userId = input.actor.user.id;
    const event = 'Organization.Membership.Updated';
    const management = (method: ManagementRoute['method'], matchedRoute: string, params: Record<string, string>, status: number, delta: Parameters<typeof membershipDelta>[0]) => ({
      actor: input.actor,
      payload: managementApiPayload(event, input, { method, matchedRoute, params, status }, undefined, { organizationId, ...membershipDelta(delta) }),
    });
    switch (input.variant) {
      case 'replace-users':
        return management('PUT', '/organizations/:id/users', { id: organizationId }, 204, { addedUserIds: [userId], removedUserIds: [entities.id(12)] });
      case 'remove-user':
        return management('DELETE', '/organizations/:id/users/:userId', { id: organizationId, userId }, 204, { removedUserIds: [userId] });
      case 'add-applications':
        return management('POST', '/organizations/:id/applications', { id: organizationId }, 201, { addedApplicationIds: [entities.id(21)] });
      case 'replace-applications':
        return management('PUT', '/organizations/:id/applications', { id: organizationId }, 204, { addedApplicationIds: [entities.id(21)], removedApplicationIds: [entities.id(21)] });
      case 'remove-application': {
        const applicationId = entities.id(21);
        return management('DELETE', '/organizations/:id/applications/:applicationId', { id: organizationId, applicationId }, 204, { removedApplicationIds: [applicationId] });
      }
      case 'invitation-accepted':
        // organization-invitation/index.ts: the accept sets status 200 explicitly; the delta is
        // computed (and sent) only with dev features on, otherwise `{ organizationId }` alone.
        return management('PUT', '/organization-invitations/:id/status', { id: entities.id(21) }, 200, input.options.devFeatures ? { addedUserIds: [userId] } : {});
      case 'jit-provisioning':
      case 'enterprise-sso-jit':
        // provision-library.ts: provisionJitOrganization during the sign-up's user creation.
        return experienceEvent(event, input, input.actor, 'Register', { organizationId, ...membershipDelta({ addedUserIds: [userId] }) });
      case 'one-time-token-jit':
        return experienceEvent(event, input, input.actor, 'SignIn', { organizationId, ...membershipDelta({ addedUserIds: [userId] }) });
      default:
        return management('POST', '/organizations/:id/users', { id: organizationId }, 201, { addedUserIds: [userId, entities.id(12)] });
    }
  },
};

const organizationRoleEvents = crudEvents({
  prefix: 'OrganizationRole',
  noun: 'An organization role',
  collection: '/organization-roles',
  idParam: 'id',
  createStatus: 201,
  make: (entities) => entities.organizationRole(),
});

const organizationRoleScopesUpdated: LogtoEventSpec = {
  name: 'OrganizationRole.Scopes.Updated',
  family: 'data',
  summary: "An organization role's permissions changed",
  variants: [
    { name: 'assign', summary: 'POST /api/organization-roles/:id/scopes (status 201; no body, so no data)' },
    { name: 'replace', summary: 'PUT /api/organization-roles/:id/scopes (status 204; no data)' },
    { name: 'remove', summary: 'DELETE /api/organization-roles/:id/scopes/:organizationScopeId (status 204; no data)' },
    { name: 'role-creation', summary: 'POST /api/organization-roles with scope ids (appended by hand: status 201, organizationRoleId)' },
  ],
  build(input) {
    const entities = entitiesFor(input.seed, input.now, input.options);
    const id = String(entities.organizationRole().id);
    const event = 'OrganizationRole.Scopes.Updated';
    switch (input.variant) {
      case 'replace':
        return { actor: input.actor, payload: managementApiPayload(event, input, { method: 'PUT', matchedRoute: '/organization-roles/:id/scopes', params: { id }, status: 204 }) };
      case 'remove': {
        const organizationScopeId = String(entities.organizationScope().id);
        return { actor: input.actor, payload: managementApiPayload(event, input, { method: 'DELETE', matchedRoute: '/organization-roles/:id/scopes/:organizationScopeId', params: { id, organizationScopeId }, status: 204 }) };
      }
      case 'role-creation':
        // organization-role/index.ts: `{ ...buildManagementApiContext(ctx), organizationRoleId }`.
        return { actor: input.actor, payload: managementApiPayload(event, input, { method: 'POST', matchedRoute: '/organization-roles', params: {}, status: 201 }, undefined, { organizationRoleId: id }) };
      default:
        return { actor: input.actor, payload: managementApiPayload(event, input, { method: 'POST', matchedRoute: '/organization-roles/:id/scopes', params: { id }, status: 201 }) };
    }
  },
};

const organizationScopeEvents = crudEvents({
  prefix: 'OrganizationScope',
  noun: 'An organization permission',
  collection: '/organization-scopes',
  idParam: 'id',
  createStatus: 201,
  make: (entities) => entities.organizationScope(),
});

/** Role, Scope, Organization, OrganizationRole and OrganizationScope events, in Logto's order. */
export const resourceEvents: readonly LogtoEventSpec[] = [
  roleCreated!,
  roleDeleted!,
  roleUpdated!,
  roleScopesUpdated,
  ...scopeEvents,
  organizationCreated!,
  organizationDeleted!,
  organizationUpdated!,
  membershipUpdated,
  ...organizationRoleEvents,
  organizationRoleScopesUpdated,
  ...organizationScopeEvents,
];
