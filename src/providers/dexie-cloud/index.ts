import { dexieMockApi } from './mock-api/plugin.js';
import { dexieEmulator } from './emulator.js';
import { describeDexieOutcome } from './decision.js';
import type { Provider } from '../types.js';
import { dexieContracts } from './contract.js';
import { dexieEvents, newUserPayload } from './events.js';
import { createDexieActor, type DexieActor } from './identity.js';
import { dexieOptionsSchema, type DexieOptions } from './options.js';
import { judgeDexie, type DexieOutcome } from './outcome.js';
import { buildDexieRequest } from './request.js';

export type { DexieOptions, DexieFailurePolicy } from './options.js';
export type { DexieOutcome, DexieCreatedUser, DexieTokenResponse, DexieLicense } from './outcome.js';
export type { DexieActor } from './identity.js';

/** Dexie Cloud's new-user web hook: one synchronous call whose reply decides the login. */
export const dexieCloud: Provider<DexieOptions, DexieOutcome, DexieActor> = {
  name: 'dexie-cloud',
  title: 'Dexie Cloud new-user web hook',
  events: dexieEvents,
  optionsSchema: dexieOptionsSchema,
  createActor: (seed) => createDexieActor(seed),
  buildEvent(_event, context) {
    const actor = context.actor ?? createDexieActor(context.seed);
    return { payload: newUserPayload(actor, context.variant), actor };
  },
  buildRequest: buildDexieRequest,
  deliveryPolicy: (options) => ({
    timeoutMs: options.timeoutMs,
    // The call sits in the /token request path: no retry (inferred).
    retryDelay: () => undefined,
  }),
  // The token's expiry counts from when the reply arrived.
  judge: (_event, request, record, options, now) => judgeDexie(request, record, Object.assign({}, options, { now })),
  mockApi: dexieMockApi,
  emulator: dexieEmulator,
  // Loaded when `hooksim check` runs: the check kit stays out of `import('hooksim')`.
  checks: () => import('./checks/index.js').then((module) => module.dexieChecks),
  secrets: (options) => (options.token ? [options.token] : []),
  describeOutcome: describeDexieOutcome,
  contracts: dexieContracts,
  outcomeSummary: {
    title: 'Dexie Cloud logins',
    label: (outcome) => (outcome.login === 'accepted' ? `accepted (${outcome.action})` : `refused ${outcome.error.code}`),
  },
};

declare module '../typed.js' {
  /** Dexie Cloud's events, options and outcome, for the typed `send()`. */
  interface ProviderTypes {
    'dexie-cloud': { variants: import('./event-types.generated.js').DexieCloudEventVariants; options: import('zod').input<typeof dexieOptionsSchema>; outcome: DexieOutcome };
  }
}
