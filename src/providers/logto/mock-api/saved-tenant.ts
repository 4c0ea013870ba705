/**
 * The emulator's Logto tenant: started fresh or from the state file's `logto` part, saved back as
 * plain JSON (maps and sets become objects and arrays; issued tokens are left out: they die with
 * the process, as a restart of the real provider would not keep them either).
 */
import { UsageError } from '../../../core/errors.js';
import type { JsonObject } from '../../../core/json.js';
import { REDACTED } from '../../../core/redact.js';
import type { EmulatedApi } from '../../emulation.js';
import type { LogtoUser } from '../identity.js';
import type { LogtoVersion } from '../versions.js';
import { createLogtoMockApi } from './index.js';
import { createLogtoTenant, type LogtoOrganization, type LogtoOrganizationRole, type LogtoResource, type LogtoRole, type LogtoScope, type LogtoTenant, type M2mClient } from './state.js';

/** The saved form of a Logto tenant. */
export interface LogtoTenantState {
  tenantId: string;
  version: string;
  users: LogtoUser[];
  roles: LogtoRole[];
  resources: LogtoResource[];
  scopes: LogtoScope[];
  /** roleId -> scope ids. */
  roleScopes: Record<string, string[]>;
  /** userId -> role ids. */
  userRoles: Record<string, string[]>;
  organizations: LogtoOrganization[];
  organizationRoles: LogtoOrganizationRole[];
  /** organizationId -> user ids. */
  organizationUsers: Record<string, string[]>;
  /** organizationId -> userId -> organization role ids. */
  organizationUserRoles: Record<string, Record<string, string[]>>;
  clients: M2mClient[];
}

/** A fresh tenant has the roles the bundled callback hooks assign. */
const FRESH_ROLES = [
  { name: 'member', description: 'Default role for new users' },
  { name: 'admin', description: 'Administrators' },
];

const toLists = (map: Map<string, Set<string>>): Record<string, string[]> => Object.fromEntries([...map].map(([key, set]) => [key, [...set]]));
const fromLists = (record: Record<string, string[]>): Map<string, Set<string>> => new Map(Object.entries(record).map(([key, list]) => [key, new Set(list)]));
const byId = <T extends { id: string }>(rows: readonly T[]): Map<string, T> => new Map(rows.map((item) => [item.id, structuredClone(item)]));

/** The tenant as JSON (a deep copy: later changes do not reach it). */
export function saveTenant(tenant: LogtoTenant): LogtoTenantState {
  return structuredClone({
    tenantId: tenant.tenantId,
    version: tenant.version,
    users: [...tenant.users.values()],
    roles: [...tenant.roles.values()],
    resources: [...tenant.resources.values()],
    scopes: [...tenant.scopes.values()],
    roleScopes: toLists(tenant.roleScopes),
    userRoles: toLists(tenant.userRoles),
    organizations: [...tenant.organizations.values()],
    organizationRoles: [...tenant.organizationRoles.values()],
    organizationUsers: toLists(tenant.organizationUsers),
    organizationUserRoles: Object.fromEntries([...tenant.organizationUserRoles].map(([id, members]) => [id, toLists(members)])),
    clients: tenant.clients,
  });
}

/** A tenant rebuilt from its saved form. */
export function restoreTenant(state: LogtoTenantState, now: () => number, seed: number): LogtoTenant {
  const saved = structuredClone(state);
  const tenant = createLogtoTenant({ tenantId: saved.tenantId, version: saved.version as LogtoVersion, clients: saved.clients, now, seed });
  tenant.users = byId(saved.users);
  tenant.roles = byId(saved.roles);
  tenant.resources = byId(saved.resources);
  tenant.scopes = byId(saved.scopes);
  tenant.roleScopes = fromLists(saved.roleScopes);
  tenant.userRoles = fromLists(saved.userRoles);
  tenant.organizations = byId(saved.organizations);
  tenant.organizationRoles = byId(saved.organizationRoles);
  tenant.organizationUsers = fromLists(saved.organizationUsers);
  tenant.organizationUserRoles = new Map(Object.entries(saved.organizationUserRoles).map(([id, members]) => [id, fromLists(members)]));
  return tenant;
}

/** The tenant and its Management API for one emulator session. */
export function emulatedTenant(context: { now(): number; seed: number; saved?: unknown }): EmulatedApi {
  const { now } = context;
  const tenant = context.saved ? restoreTenant(context.saved as LogtoTenantState, now, context.seed) : createLogtoTenant({ now, roles: FRESH_ROLES });
  const api = createLogtoMockApi({ tenant });
  return {
    api,
    publicOrigin: `https://${tenant.tenantId}.logto.app`,
    actorFor(userId, generated) {
      const user = api.tenant.users.get(userId);
      if (!user) throw new UsageError(`no user "${userId}" in the emulator's Logto tenant; known: ${[...api.tenant.users.keys()].slice(0, 10).join(', ') || 'none yet (send a PostRegister first)'}`);
      return { ...generated, user: structuredClone(user) as unknown as JsonObject };
    },
    beforeDelivery: (event) => void api.adopt(event),
    save: () => saveTenant(api.tenant),
    redact(saved) {
      const copy = structuredClone(saved as LogtoTenantState);
      for (const client of copy.clients) client.clientSecret = REDACTED;
      return copy;
    },
    load(saved, seed) {
      const state = structuredClone(saved as LogtoTenantState);
      // A state edited on the page comes back with secrets as `[redacted]`: those keep the current secret.
      for (const client of state.clients) {
        if (client.clientSecret === REDACTED) client.clientSecret = api.tenant.clients.find((old) => old.clientId === client.clientId)?.clientSecret ?? client.clientSecret;
      }
      // The API holds this object: its contents are swapped, not the object.
      Object.assign(api.tenant, restoreTenant(state, now, seed));
    },
  };
}
