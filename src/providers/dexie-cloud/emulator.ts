/**
 * Dexie Cloud under `hooksim serve` / `hooksim ui`: the database's `/token` and `/users` on
 * `--dexie-port`, its users in the state file's `dexie` part, and the login decision in words.
 */
import { z } from 'zod';
import type { ProviderEmulator } from '../emulation.js';
import type { DexieOutcome } from './outcome.js';

/** The saved form of the database (see `mock-api/saved-database.ts`). */
const databaseStateSchema = z.object({
  users: z.array(z.record(z.string(), z.unknown()).and(z.object({ userId: z.string().min(1) }))),
  clients: z.array(z.object({ clientId: z.string(), clientSecret: z.string(), scopes: z.array(z.string()) })),
  maxAllowedEvalDaysLeft: z.number().int().nonnegative().default(30),
});

/** Dexie Cloud's part of the emulator. */
export const dexieEmulator: ProviderEmulator<DexieOutcome> = {
  payloadContract: 'new-user-request',
  // The user is the one logging in, named in the request (the actor is only what generated it).
  userIdOf: (payload) => (typeof payload.userId === 'string' ? payload.userId : undefined),
  outcomeLine: (outcome) => (outcome.login === 'accepted' ? `login accepted as ${String(outcome.action)}` : `login refused: 403 ${String(outcome.error?.code ?? '')}`),
  outcomeRows(outcome) {
    const rows: [string, string][] = [];
    if (outcome.login === 'accepted') {
      const { user } = outcome;
      rows.push(['Login', `accepted as ${outcome.action}`]);
      rows.push(['User', `${user.userId} (${user.type}${user.evalDaysLeft !== undefined ? `, ${user.evalDaysLeft} eval days` : ''})`]);
      rows.push(['Data', JSON.stringify(user.data)]);
    } else {
      rows.push(['Login', `refused: /token answers 403 ${outcome.error ? outcome.error.code : ''}`]);
      if (outcome.error) rows.push(['Client sees', outcome.error.message]);
    }
    if (outcome.reason) rows.push(['Why', outcome.reason]);
    return rows;
  },
  api: {
    name: 'dexie',
    label: 'Dexie Cloud',
    defaultPort: 4402,
    flagSummary: '/token + /users',
    routes: '/token, /users',
    clientId: 'hooksim-client',
    stateSchema: databaseStateSchema,
    async create(context) {
      const { emulatedDatabase } = await import('./mock-api/saved-database.js');
      return emulatedDatabase(context);
    },
  },
};
