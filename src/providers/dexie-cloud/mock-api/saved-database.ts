/**
 * The emulator's Dexie Cloud database: started fresh or from the state file's `dexie` part, saved
 * back as plain JSON (issued tokens are left out: they die with the process).
 */
import { REDACTED } from '../../../core/redact.js';
import type { EmulatedApi } from '../../emulation.js';
import type { DexieOutcome } from '../outcome.js';
import { applyNewUserOutcome, createDexieMockApi } from './index.js';
import { createDexieDatabase, type DexieClient, type DexieDbUser } from './state.js';

/** The saved form of a Dexie Cloud database. */
export interface DexieDatabaseState {
  users: DexieDbUser[];
  clients: DexieClient[];
  maxAllowedEvalDaysLeft: number;
}

/** The database and its REST API for one emulator session. */
export function emulatedDatabase(context: { now(): number; saved?: unknown }): EmulatedApi {
  const { now } = context;
  const restore = (saved: DexieDatabaseState) => createDexieDatabase({ users: saved.users, clients: saved.clients, maxAllowedEvalDaysLeft: saved.maxAllowedEvalDaysLeft, now });
  const api = createDexieMockApi({ database: context.saved ? restore(structuredClone(context.saved as DexieDatabaseState)) : { now } });
  const { database } = api;
  return {
    api,
    publicOrigin: 'https://hooksim.dexie.cloud',
    afterDelivery: (outcome) => void applyNewUserOutcome(database, outcome as DexieOutcome),
    save: (): DexieDatabaseState => structuredClone({ users: [...database.users.values()], clients: database.clients, maxAllowedEvalDaysLeft: database.maxAllowedEvalDaysLeft }),
    redact(saved) {
      const copy = structuredClone(saved as DexieDatabaseState);
      for (const client of copy.clients) client.clientSecret = REDACTED;
      return copy;
    },
    load(saved) {
      const state = structuredClone(saved as DexieDatabaseState);
      // A state edited on the page comes back with secrets as `[redacted]`: those keep the current secret.
      for (const client of state.clients) {
        if (client.clientSecret === REDACTED) client.clientSecret = database.clients.find((old) => old.clientId === client.clientId)?.clientSecret ?? client.clientSecret;
      }
      // The API holds this object: its contents are swapped, not the object.
      Object.assign(database, restore(state));
    },
  };
}
