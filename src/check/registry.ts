import { UsageError } from '../core/errors.js';
import { dexieChecks } from './dexie-cloud.js';
import { logtoChecks } from './logto.js';
import type { CheckDefinition } from './types.js';

/** Check catalogues by provider name: a new provider adds one line here. */
const catalogues: Record<string, readonly CheckDefinition[]> = {
  logto: logtoChecks,
  'dexie-cloud': dexieChecks,
};

/** The checks for a provider, or a {@link UsageError} when hooksim has none for it. */
export function checksFor(provider: string): readonly CheckDefinition[] {
  const checks = catalogues[provider];
  if (!checks) throw new UsageError(`no checks for provider "${provider}"; checks exist for ${Object.keys(catalogues).join(', ')}`);
  return checks;
}
