import type { JsonObject } from '../../../core/json.js';
import { userProfileResponse } from '../identity.js';
import type { LogtoTenant } from './state.js';

/*
 * Read-only questions about a tenant, for final-state assertions in tests and scenarios
 * ("the user has role member", "customData.plan is pro"). Pure functions over the state.
 */

/** The user as `GET /api/users/:id` would answer, or undefined. */
export function logtoUser(tenant: LogtoTenant, userId: string): JsonObject | undefined {
  const user = tenant.users.get(userId);
  return user ? userProfileResponse(user, tenant.version) : undefined;
}

/** Names of the roles assigned to a user, in assignment order. */
export function userRoleNames(tenant: LogtoTenant, userId: string): string[] {
  return [...(tenant.userRoles.get(userId) ?? [])].map((id) => tenant.roles.get(id)?.name ?? id);
}

/** True when the user holds the role with this name (or id). */
export function userHasRole(tenant: LogtoTenant, userId: string, role: string): boolean {
  const ids = tenant.userRoles.get(userId) ?? new Set<string>();
  return [...ids].some((id) => id === role || tenant.roles.get(id)?.name === role);
}

/** The role with this name, if any. */
export function roleByName(tenant: LogtoTenant, name: string) {
  return [...tenant.roles.values()].find((role) => role.name === name);
}

/** Names of the scopes linked to a role. */
export function roleScopeNames(tenant: LogtoTenant, roleId: string): string[] {
  return [...(tenant.roleScopes.get(roleId) ?? [])].map((id) => tenant.scopes.get(id)?.name ?? id);
}

/** Ids of the organizations the user is a member of. */
export function userOrganizationIds(tenant: LogtoTenant, userId: string): string[] {
  return [...tenant.organizationUsers.entries()].filter(([, members]) => members.has(userId)).map(([id]) => id);
}

/** Names of the user's organization roles in one organization. */
export function organizationRoleNames(tenant: LogtoTenant, organizationId: string, userId: string): string[] {
  return [...(tenant.organizationUserRoles.get(organizationId)?.get(userId) ?? [])].map((id) => tenant.organizationRoles.get(id)?.name ?? id);
}
