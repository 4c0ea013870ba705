import { logtoMockApi } from './mock-api/plugin.js';
import { logtoEmulator } from './emulator.js';
import { describeLogtoOutcome } from './decision.js';
import type { Provider } from '../types.js';
import { logtoContracts } from './contract.js';
import { logtoDeliveryPolicy } from './delivery.js';
import { buildLogtoEvent, logtoEventSpecs, type LogtoEventSpec } from './events/index.js';
import { createLogtoActor, hookIdFromSeed, type LogtoActor } from './identity.js';
import { logtoOptionsSchema, type LogtoOptions } from './options.js';
import { judgeLogto, tallyLogto, type LogtoOutcome } from './outcome.js';
import { buildLogtoRequest } from './request.js';

export type { LogtoOptions } from './options.js';
export type { LogtoOutcome, LogtoLogPayload } from './outcome.js';
export type { LogtoActor, LogtoUser, LogtoApplication } from './identity.js';
import { SIGNATURE_HEADER, signLogtoBody } from './signing.js';
export { signLogtoBody, SIGNATURE_HEADER } from './signing.js';
export { LOGTO_USER_AGENT } from './request.js';

function specFor(event: string): LogtoEventSpec {
  const spec = logtoEventSpecs.find((candidate) => candidate.name === event);
  if (!spec) throw new Error(`logto: no builder for event ${event}`);
  return spec;
}

/** Logto webhooks (1.42 by default): signed JSON events, one attempt, any 2xx is success. */
export const logto: Provider<LogtoOptions, LogtoOutcome, LogtoActor> = {
  name: 'logto',
  title: 'Logto webhooks',
  notes: [
    'version 1.42 (default): logto-io/logto tag v1.42.0 and npm @logto/schemas 1.42.0.',
    'version 1.43: matches npm @logto/schemas 1.43.0 only; there is no v1.43.0 tag in logto-io/logto to check the server code against.',
    'version master: 1.43 plus what logto-io/logto master sends that 1.42 does not (a top-level cimdClientId for CIMD clients: --option cimdClientId=<url>).',
  ],
  events: logtoEventSpecs,
  optionsSchema: logtoOptionsSchema,
  createActor: (seed, now) => createLogtoActor(seed, now),
  buildEvent(event, context) {
    const actor = context.actor ?? createLogtoActor(context.seed, context.now);
    const built = buildLogtoEvent(specFor(event), Object.assign({}, context, { actor }));
    return { payload: built.payload, actor: built.actor };
  },
  // One hook across a scenario: its id comes from the scenario's seed, not each event's.
  runOptions: (seed, options) => ({ ...options, hookId: options.hookId ?? hookIdFromSeed(seed) }),
  buildRequest: buildLogtoRequest,
  deliveryPolicy: logtoDeliveryPolicy,
  judge: judgeLogto,
  tally: (_event, _request, record) => tallyLogto(record),
  describeOutcome: describeLogtoOutcome,
  signature: { header: SIGNATURE_HEADER, sign: signLogtoBody, key: (options) => options.signingKey },
  signing: { scheme: { scheme: 'hmac-sha256-hex', header: SIGNATURE_HEADER }, key: (options) => options.signingKey, keyOption: 'signingKey' },
  mockApi: logtoMockApi,
  emulator: logtoEmulator,
  commands: [{ name: 'test-hook', module: new URL('./cli/test-hook.js', import.meta.url).href }],
  // Loaded when `hooksim check` runs: the check kit stays out of `import('hooksim')`.
  checks: () => import('./checks/index.js').then((module) => module.logtoChecks),
  secrets: (options) => [options.signingKey],
  contracts: logtoContracts,
  outcomeSummary: { title: 'Logto log rows (TriggerHook.<event>)', label: (outcome) => outcome.result },
};

declare module '../typed.js' {
  /** Logto's events, options and outcome, for the typed `send()` (declaration merging: the provider says it, typed.ts names none). */
  interface ProviderTypes {
    logto: { variants: import('./event-types.generated.js').LogtoEventVariants; options: import('zod').input<typeof logtoOptionsSchema>; outcome: LogtoOutcome };
  }
}
