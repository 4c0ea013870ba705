import { UsageError } from '../../../core/errors.js';
import type { JsonObject } from '../../../core/json.js';
import { seededDraws } from '../../../core/draws.js';
import { hookIdFromSeed } from '../identity.js';
import type { LogtoOptions } from '../options.js';
import { hasLogto143Fields } from '../versions.js';
import { exceptionEvents } from './exception.js';
import { interactionEvents } from './interaction.js';
import { resourceEvents } from './resources.js';
import type { LogtoEventBuild, LogtoEventInput, LogtoEventSpec } from './types.js';
import { trustedDeviceEvents, userEvents } from './user.js';

export type { LogtoEventBuild, LogtoEventInput, LogtoEventSpec } from './types.js';
export { membershipDelta, MEMBERSHIP_DELTA_CAP } from './resources.js';

/**
 * Every Logto event, in the order of `hookEvents` (packages/schemas/src/foundations/jsonb-types/hooks.ts):
 * 29 in 1.42; 1.43's two TrustedDevice events sit after User.SuspensionStatus.Updated.
 */
export const logtoEventSpecs: readonly LogtoEventSpec[] = [...interactionEvents, ...userEvents, ...trustedDeviceEvents, ...resourceEvents, ...exceptionEvents];

/** Refuses events the chosen Logto profile cannot send. */
export function assertAvailable(spec: LogtoEventSpec, options: LogtoOptions): void {
  if (spec.devFeature && !(hasLogto143Fields(options.version) && options.devFeatures)) {
    throw new UsageError(`${spec.name} exists only in Logto 1.43 with dev features enabled: use --option version=1.43 --option devFeatures=true`);
  }
  if (options.cimdClientId !== undefined && options.version !== 'master') {
    throw new UsageError('cimdClientId is a Logto master feature: use --option version=master');
  }
}

/** Builds an event for `actor` and appends `hookId` last, as `sendWebhook` does. */
export function buildLogtoEvent(spec: LogtoEventSpec, input: Omit<LogtoEventInput, 'draws'>): LogtoEventBuild {
  assertAvailable(spec, input.options);
  // Listed rather than spread: one object shape for every builder call.
  const { actor, now, seed, variant, options } = input;
  const built = spec.build({ actor, now, seed, variant, options, draws: seededDraws(seed, 3) });
  const hookId = input.options.hookId ?? hookIdFromSeed(input.seed);
  const payload = input.options.ipField === 'as-code' ? built.payload : renameKey(built.payload, input.options.ipField === 'ip' ? 'userIp' : 'ip', input.options.ipField);
  // The builder's payload is its own (LogtoEventSpec.build): appended in place, which keeps the
  // key order of `{ ...payload, hookId }` without that copy (about 1 µs on Node 20).
  payload.hookId = hookId;
  return { payload, actor: built.actor };
}

/** Renames a key where it stands, keeping the wire order. */
function renameKey(payload: JsonObject, from: string, to: string): JsonObject {
  return Object.fromEntries(Object.entries(payload).map(([key, value]) => [key === from ? to : key, value]));
}
