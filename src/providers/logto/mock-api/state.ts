import { lowerAlnum, seededFaker } from '../../../core/random.js';
import type { JsonObject } from '../../../core/json.js';
import type { LogtoActor, LogtoUser } from '../identity.js';
import type { LogtoVersion } from '../versions.js';

/** A Logto role row (`Roles.guard`): what `POST /api/roles` answers, `tenantId` included. */
export interface LogtoRole {
  tenantId: string;
  id: string;
  name: string;
  description: string;
  type: 'User' | 'MachineToMachine';
  isDefault: boolean;
}

/** An API resource row (`Resources.guard`); the tenant's scopes hang off one of them. */
export interface LogtoResource {
  tenantId: string;
  id: string;
  name: string;
  indicator: string;
  isDefault: boolean;
  accessTokenTtl: number;
}

/** An API resource scope (permission), `Scopes.guard`. */
export interface LogtoScope {
  tenantId: string;
  id: string;
  resourceId: string;
  name: string;
  description: string | null;
  createdAt: number;
}

/** An organization row (`Organizations.guard`). */
export interface LogtoOrganization {
  tenantId: string;
  id: string;
  name: string;
  description: string | null;
  customData: JsonObject;
  isMfaRequired: boolean;
  branding: JsonObject;
  createdAt: number;
}

/** An organization role row (`OrganizationRoles.guard`), from the organization template. */
export interface LogtoOrganizationRole {
  tenantId: string;
  id: string;
  name: string;
  description: string | null;
  type: 'User' | 'MachineToMachine';
}

/** A machine-to-machine application allowed to ask for Management API tokens. */
export interface M2mClient {
  clientId: string;
  clientSecret: string;
  /**
   * Management API scopes its roles grant. Default `['all']` (the "Logto Management API access"
   * role); `[]` models an M2M app nobody gave that role: tokens come without `all`, calls get 403.
   */
  scopes?: string[];
}

/** What an issued access token stands for. */
export interface IssuedToken {
  clientId: string;
  /** The resource indicator the token was issued for (its `aud`); undefined: an opaque token. */
  audience?: string;
  scopes: string[];
}

/** One in-memory Logto tenant: the state the Management API mock reads and changes. */
export interface LogtoTenant {
  tenantId: string;
  /** The Logto version whose user shape the API answers with. */
  version: LogtoVersion;
  /** The Management API resource indicator tokens must be requested for. */
  resource: string;
  users: Map<string, LogtoUser>;
  roles: Map<string, LogtoRole>;
  /** API resources besides the Management API (scopes seeded by name live under the first). */
  resources: Map<string, LogtoResource>;
  scopes: Map<string, LogtoScope>;
  roleScopes: Map<string, Set<string>>;
  userRoles: Map<string, Set<string>>;
  organizations: Map<string, LogtoOrganization>;
  organizationRoles: Map<string, LogtoOrganizationRole>;
  organizationUsers: Map<string, Set<string>>;
  /** organizationId -> userId -> organization role ids. */
  organizationUserRoles: Map<string, Map<string, Set<string>>>;
  clients: M2mClient[];
  /** Issued access tokens. */
  tokens: Map<string, IssuedToken>;
  /** Draws ids, seeded. */
  nextId(length: number): string;
  now(): number;
}

/** What a tenant starts with. Everything is optional: `{}` is an empty OSS tenant. */
export interface LogtoTenantSeed {
  seed?: number;
  /** The tenant id: Cloud's subdomain (`mytenant`), or `default` for OSS (the default). */
  tenantId?: string;
  /** Logto version of the user shape (`1.43` adds `cimdClientId`). Default `1.42`. */
  version?: LogtoVersion;
  /** Users to start with: actors (as events speak of them) or bare user rows. */
  users?: (LogtoActor | LogtoUser)[];
  /** Roles by name, created with seeded ids (`[{ name: 'member' }]`). */
  roles?: { name: string; description?: string; isDefault?: boolean; type?: 'User' | 'MachineToMachine' }[];
  /** API scopes (permissions) by name, under one API resource, for role-scope routes. */
  scopes?: { name: string; description?: string }[];
  /** Organizations by name. */
  organizations?: { name: string; description?: string }[];
  /** Organization roles (the organization template) by name. */
  organizationRoles?: { name: string; description?: string }[];
  clients?: M2mClient[];
  /** The tenant's clock: a fixed epoch ms or a function (a scenario's moving clock). */
  now?: number | (() => number);
}

/** The default M2M app's credentials, as a hook's configuration would name them. */
export const DEFAULT_M2M_CLIENT: Readonly<Required<M2mClient>> = Object.freeze({ clientId: 'hooksim-m2m', clientSecret: 'hooksim-m2m-secret', scopes: ['all'] });

const isActor = (entry: LogtoActor | LogtoUser): entry is LogtoActor => 'user' in entry && typeof (entry as LogtoActor).user === 'object';

/** The Management API resource indicator of a tenant (OSS: `https://default.logto.app/api`). */
export const managementApiIndicator = (tenantId: string): string => `https://${tenantId}.logto.app/api`;

/**
 * Creates a tenant. Users are copied (the API changes the copy, never the caller's actor). The
 * default M2M client is `hooksim-m2m` / `hooksim-m2m-secret` with the `all` scope.
 */
export function createLogtoTenant(seed: LogtoTenantSeed = {}): LogtoTenant {
  const faker = seededFaker(seed.seed ?? 1, 20);
  const tenantId = seed.tenantId ?? 'default';
  const clock = seed.now;
  const now = typeof clock === 'function' ? clock : typeof clock === 'number' ? () => clock : () => Date.now();
  const tenant: LogtoTenant = {
    tenantId,
    version: seed.version ?? '1.42',
    resource: managementApiIndicator(tenantId),
    users: new Map(),
    roles: new Map(),
    resources: new Map(),
    scopes: new Map(),
    roleScopes: new Map(),
    userRoles: new Map(),
    organizations: new Map(),
    organizationRoles: new Map(),
    organizationUsers: new Map(),
    organizationUserRoles: new Map(),
    clients: (seed.clients ?? [DEFAULT_M2M_CLIENT]).map((client) => ({ ...client, scopes: [...(client.scopes ?? ['all'])] })),
    tokens: new Map(),
    nextId: (length) => lowerAlnum(faker, length),
    now,
  };
  for (const entry of seed.users ?? []) upsertUser(tenant, isActor(entry) ? entry.user : entry);
  for (const role of seed.roles ?? []) {
    const id = tenant.nextId(21);
    tenant.roles.set(id, { tenantId, id, name: role.name, description: role.description ?? role.name, type: role.type ?? 'User', isDefault: role.isDefault ?? false });
  }
  if (seed.scopes?.length) {
    const resource: LogtoResource = { tenantId, id: tenant.nextId(21), name: 'hooksim API', indicator: 'https://api.hooksim.test', isDefault: false, accessTokenTtl: 3600 };
    tenant.resources.set(resource.id, resource);
    for (const scope of seed.scopes) {
      const id = tenant.nextId(21);
      tenant.scopes.set(id, { tenantId, id, resourceId: resource.id, name: scope.name, description: scope.description ?? null, createdAt: now() });
    }
  }
  for (const organization of seed.organizations ?? []) {
    const id = tenant.nextId(12);
    tenant.organizations.set(id, { tenantId, id, name: organization.name, description: organization.description ?? null, customData: {}, isMfaRequired: false, branding: {}, createdAt: now() });
  }
  for (const role of seed.organizationRoles ?? []) {
    const id = tenant.nextId(12);
    tenant.organizationRoles.set(id, { tenantId, id, name: role.name, description: role.description ?? null, type: 'User' });
  }
  return tenant;
}

/** Deep copy of a user row, so API changes never reach back into an actor. */
function copyUser(user: LogtoUser): LogtoUser {
  return structuredClone(user);
}

function upsertUser(tenant: LogtoTenant, user: LogtoUser): void {
  const existing = tenant.users.get(user.id);
  // Changes the hook made through the API (custom data, profile, suspension) survive the next event.
  const next = copyUser(user);
  if (existing) Object.assign(next, { customData: existing.customData, profile: existing.profile, isSuspended: existing.isSuspended });
  tenant.users.set(user.id, next);
}

/**
 * Puts the user an event spoke of into the tenant (same id, same fields). A user already there
 * keeps what the hook changed through the API (customData, profile, suspension).
 */
export function upsertActorUser(tenant: LogtoTenant, actor: LogtoActor | LogtoUser): void {
  upsertUser(tenant, isActor(actor) ? actor.user : actor);
}
