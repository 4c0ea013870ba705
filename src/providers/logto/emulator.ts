/**
 * Logto under `hooksim serve` / `hooksim ui`: the tenant's Management API and M2M token endpoint
 * on `--logto-port`, the tenant in the state file's `logto` part, and Logto's log row in words.
 */
import { z } from 'zod';
import type { ProviderEmulator } from '../emulation.js';
import type { LogtoOutcome } from './outcome.js';

const idLists = z.record(z.string(), z.array(z.string()));
const row = z.record(z.string(), z.unknown());
const rowsWith = (key: string) => z.array(row.and(z.object({ [key]: z.string().min(1) })));

/** The saved form of the tenant (see `mock-api/saved-tenant.ts`). */
const tenantStateSchema = z.object({
  tenantId: z.string().min(1),
  version: z.string(),
  users: rowsWith('id'),
  roles: rowsWith('id'),
  resources: rowsWith('id').default([]),
  scopes: rowsWith('id').default([]),
  roleScopes: idLists.default({}),
  userRoles: idLists.default({}),
  organizations: rowsWith('id').default([]),
  organizationRoles: rowsWith('id').default([]),
  organizationUsers: idLists.default({}),
  organizationUserRoles: z.record(z.string(), idLists).default({}),
  clients: z.array(z.object({ clientId: z.string(), clientSecret: z.string(), scopes: z.array(z.string()).optional() })),
});

/** Logto's part of the emulator. */
export const logtoEmulator: ProviderEmulator<LogtoOutcome> = {
  payloadContract: 'webhook-payload',
  outcomeLine: (outcome) => `Logto logs ${String(outcome.result)} after ${String(outcome.attempts)} attempt(s)`,
  outcomeRows(outcome) {
    const rows: [string, string][] = [['Console shows', `${String(outcome.result)} (${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'})`]];
    const log = outcome.log as LogtoOutcome['log'] | undefined;
    if (log) {
      rows.push(['Log key', String(log.key)], ['Hook id', String(log.hookId)]);
      if (log.response) rows.push(['Logged response', `${log.response.statusCode} ${JSON.stringify(log.response.body)}`]);
      if (log.error) rows.push(['Logged error', String(log.error)]);
    }
    return rows;
  },
  api: {
    name: 'logto',
    label: 'Logto',
    defaultPort: 4401,
    flagSummary: 'Management API + /oidc/token',
    routes: 'Management API at /api, M2M token at /oidc/token',
    clientId: 'hooksim-m2m',
    stateSchema: tenantStateSchema,
    async create(context) {
      const { emulatedTenant } = await import('./mock-api/saved-tenant.js');
      return emulatedTenant(context);
    },
  },
};
