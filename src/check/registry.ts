import type { AnyProvider } from '../providers/types.js';
import type { CheckDefinition } from './types.js';

/**
 * The checks for a provider: its own catalogue (`Provider.checks`, loaded when asked for), or the
 * generic one, which asks the provider (its contract, signing scheme and repeats) and so works for
 * provider files and any other. Both load lazily: they bring the check kit with them.
 */
export async function checksFor(provider: AnyProvider): Promise<readonly CheckDefinition[]> {
  if (provider.checks) return provider.checks();
  const { genericChecks } = await import('./generic.js');
  return genericChecks;
}
