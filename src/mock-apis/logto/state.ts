import { lowerAlnum, seededFaker } from '../../core/random.js';
import type { JsonObject } from '../../core/json.js';
import type { LogtoActor, LogtoUser } from '../../providers/logto/identity.js';

/** A Logto role row (`Roles.guard`): what `POST /api/roles` answers, `tenantId` included. */
export interface LogtoRole {
  tenantId: string;
  id: string;
  name: string;
  description: string;
  type: 'User' | 'MachineToMachine';
  isDefault: boolean;
}

/** An API resource scope (permission). */
export interface LogtoScope {
  tenantId: string;
  id: string;
  resourceId: string;
  name: string;
  description: string | null;
  createdAt: number;
}

/** An organization row. */
export interface LogtoOrganization {
  tenantId: string;
  id: string;
  name: string;
  description: string | null;
  customData: JsonObject;
  isMfaRequired: boolean;
  createdAt: number;
}

/** A machine-to-machine application allowed to call the Management API. */
export interface M2mClient {
  clientId: string;
  clientSecret: string;
}

/** One in-memory Logto tenant: the state the Management API mock reads and changes. */
export interface LogtoTenant {
  tenantId: string;
  /** The Management API resource indicator tokens must be requested for. */
  resource: string;
  users: Map<string, LogtoUser>;
  roles: Map<string, LogtoRole>;
  scopes: Map<string, LogtoScope>;
  roleScopes: Map<string, Set<string>>;
  userRoles: Map<string, Set<string>>;
  organizations: Map<string, LogtoOrganization>;
  organizationUsers: Map<string, Set<string>>;
  /** organizationId -> userId -> organization role ids. */
  organizationUserRoles: Map<string, Map<string, Set<string>>>;
  clients: M2mClient[];
  /** Issued access tokens. */
  tokens: Set<string>;
  /** Draws ids, seeded. */
  nextId(length: number): string;
  now(): number;
}

/** What a tenant starts with. */
export interface LogtoTenantSeed {
  seed?: number;
  /** The tenant id; OSS Logto's is `default`. */
  tenantId?: string;
  users?: LogtoUser[];
  /** Roles by name, created with seeded ids (`[{ name: 'member' }]`). */
  roles?: { name: string; description?: string; isDefault?: boolean }[];
  /** API scopes (permissions) by name, under one resource, for role-scope routes. */
  scopes?: { name: string; description?: string }[];
  clients?: M2mClient[];
  now?: () => number;
}

/** Creates a tenant. The default M2M client is `hooksim-m2m` / `hooksim-m2m-secret`. */
export function createLogtoTenant(seed: LogtoTenantSeed = {}): LogtoTenant {
  const faker = seededFaker(seed.seed ?? 1, 20);
  const tenantId = seed.tenantId ?? 'default';
  const tenant: LogtoTenant = {
    tenantId,
    resource: `https://${tenantId}.logto.app/api`,
    users: new Map((seed.users ?? []).map((user) => [user.id, { ...user }])),
    roles: new Map(),
    scopes: new Map(),
    roleScopes: new Map(),
    userRoles: new Map(),
    organizations: new Map(),
    organizationUsers: new Map(),
    organizationUserRoles: new Map(),
    clients: seed.clients ?? [{ clientId: 'hooksim-m2m', clientSecret: 'hooksim-m2m-secret' }],
    tokens: new Set(),
    nextId: (length) => lowerAlnum(faker, length),
    now: seed.now ?? (() => Date.now()),
  };
  for (const role of seed.roles ?? []) {
    const id = tenant.nextId(21);
    tenant.roles.set(id, { tenantId, id, name: role.name, description: role.description ?? role.name, type: 'User', isDefault: role.isDefault ?? false });
  }
  const resourceId = tenant.nextId(21);
  for (const scope of seed.scopes ?? []) {
    const id = tenant.nextId(21);
    tenant.scopes.set(id, { tenantId, id, resourceId, name: scope.name, description: scope.description ?? null, createdAt: tenant.now() });
  }
  return tenant;
}

/** Puts the user an event spoke of into the tenant (same id, same fields). */
export function upsertActorUser(tenant: LogtoTenant, actor: LogtoActor): void {
  const existing = tenant.users.get(actor.user.id);
  // Changes the hook made through the API (custom data, profile, suspension) survive the next event.
  tenant.users.set(actor.user.id, existing ? { ...actor.user, customData: existing.customData, profile: existing.profile, isSuspended: existing.isSuspended } : { ...actor.user });
}
