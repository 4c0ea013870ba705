import type { JsonObject } from '../../../core/json.js';
import type { DexieOutcome } from '../outcome.js';

/** The REST `/users` model (dexie-cloud.md §3.1). Dates are ISO strings. */
export interface DexieDbUser {
  userId: string;
  created: string;
  updated: string;
  lastLogin: string | null;
  type: 'eval' | 'prod' | 'demo';
  validUntil?: string;
  evalDaysLeft?: number;
  maxAllowedEvalDaysLeft: number;
  deactivated: string | null;
  data: JsonObject | null;
}

/** Dexie Cloud scopes (CLI docs). */
export const dexieScopes = ['ACCESS_DB', 'MANAGE_DB', 'GLOBAL_READ', 'GLOBAL_WRITE', 'IMPERSONATE', 'DELETE_DB', '*'] as const;
export type DexieScope = (typeof dexieScopes)[number];

/** An API client from `dexie-cloud.key` / `npx dexie-cloud authorize`. */
export interface DexieClient {
  clientId: string;
  clientSecret: string;
  /** What the client may request; `*` means all. */
  scopes: DexieScope[];
}

/** One simulated database. */
export interface DexieDatabase {
  users: Map<string, DexieDbUser>;
  clients: DexieClient[];
  /** access token -> granted scopes. */
  tokens: Map<string, DexieScope[]>;
  maxAllowedEvalDaysLeft: number;
  now(): number;
}

export interface DexieDatabaseSeed {
  users?: DexieDbUser[];
  clients?: DexieClient[];
  maxAllowedEvalDaysLeft?: number;
  /** The database's clock: a fixed epoch ms or a function (a scenario's moving clock). */
  now?: number | (() => number);
}

/** Creates a database. The default client `hooksim-client` / `hooksim-secret` may request every scope. */
export function createDexieDatabase(seed: DexieDatabaseSeed = {}): DexieDatabase {
  return {
    users: new Map((seed.users ?? []).map((user) => [user.userId, structuredClone(user)])),
    clients: seed.clients ?? [{ clientId: 'hooksim-client', clientSecret: 'hooksim-secret', scopes: ['*'] }],
    tokens: new Map(),
    maxAllowedEvalDaysLeft: seed.maxAllowedEvalDaysLeft ?? 30,
    now: typeof seed.now === 'function' ? seed.now : typeof seed.now === 'number' ? ((at) => () => at)(seed.now) : () => Date.now(),
  };
}

/** The user as `GET /users/:id` would answer, or undefined (for final-state assertions). */
export function dexieUser(db: DexieDatabase, userId: string): DexieDbUser | undefined {
  const user = db.users.get(userId);
  return user ? structuredClone(user) : undefined;
}

/**
 * Records what the new-user hook decided: an accepted login creates the user with the type,
 * evaluation days and data the outcome carries (a user the hook made `prod` is `prod` here).
 */
export function applyNewUserOutcome(db: DexieDatabase, outcome: DexieOutcome): DexieDbUser | undefined {
  if (outcome.login !== 'accepted') return undefined;
  // Dexie Cloud creates the user as it reads the reply, before the hook can call back. Here the
  // hook's later call may be handled first: then it already describes the newer state.
  const existing = db.users.get(outcome.user.userId);
  if (existing) return existing;
  const at = new Date(db.now()).toISOString();
  const user: DexieDbUser = {
    userId: outcome.user.userId,
    created: at,
    updated: at,
    lastLogin: at,
    type: outcome.user.type,
    ...(outcome.user.evalDaysLeft !== undefined ? { evalDaysLeft: outcome.user.evalDaysLeft } : {}),
    maxAllowedEvalDaysLeft: outcome.user.maxAllowedEvalDaysLeft,
    deactivated: null,
    data: outcome.user.data,
  };
  db.users.set(user.userId, user);
  return user;
}
