import { dexieChecks } from './dexie-cloud.js';
import { genericChecks } from './generic.js';
import { logtoChecks } from './logto.js';
import type { CheckDefinition } from './types.js';

/** Check catalogues by provider name: a provider with checks of its own adds one line here. */
const catalogues: Record<string, readonly CheckDefinition[]> = {
  logto: logtoChecks,
  'dexie-cloud': dexieChecks,
};

/**
 * The checks for a provider: its own catalogue, or the generic one, which asks the provider
 * (its contract, signing scheme and repeats) and so works for provider files and any other.
 */
export function checksFor(provider: string): readonly CheckDefinition[] {
  return catalogues[provider] ?? genericChecks;
}
