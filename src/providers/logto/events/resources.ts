import type { JsonObject } from '../../../core/json.js';
import { experiencePayload, managementApiPayload } from './context.js';
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
    const entities = entitiesFor(input.seed, input.now);
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
    { name: 'remove-user', summary: 'DELETE /api/organizations/:id/users/:userId (status 204; removedUserIds)' },
    { name: 'add-applications', summary: 'POST /api/organizations/:id/applications (status 201; addedApplicationIds)' },
    { name: 'invitation-accepted', summary: 'An invitation accepted during sign-in (Experience API context; addedUserIds)' },
    { name: 'jit-provisioning', summary: 'Just-in-time provisioning at sign-up by email domain (Experience API context; addedUserIds)' },
  ],
  build(input) {
    const entities = entitiesFor(input.seed, input.now);
    const organizationId = String(entities.organization().id);
    const userId = input.actor.user.id;
    switch (input.variant) {
      case 'remove-user': {
        const route = { method: 'DELETE', matchedRoute: '/organizations/:id/users/:userId', params: { id: organizationId, userId }, status: 204 } as const;
        return { actor: input.actor, payload: managementApiPayload('Organization.Membership.Updated', input, route, undefined, { organizationId, ...membershipDelta({ removedUserIds: [userId] }) }) };
      }
      case 'add-applications': {
        const route = { method: 'POST', matchedRoute: '/organizations/:id/applications', params: { id: organizationId }, status: 201 } as const;
        return { actor: input.actor, payload: managementApiPayload('Organization.Membership.Updated', input, route, undefined, { organizationId, ...membershipDelta({ addedApplicationIds: [entities.id(21)] }) }) };
      }
      case 'jit-provisioning':
        return { actor: input.actor, payload: experiencePayload('Organization.Membership.Updated', input, input.actor, 'Register', { organizationId, ...membershipDelta({ addedUserIds: [userId] }) }) };
      case 'invitation-accepted':
        return { actor: input.actor, payload: experiencePayload('Organization.Membership.Updated', input, input.actor, 'SignIn', { organizationId, ...membershipDelta({ addedUserIds: [userId] }) }) };
      default: {
        const route = { method: 'POST', matchedRoute: '/organizations/:id/users', params: { id: organizationId }, status: 201 } as const;
        return { actor: input.actor, payload: managementApiPayload('Organization.Membership.Updated', input, route, undefined, { organizationId, ...membershipDelta({ addedUserIds: [userId, entities.id(12)] }) }) };
      }
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
  variants: [{ name: 'assign', summary: 'POST /api/organization-roles/:id/scopes (status 201; no body, so no data)' }],
  build(input) {
    const entities = entitiesFor(input.seed, input.now);
    const route = { method: 'POST', matchedRoute: '/organization-roles/:id/scopes', params: { id: String(entities.organizationRole().id) }, status: 201 } as const;
    return { actor: input.actor, payload: managementApiPayload('OrganizationRole.Scopes.Updated', input, route) };
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
