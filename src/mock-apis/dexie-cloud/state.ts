import type { JsonObject } from '../../core/json.js';
import type { DexieOutcome } from '../../providers/dexie-cloud/outcome.js';

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
  now?: () => number;
}

/** Creates a database. The default client `hooksim-client` / `hooksim-secret` may request every scope. */
export function createDexieDatabase(seed: DexieDatabaseSeed = {}): DexieDatabase {
  return {
    users: new Map((seed.users ?? []).map((user) => [user.userId, { ...user }])),
    clients: seed.clients ?? [{ clientId: 'hooksim-client', clientSecret: 'hooksim-secret', scopes: ['*'] }],
    tokens: new Map(),
    maxAllowedEvalDaysLeft: seed.maxAllowedEvalDaysLeft ?? 30,
    now: seed.now ?? (() => Date.now()),
  };
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
