/**
 * The emulator's tenant state as plain JSON: what `--state file.json` saves on exit and loads at
 * start, and what the dashboard shows. Maps and sets become objects and arrays; issued tokens
 * are left out (they die with the process, as a restart of the real provider would not keep
 * them either). Client secrets are kept in the file (it is the developer's own) and removed by
 * {@link publicState} before anything reaches the page.
 */
import { readFile, writeFile, rename } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { UsageError } from '../core/errors.js';
import { REDACTED } from '../core/redact.js';
import type { LogtoUser } from '../providers/logto/identity.js';
import type { LogtoVersion } from '../providers/logto/versions.js';
import { createDexieDatabase, type DexieDatabase, type DexieDbUser, type DexieClient } from '../providers/dexie-cloud/mock-api/state.js';
import {
  createLogtoTenant,
  type LogtoOrganization,
  type LogtoOrganizationRole,
  type LogtoResource,
  type LogtoRole,
  type LogtoScope,
  type LogtoTenant,
  type M2mClient,
} from '../providers/logto/mock-api/state.js';

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

/** The saved form of a Dexie Cloud database. */
export interface DexieDatabaseState {
  users: DexieDbUser[];
  clients: DexieClient[];
  maxAllowedEvalDaysLeft: number;
}

/** Everything the emulator keeps between runs. */
export interface EmulatorState {
  /** Format version of this file. */
  hooksimState: 1;
  /** The seed the next generated identity uses: restarts go on with new users, not the same ones again. */
  nextSeed: number;
  logto: LogtoTenantState;
  dexie: DexieDatabaseState;
}

const idLists = z.record(z.string(), z.array(z.string()));
const row = z.record(z.string(), z.unknown());
const stateSchema = z.object({
  hooksimState: z.literal(1),
  nextSeed: z.number().int().nonnegative(),
  logto: z.object({
    tenantId: z.string().min(1),
    version: z.string(),
    users: z.array(row.and(z.object({ id: z.string().min(1) }))),
    roles: z.array(row.and(z.object({ id: z.string().min(1) }))),
    resources: z.array(row.and(z.object({ id: z.string().min(1) }))).default([]),
    scopes: z.array(row.and(z.object({ id: z.string().min(1) }))).default([]),
    roleScopes: idLists.default({}),
    userRoles: idLists.default({}),
    organizations: z.array(row.and(z.object({ id: z.string().min(1) }))).default([]),
    organizationRoles: z.array(row.and(z.object({ id: z.string().min(1) }))).default([]),
    organizationUsers: idLists.default({}),
    organizationUserRoles: z.record(z.string(), idLists).default({}),
    clients: z.array(z.object({ clientId: z.string(), clientSecret: z.string(), scopes: z.array(z.string()).optional() })),
  }),
  dexie: z.object({
    users: z.array(row.and(z.object({ userId: z.string().min(1) }))),
    clients: z.array(z.object({ clientId: z.string(), clientSecret: z.string(), scopes: z.array(z.string()) })),
    maxAllowedEvalDaysLeft: z.number().int().nonnegative().default(30),
  }),
});

const toLists = (map: Map<string, Set<string>>): Record<string, string[]> => Object.fromEntries([...map].map(([key, set]) => [key, [...set]]));
const fromLists = (record: Record<string, string[]>): Map<string, Set<string>> => new Map(Object.entries(record).map(([key, list]) => [key, new Set(list)]));
const byId = <T extends { id: string }>(rows: readonly T[]): Map<string, T> => new Map(rows.map((item) => [item.id, structuredClone(item)]));

/** A snapshot of the tenant and database (deep copies: later changes do not reach it). */
export function snapshotState(tenant: LogtoTenant, database: DexieDatabase, nextSeed: number): EmulatorState {
  return structuredClone({
    hooksimState: 1 as const,
    nextSeed,
    logto: {
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
    },
    dexie: { users: [...database.users.values()], clients: database.clients, maxAllowedEvalDaysLeft: database.maxAllowedEvalDaysLeft },
  });
}

/** Checks a parsed state document; a one-line UsageError naming the first problem and `source`. */
export function parseState(value: unknown, source: string): EmulatorState {
  const parsed = stateSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${source}: not a hooksim state file: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data as unknown as EmulatorState;
}

/** A tenant and database rebuilt from a state (the clock is the caller's). */
export function restoreState(state: EmulatorState, now: () => number): { tenant: LogtoTenant; database: DexieDatabase } {
  const saved = structuredClone(state);
  const tenant = createLogtoTenant({ tenantId: saved.logto.tenantId, version: saved.logto.version as LogtoVersion, clients: saved.logto.clients, now, seed: saved.nextSeed });
  tenant.users = byId(saved.logto.users);
  tenant.roles = byId(saved.logto.roles);
  tenant.resources = byId(saved.logto.resources);
  tenant.scopes = byId(saved.logto.scopes);
  tenant.roleScopes = fromLists(saved.logto.roleScopes);
  tenant.userRoles = fromLists(saved.logto.userRoles);
  tenant.organizations = byId(saved.logto.organizations);
  tenant.organizationRoles = byId(saved.logto.organizationRoles);
  tenant.organizationUsers = fromLists(saved.logto.organizationUsers);
  tenant.organizationUserRoles = new Map(Object.entries(saved.logto.organizationUserRoles).map(([id, members]) => [id, fromLists(members)]));
  const database = createDexieDatabase({ users: saved.dexie.users, clients: saved.dexie.clients, maxAllowedEvalDaysLeft: saved.dexie.maxAllowedEvalDaysLeft, now });
  return { tenant, database };
}

/** The state as the page may see it: client secrets replaced by `[redacted]`. */
export function publicState(state: EmulatorState): EmulatorState {
  const copy = structuredClone(state);
  for (const client of [...copy.logto.clients, ...copy.dexie.clients]) client.clientSecret = REDACTED;
  return copy;
}

/** Reads a state file; undefined when it does not exist yet (the first run creates it on exit). */
export async function readStateFile(file: string): Promise<EmulatorState | undefined> {
  if (!existsSync(file)) return undefined;
  const text = await readFile(file, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`state file ${file}: invalid JSON: ${(error as Error).message}`);
  }
  return parseState(value, `state file ${file}`);
}

/** Writes a state file whole (beside, then renamed): a crash mid-write never leaves half a tenant. */
export async function writeStateFile(file: string, state: EmulatorState): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(state, null, 2) + '\n', 'utf8');
  await rename(temporary, file);
}
